#pragma once

#include "logout/LogoutTypes.h"

#include <QDialog>

class QTextBrowser;

namespace signoff {

// Everything known about one delivery: where it stands and who said so, the IdP's error text,
// the logout token's decoded header and claims when any source saw it, and every validation
// verdict of the mock RP or relay that received it. The signature is never shown.
class DeliveryDetailsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DeliveryDetailsDialog(QWidget *parent = nullptr);

    void setDelivery(const logout::Delivery &delivery);
    QString text() const; // plain text of what is shown, for tests and copying

    static QString html(const logout::Delivery &delivery);

private:
    QTextBrowser *m_view;
};

} // namespace signoff
