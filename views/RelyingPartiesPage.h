#pragma once

#include "services/AppContext.h"

#include <QWidget>

#include <memory>

class QLabel;
class QTableView;
class QTextBrowser;

namespace signoff {

class ErrorBanner;
class IdpConnector;
class LogoutFlow;
class RelyingPartyModel;

// The active profile's relying parties with their back-channel settings and lint badges; the
// details pane explains each finding and how to fix it.
class RelyingPartiesPage : public QWidget
{
    Q_OBJECT
public:
    explicit RelyingPartiesPage(const AppContext &app, QWidget *parent = nullptr);
    ~RelyingPartiesPage() override;

    RelyingPartyModel *model() const { return m_model; }
    bool isLoading() const { return m_loading != nullptr; }
    LogoutFlow *logoutFlow() const { return m_logout; }

public slots:
    void refresh();
    void logOutEverySession();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showDetails();

    AppContext m_app;
    RelyingPartyModel *m_model;
    QTableView *m_table;
    QTextBrowser *m_details;
    QLabel *m_status;
    ErrorBanner *m_banner;
    std::unique_ptr<IdpConnector> m_connector;
    QObject *m_loading = nullptr;
    bool m_loadedOnce = false;
    LogoutFlow *m_logout;
};

} // namespace signoff
