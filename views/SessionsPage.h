#pragma once

#include "idp/IdpTypes.h"
#include "services/AppContext.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTableView;
class QTextBrowser;
class QTimer;

namespace signoff {

class ErrorBanner;
class IdpConnector;
class LogoutFlow;
class SessionModel;
class SessionFilterModel;

// Users' active sessions per RP (or per user), loaded page by page with a visible count, filtered
// as you type, multi-selectable and copyable, never freezing the window.
class SessionsPage : public QWidget
{
    Q_OBJECT
public:
    explicit SessionsPage(const AppContext &app, QWidget *parent = nullptr);
    ~SessionsPage() override;

    SessionModel *model() const { return m_model; }
    SessionFilterModel *filterModel() const { return m_filter; }
    bool isLoading() const { return m_loading != nullptr; }
    LogoutFlow *logoutFlow() const { return m_logout; }
    QList<IdpSession> selectedSessions() const;

public slots:
    void refresh();
    void copySelection();
    void logOutSelection();
    void logOutUser();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void loadRps();
    void showDetails();
    void updateCount();
    void flushPending();
    QWidget *buildLogoutRow();

    AppContext m_app;
    SessionModel *m_model;
    SessionFilterModel *m_filter;
    QComboBox *m_scope;
    QLineEdit *m_user;
    QLineEdit *m_search;
    QLabel *m_count;
    QLabel *m_limits;
    QProgressBar *m_progress;
    ErrorBanner *m_banner;
    QTableView *m_table;
    QTextBrowser *m_details;
    std::unique_ptr<IdpConnector> m_connector;
    QObject *m_loading = nullptr;
    bool m_loadedOnce = false;
    std::optional<qint64> m_total;
    QList<IdpSession> m_pending; // pages received, not yet in the model
    QTimer *m_flush;
    LogoutFlow *m_logout;
    QLabel *m_logoutStatus;
};

} // namespace signoff
