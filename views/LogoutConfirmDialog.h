#pragma once

#include "logout/LogoutPlan.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSettings;
class QSpinBox;
class QTableWidget;

namespace signoff {

// The last look before a logout: how many sessions and users, which RPs will be told and which
// will not and why (the lint's prediction), what this IdP cannot do; scopes over
// LogoutPlan::kTypedCountThreshold sessions need the count typed. The concurrency is remembered.
class LogoutConfirmDialog : public QDialog
{
    Q_OBJECT
public:
    LogoutConfirmDialog(const logout::LogoutPlan &plan, QSettings *settings, QWidget *parent = nullptr);

    int concurrency() const;
    static QString concurrencyKey();
    static constexpr int kDefaultConcurrency = 8;

    void accept() override;

private:
    void updateStartButton();
    void fillRps(const logout::LogoutPlan &plan);

    QSettings *m_settings;
    int m_sessions;
    bool m_needsCount;
    bool m_canEnd;
    QTableWidget *m_rps;
    QLineEdit *m_typedCount = nullptr;
    QSpinBox *m_concurrency;
    QDialogButtonBox *m_buttons;
};

} // namespace signoff
