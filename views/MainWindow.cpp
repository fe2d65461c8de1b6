#include "MainWindow.h"

#include "AboutDialog.h"
#include "Pages.h"
#include "ProfilesPage.h"
#include "SandboxPanel.h"
#include "SettingsDialog.h"
#include "Theme.h"
#include "idp/sandbox/SandboxProcess.h"
#include "services/LogoutService.h"
#include "services/SandboxController.h"
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

MainWindow::MainWindow(const AppContext &app, QWidget *parent)
    : QMainWindow(parent)
    , m_app(app)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Signoff"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/signoff.png")));

    m_nav = new QListWidget(this);
    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setStyleSheet(QStringLiteral("QListWidget::item { padding: 6px 10px; }"));
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("pages"));

    const QList<PageEntry> pages = createPages(app, this);
    for (int i = 0; i < pages.size(); ++i) {
        auto *item = new QListWidgetItem(pages[i].title, m_nav);
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(pages[i].title).arg(i + 1));
        m_stack->addWidget(pages[i].widget);
    }
    m_profilesPage = qobject_cast<ProfilesPage *>(m_stack->widget(ProfilesPageIndex));
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
    if (!app.history) {
        // Runs still work, but nothing of them is kept: say so on every page, not only on History.
        auto *historyWarning = new QLabel(tr("History not kept"), this);
        historyWarning->setObjectName(QStringLiteral("historyWarning"));
        historyWarning->setToolTip(app.historyError);
        setErrorStyle(historyWarning, true);
        statusBar()->addPermanentWidget(historyWarning);
    }

    connect(m_profilesPage, &ProfilesPage::activateRequested, this, &MainWindow::setActiveProfile);
    connect(m_profilesPage, &ProfilesPage::message, this,
            [this](const QString &t) { statusBar()->showMessage(t, 5000); });
    connect(m_profilesPage->sandboxPanel(), &SandboxPanel::startRequested, this, &MainWindow::startSandbox);
    connect(m_app.sandbox->process(), &SandboxProcess::stateChanged, this, &MainWindow::onSandboxState);
    connect(m_app.profiles, &ProfileStore::profileChanged, this, &MainWindow::refreshProfileLabel);
    connect(m_app.profiles, &ProfileStore::profileRemoved, this, &MainWindow::refreshProfileLabel);
    // A started logout (from any page, or a retry) is watched where its outcomes arrive.
    if (m_app.logout)
        connect(m_app.logout, &services::LogoutService::runStarted, this, [this] { showPage(DeliveriesPage); });

    buildMenus();
    refreshProfileLabel();
    setConnectionState(tr("Not connected"));
    showPage(ProfilesPageIndex);

    restoreGeometry(m_app.settings->value(QStringLiteral("ui/geometry")).toByteArray());
    if (!m_app.settings->contains(QStringLiteral("ui/geometry")))
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
    m_app.profiles->setActiveProfileId(id);
    refreshProfileLabel();
    const auto p = m_app.profiles->find(id);
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
    const auto p = m_app.profiles->find(m_app.profiles->activeProfileId());
    const int port = p && p->kind == IdpKind::Sandbox ? p->baseUrl.port() : 0;
    setConnectionState(tr("Sandbox: reading its admin secret…"));
    m_app.sandbox->start(port, this, [this](Result<SandboxAdminSecret> secret) {
        if (!secret) {
            setConnectionState(tr("Sandbox not started"));
            statusBar()->showMessage(secret.errorString());
            QMessageBox::warning(this, tr("Sandbox"), secret.errorString());
            return;
        }
        if (!secret->inKeychain)
            statusBar()->showMessage(
                tr("No Secret Service is reachable: the sandbox's admin secret is kept in %1 (readable by you only).")
                    .arg(secret->location));
    });
}

void MainWindow::onSandboxState()
{
    const auto p = m_app.profiles->find(m_app.profiles->activeProfileId());
    if (p && p->kind == IdpKind::Sandbox)
        setConnectionState(m_app.sandbox->process()->stateText());
}

void MainWindow::setConnectionState(const QString &text)
{
    m_connectionLabel->setText(text);
}

void MainWindow::refreshProfileLabel()
{
    const auto p = m_app.profiles->find(m_app.profiles->activeProfileId());
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
    auto *d = new SettingsDialog(m_app.settings, this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_app.settings->setValue(QStringLiteral("ui/geometry"), saveGeometry());
    using S = SandboxProcess::State;
    SandboxProcess *sandbox = m_app.sandbox->process();
    const bool sandboxRunning =
        sandbox->ownsProcess() && sandbox->state() != S::Stopped && sandbox->state() != S::Failed;
    if (!sandboxRunning || m_quitting) {
        QMainWindow::closeEvent(event);
        return;
    }
    // Stop the sandbox we started without freezing the window; close for real once it is down
    // (SandboxProcess kills it if it ignores SIGTERM for 5 s).
    event->ignore();
    if (std::exchange(m_stoppingSandbox, true))
        return;
    setConnectionState(tr("Stopping the sandbox…"));
    setEnabled(false);
    m_app.sandbox->stopAttached(this, [this] {
        m_quitting = true;
        close();
    });
}

} // namespace signoff
