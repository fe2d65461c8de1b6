#include "CompositionRoot.h"
#include "MainWindow.h"
#include "Theme.h"
#include "idp/sandbox/SandboxProcess.h"
#include "services/MockRpWorkspace.h"
#include "services/SandboxController.h"
#include "store/ProfileStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSettings>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/signoff.png")));
    QApplication::setDesktopFileName(QStringLiteral("io.github.signoff.Signoff"));
    signoff::CompositionRoot root(app);
    const signoff::AppContext &ctx = root.context;
    signoff::applyAppearance(ctx.settings->value(signoff::appearanceKey()).toString());
    signoff::MainWindow window(ctx);
    QCommandLineParser args;
    args.setApplicationDescription(QApplication::translate("main", "Back-channel logout console"));
    args.addHelpOption();
    args.addVersionOption();
    const QCommandLineOption page(QStringLiteral("page"),
                                  QApplication::translate("main", "Open on page N (1 = Profiles … 6 = History)."),
                                  QStringLiteral("N"));
    args.addOption(page);
    const QCommandLineOption seed(
        QStringLiteral("seed-sessions"),
        QApplication::translate("main", "Seed N demo sessions when Signoff starts the sandbox."), QStringLiteral("N"));
    args.addOption(seed);
    args.process(app);
    if (args.isSet(seed)) {
        auto opt = ctx.sandbox->process()->options();
        opt.seedSessions = args.value(seed).toInt();
        opt.seedUsers = qMax(1, opt.seedSessions / 10);
        ctx.sandbox->process()->setOptions(opt);
    }
    if (args.isSet(page))
        window.showPage(args.value(page).toInt() - 1);
    // First start: the built-in Sandbox is the active profile, so a newcomer sees it work at once.
    if (ctx.profiles->activeProfileId().isEmpty())
        ctx.profiles->setActiveProfileId(QStringLiteral("sandbox"));
    window.setActiveProfile(ctx.profiles->activeProfileId());
    ctx.mockRps->resumeRunning();
    window.show();
    return QApplication::exec();
}
