#include "CompositionRoot.h"
#include "MainWindow.h"
#include "store/ProfileStore.h"

#include <QApplication>
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
    window.show();
    return QApplication::exec();
}
