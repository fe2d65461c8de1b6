#include "CompositionRoot.h"
#include "MainWindow.h"
#include "store/ProfileStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/signoff.png")));
    QApplication::setDesktopFileName(QStringLiteral("io.github.signoff.Signoff"));
    signoff::CompositionRoot root(app);
    signoff::MainWindow window(root.profiles, root.secrets, root.settings);
    if (!root.profiles->activeProfileId().isEmpty())
        window.setActiveProfile(root.profiles->activeProfileId());
    QCommandLineParser args;
    args.setApplicationDescription(QApplication::translate("main", "Back-channel logout console"));
    args.addHelpOption();
    args.addVersionOption();
    const QCommandLineOption page(QStringLiteral("page"),
                                  QApplication::translate("main", "Open on page N (1 = Profiles … 6 = History)."),
                                  QStringLiteral("N"));
    args.addOption(page);
    args.process(app);
    if (args.isSet(page))
        window.showPage(args.value(page).toInt() - 1);
    window.show();
    return QApplication::exec();
}
