#include "CompositionRoot.h"
#include "cli/CliApp.h"

#include <QCoreApplication>
#include <QTextStream>

#include <csignal>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    signoff::CompositionRoot root(app);
    QTextStream out(stdout);
    QTextStream err(stderr);
    signoff::cli::CliContext ctx(out, err, root.context);
    signoff::cli::CliApp cli(ctx);
    signoff::cli::addBuiltinCommands(cli);
    const auto code = cli.run(QCoreApplication::arguments());
    if (code)
        return *code;
    return QCoreApplication::exec();
}
