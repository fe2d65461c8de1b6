#pragma once

#include "services/AppContext.h"

#include <QMainWindow>

class QListWidget;
class QStackedWidget;
class QLabel;
class QSettings;

namespace signoff {

class ProfilesPage;

// The console's frame: navigation between the pages registered in Pages.cpp, the status bar with
// the active profile, menus. Holds no protocol logic; pages take what they need from the AppContext.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum Page
    {
        ProfilesPageIndex,
        RelyingPartiesPage,
        SessionsPage,
        DeliveriesPage,
        MockRpsPage,
        HistoryPage,
        PageCount
    };

    // Page indices follow the registration order in Pages.cpp.
    explicit MainWindow(const AppContext &app, QWidget *parent = nullptr);

    void showPage(int page);
    int currentPage() const;
    ProfilesPage *profilesPage() const { return m_profilesPage; }

    void setActiveProfile(const QString &id);
    // Connection state of the active profile, shown in the status bar.
    void setConnectionState(const QString &text);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void showAbout();
    void showSettings();
    void refreshProfileLabel();
    void startSandbox();
    void onSandboxState();

    AppContext m_app;
    bool m_stoppingSandbox = false;
    bool m_quitting = false;
    QListWidget *m_nav;
    QStackedWidget *m_stack;
    ProfilesPage *m_profilesPage;
    QLabel *m_profileLabel;
    QLabel *m_connectionLabel;
};

} // namespace signoff
