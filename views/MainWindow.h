#pragma once

#include <QMainWindow>

class QListWidget;
class QStackedWidget;
class QLabel;
class QSettings;

namespace signoff {

class ProfileStore;
class SecretStore;
class ProfilesPage;
class SandboxProcess;

// The console's frame: navigation between the product's pages, the status bar with the
// active profile, menus. Holds no protocol logic; pages get what they need handed in.
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

    MainWindow(ProfileStore *profiles, SecretStore *secrets, SandboxProcess *sandbox, QSettings *settings,
               QWidget *parent = nullptr);

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

    ProfileStore *m_profiles;
    SecretStore *m_secrets;
    SandboxProcess *m_sandbox;
    QSettings *m_settings;
    QListWidget *m_nav;
    QStackedWidget *m_stack;
    ProfilesPage *m_profilesPage;
    QLabel *m_profileLabel;
    QLabel *m_connectionLabel;
};

} // namespace signoff
