#include "MainWindow.h"

#include "AboutDialog.h"
#include "EmptyStatePage.h"
#include "ProfilesPage.h"
#include "SandboxPanel.h"
#include "SettingsDialog.h"
#include "idp/sandbox/SandboxAdminSecret.h"
#include "idp/sandbox/SandboxProcess.h"
#include "store/ProfileStore.h"

#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>

namespace signoff {

MainWindow::MainWindow(ProfileStore *profiles, SecretStore *secrets, SandboxProcess *sandbox, QSettings *settings,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
    , m_sandbox(sandbox)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Signoff"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/signoff.png")));

    m_nav = new QListWidget(this);
    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setStyleSheet(QStringLiteral("QListWidget::item { padding: 6px 10px; }"));
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("pages"));

    m_profilesPage = new ProfilesPage(profiles, secrets, sandbox, this);
    m_profilesPage->setObjectName(QStringLiteral("profilesPage"));
    struct Entry
    {
        QString title;
        QWidget *page;
    };
    const QList<Entry> pages{
        {tr("Profiles"), m_profilesPage},
        {tr("Relying parties"),
         new EmptyStatePage(tr("Relying parties"),
                            tr("The active profile's relying parties will appear here with their back-channel "
                               "logout settings, and warnings for settings that silently break logout (no URI, "
                               "http://, loopback addresses the IdP refuses, front-channel overriding back-channel). "
                               "This arrives with the IdP connectors."),
                            this)},
        {tr("Sessions"),
         new EmptyStatePage(tr("Sessions"),
                            tr("Users' active sessions per relying party will appear here, searchable and paged, "
                               "with actions to force a logout. This arrives with the IdP connectors."),
                            this)},
        {tr("Deliveries"),
         new EmptyStatePage(tr("Deliveries"),
                            tr("Each forced logout will show here, live, which relying parties were told and what "
                               "they answered: delivered, failed, timed out, or sent but unconfirmed."),
                            this)},
        {tr("Mock RPs"),
         new EmptyStatePage(tr("Mock RPs"),
                            tr("Local mock relying-party endpoints will be managed here: they receive logout tokens, "
                               "check every rule of the spec, and can be told to misbehave. Until then, use "
                               "`signoffctl mock-rp`."),
                            this)},
        {tr("History"),
         new EmptyStatePage(tr("History"),
                            tr("Every logout run and its per-RP outcomes will be kept here, in a local database, "
                               "searchable and exportable."),
                            this)},
    };
    for (int i = 0; i < pages.size(); ++i) {
        auto *item = new QListWidgetItem(pages[i].title, m_nav);
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(pages[i].title).arg(i + 1));
        m_stack->addWidget(pages[i].page);
    }
    m_stack->widget(RelyingPartiesPage)->setObjectName(QStringLiteral("relyingPartiesPage"));
    m_stack->widget(SessionsPage)->setObjectName(QStringLiteral("sessionsPage"));
    m_stack->widget(DeliveriesPage)->setObjectName(QStringLiteral("deliveriesPage"));
    m_stack->widget(MockRpsPage)->setObjectName(QStringLiteral("mockRpsPage"));
    m_stack->widget(HistoryPage)->setObjectName(QStringLiteral("historyPage"));
    connect(m_nav, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);

    auto *split = new QSplitter(this);
    split->addWidget(m_nav);
    split->addWidget(m_stack);
    split->setStretchFactor(1, 1);
    split->setSizes({190, 910});
    split->setChildrenCollapsible(false);
    setCentralWidget(split);

    m_profileLabel = new QLabel(this);
    m_profileLabel->setObjectName(QStringLiteral("activeProfileLabel"));
    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    statusBar()->addPermanentWidget(m_profileLabel);
    statusBar()->addPermanentWidget(m_connectionLabel);

    connect(m_profilesPage, &ProfilesPage::activateRequested, this, &MainWindow::setActiveProfile);
    connect(m_profilesPage, &ProfilesPage::message, this,
            [this](const QString &t) { statusBar()->showMessage(t, 5000); });
    connect(m_profilesPage->sandboxPanel(), &SandboxPanel::startRequested, this, &MainWindow::startSandbox);
    connect(m_sandbox, &SandboxProcess::stateChanged, this, &MainWindow::onSandboxState);
    connect(m_profiles, &ProfileStore::profileChanged, this, &MainWindow::refreshProfileLabel);
    connect(m_profiles, &ProfileStore::profileRemoved, this, &MainWindow::refreshProfileLabel);

    buildMenus();
    refreshProfileLabel();
    setConnectionState(tr("Not connected"));
    showPage(ProfilesPageIndex);

    restoreGeometry(m_settings->value(QStringLiteral("ui/geometry")).toByteArray());
    if (!m_settings->contains(QStringLiteral("ui/geometry")))
        resize(1100, 700);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *settings = file->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    settings->setShortcut(QKeySequence::Preferences);
    settings->setObjectName(QStringLiteral("settingsAction"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    for (int i = 0; i < PageCount; ++i) {
        QAction *a = go->addAction(m_nav->item(i)->text(), this, [this, i] { showPage(i); });
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Signoff"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::showPage(int page)
{
    if (page >= 0 && page < PageCount)
        m_nav->setCurrentRow(page);
}

int MainWindow::currentPage() const
{
    return m_stack->currentIndex();
}

void MainWindow::setActiveProfile(const QString &id)
{
    m_profiles->setActiveProfileId(id);
    refreshProfileLabel();
    const auto p = m_profiles->find(id);
    if (p)
        statusBar()->showMessage(tr("Active profile: %1").arg(p->name), 5000);
    if (p && p->kind == IdpKind::Sandbox) {
        startSandbox();
        return;
    }
    // Connectors arrive later: the state says so rather than pretending to be connected.
    setConnectionState(p ? tr("Not connected (connector not available yet)") : tr("Not connected"));
}

void MainWindow::startSandbox()
{
    const auto p = m_profiles->find(m_profiles->activeProfileId());
    SandboxProcess::Options opt = m_sandbox->options();
    if (p && p->kind == IdpKind::Sandbox && p->baseUrl.port() > 0)
        opt.port = p->baseUrl.port();
    m_sandbox->setOptions(opt);
    setConnectionState(tr("Sandbox: reading its admin secret from the keychain…"));
    ensureSandboxAdminSecret(m_secrets, this, [this](Result<QString> secret) {
        if (!secret) {
            setConnectionState(tr("Sandbox not started"));
            statusBar()->showMessage(secret.errorString());
            QMessageBox::warning(this, tr("Sandbox"), secret.errorString());
            return;
        }
        m_sandbox->start(secret.value());
    });
}

void MainWindow::onSandboxState()
{
    const auto p = m_profiles->find(m_profiles->activeProfileId());
    if (p && p->kind == IdpKind::Sandbox)
        setConnectionState(m_sandbox->stateText());
}

void MainWindow::setConnectionState(const QString &text)
{
    m_connectionLabel->setText(text);
}

void MainWindow::refreshProfileLabel()
{
    const auto p = m_profiles->find(m_profiles->activeProfileId());
    m_profileLabel->setText(p ? tr("Profile: %1").arg(p->name) : tr("No active profile"));
}

void MainWindow::showAbout()
{
    auto *d = new AboutDialog(this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->open();
}

void MainWindow::showSettings()
{
    auto *d = new SettingsDialog(m_settings, this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings->setValue(QStringLiteral("ui/geometry"), saveGeometry());
    QMainWindow::closeEvent(event);
}

} // namespace signoff
