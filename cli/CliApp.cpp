#include "CliApp.h"

#include "core/Version.h"

#include <QCoreApplication>
#include <QTextStream>

namespace signoff::cli {

CliApp::CliApp(CliContext &ctx)
    : m_ctx(ctx)
{}
CliApp::~CliApp() = default;

void CliApp::add(std::unique_ptr<CliCommand> command)
{
    m_commands.push_back(std::move(command));
}

CliCommand *CliApp::find(const QString &name) const
{
    for (const auto &c : m_commands) {
        if (c->name() == name)
            return c.get();
    }
    return nullptr;
}

QString CliApp::usage() const
{
    QString text =
        QCoreApplication::translate("signoffctl", "Usage: signoffctl [--version] [--help] COMMAND [OPTIONS]\n"
                                                  "Back-channel logout console, headless.\n\nCommands:\n");
    for (const auto &c : m_commands)
        text += QStringLiteral("  %1  %2\n").arg(c->name(), -10).arg(c->summary());
    text += QCoreApplication::translate("signoffctl", "\nRun 'signoffctl COMMAND --help' for a command's options.\n");
    return text;
}

std::optional<int> CliApp::run(const QStringList &arguments)
{
    const QStringList args = arguments.mid(1);
    if (args.isEmpty()) {
        m_ctx.error(QCoreApplication::translate("signoffctl", "no command given; try 'signoffctl --help'"));
        return ExitUsage;
    }
    const QString first = args.first();
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        m_ctx.out() << usage();
        m_ctx.out().flush();
        return ExitOk;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-V")) {
        const Versions v = versions();
        if (args.contains(QLatin1String("--json"))) {
            m_ctx.emitJson({{QStringLiteral("signoff"), v.signoff},
                            {QStringLiteral("qt"), v.qtRuntime},
                            {QStringLiteral("openssl"), v.openssl},
                            {QStringLiteral("qtkeychain"), v.qtkeychain}});
        } else {
            m_ctx.print(QStringLiteral("signoffctl %1 (Qt %2, %3, QtKeychain %4)")
                            .arg(v.signoff, v.qtRuntime, v.openssl, v.qtkeychain));
        }
        return ExitOk;
    }
    if (first.startsWith(QLatin1Char('-'))) {
        m_ctx.error(
            QCoreApplication::translate("signoffctl", "unknown option '%1'; try 'signoffctl --help'").arg(first));
        return ExitUsage;
    }
    CliCommand *cmd = find(first);
    if (!cmd) {
        m_ctx.error(
            QCoreApplication::translate("signoffctl", "unknown command '%1'; try 'signoffctl --help'").arg(first));
        return ExitUsage;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(cmd->summary());
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QCoreApplication::translate("signoffctl", "Show this command's options."));
    const QCommandLineOption json(
        QStringLiteral("json"),
        QCoreApplication::translate("signoffctl", "Output JSON Lines (one object per record)."));
    parser.addOption(help);
    if (cmd->hasJsonOutput())
        parser.addOption(json);
    cmd->setup(parser);

    QStringList cmdArgs = args;
    cmdArgs[0] = QStringLiteral("signoffctl %1").arg(cmd->name());
    if (!parser.parse(cmdArgs)) {
        m_ctx.error(parser.errorText());
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        // QCommandLineParser's first line names argv[0]; show the subcommand and its syntax instead.
        const qsizetype eol = text.indexOf(QLatin1Char('\n'));
        text.replace(0, eol, QStringLiteral("Usage: signoffctl %1 [options] %2").arg(cmd->name(), cmd->syntax()));
        m_ctx.out() << text;
        m_ctx.out().flush();
        return ExitOk;
    }
    m_ctx.setJson(cmd->hasJsonOutput() && parser.isSet(json));
    return cmd->run(m_ctx, parser);
}

} // namespace signoff::cli
