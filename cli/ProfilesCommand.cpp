#include "ProfilesCommand.h"

#include "store/ProfileStore.h"
#include "store/SecretStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace signoff::cli {

namespace {
// lupdate files these strings under the context named here, as they are looked up at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(signoffctl)
};

QJsonObject toJson(const Profile &p)
{
    // Deliberately field by field: a profile has no secret member, and exports list what they carry.
    return {{QStringLiteral("id"), p.id},
            {QStringLiteral("name"), p.name},
            {QStringLiteral("kind"), idpKindId(p.kind)},
            {QStringLiteral("base_url"), p.baseUrl.toString()},
            {QStringLiteral("realm"), p.realm},
            {QStringLiteral("auth"), authMethodId(p.authMethod)},
            {QStringLiteral("client_id"), p.clientId},
            {QStringLiteral("username"), p.username},
            {QStringLiteral("ca_file"), p.caFile},
            {QStringLiteral("pinned_sha256"), p.pinnedSha256},
            {QStringLiteral("builtin"), p.builtin}};
}

QString readNoEcho(const QString &prompt)
{
    QTextStream err(stderr);
    err << prompt;
    err.flush();
    termios old{};
    const bool tty = ::tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {
        termios silent = old;
        silent.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    QTextStream in(stdin);
    const QString line = in.readLine();
    if (tty)
        ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
    err << '\n';
    err.flush();
    return line;
}
} // namespace

Result<QString> readSecretInput(CliContext &ctx, const QString &secretFile, const QString &prompt)
{
    if (!secretFile.isEmpty()) {
        QFile f(secretFile);
        if (!f.open(QIODevice::ReadOnly))
            return Result<QString>::failure(Tr::tr("cannot read secret file %1: %2").arg(secretFile, f.errorString()));
        QString s = QString::fromUtf8(f.read(64 * 1024));
        // A trailing newline is what editors and `echo` add; it is never part of a secret.
        while (s.endsWith(QLatin1Char('\n')) || s.endsWith(QLatin1Char('\r')))
            s.chop(1);
        if (s.isEmpty())
            return Result<QString>::failure(Tr::tr("secret file %1 is empty").arg(secretFile));
        return s;
    }
    const QByteArray env = qgetenv("SIGNOFF_SECRET");
    if (!env.isEmpty())
        return QString::fromUtf8(env);
    if (ctx.stdinIsTty()) {
        const QString s = readNoEcho(prompt);
        if (s.isEmpty())
            return Result<QString>::failure(Tr::tr("no secret entered"));
        return s;
    }
    return Result<QString>::failure(Tr::tr(
        "no secret given: use --secret-file FILE or the SIGNOFF_SECRET environment variable (or run on a terminal "
        "to be prompted)"));
}

QString ProfilesCommand::summary() const
{
    return Tr::tr("List, show, add and remove IdP connection profiles (secrets go to the OS keychain).");
}

void ProfilesCommand::setup(QCommandLineParser &p)
{
    p.addPositionalArgument(QStringLiteral("action"), Tr::tr("list | show NAME | add | remove NAME | set-secret NAME"),
                            QStringLiteral(" "));
    p.addOption({QStringLiteral("name"), Tr::tr("Profile name (add)."), QStringLiteral("NAME")});
    p.addOption(
        {QStringLiteral("kind"), Tr::tr("IdP kind: sandbox, keycloak, logto, hydra (add)."), QStringLiteral("KIND")});
    p.addOption({QStringLiteral("base-url"), Tr::tr("IdP base URL (add)."), QStringLiteral("URL")});
    p.addOption({QStringLiteral("realm"), Tr::tr("Keycloak realm or Logto tenant (add)."), QStringLiteral("REALM")});
    p.addOption(
        {QStringLiteral("auth"), Tr::tr("client_credentials (default) or password (add)."), QStringLiteral("METHOD")});
    p.addOption({QStringLiteral("client-id"), Tr::tr("Admin client id (add)."), QStringLiteral("ID")});
    p.addOption({QStringLiteral("username"), Tr::tr("Username for the password grant (add)."), QStringLiteral("USER")});
    p.addOption({QStringLiteral("ca-file"), Tr::tr("Extra CA certificates (PEM) for this profile (add)."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("pin-sha256"), Tr::tr("Pin the server certificate by its SHA-256 (add)."),
                 QStringLiteral("HEX")});
    p.addOption({QStringLiteral("secret-file"), Tr::tr("Read the client secret or password from FILE."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("no-secret"), Tr::tr("Add without a secret (Hydra admin APIs without auth).")});
}

std::optional<int> ProfilesCommand::run(CliContext &ctx, const QCommandLineParser &p)
{
    const QStringList pos = p.positionalArguments();
    const QString action = pos.value(0);
    ProfileStore &store = *ctx.profiles();

    auto needName = [&]() -> std::optional<Profile> {
        if (pos.size() < 2) {
            ctx.error(Tr::tr("'profiles %1' needs a profile name or id").arg(action));
            return std::nullopt;
        }
        auto prof = store.find(pos.at(1));
        if (!prof)
            ctx.error(Tr::tr("no profile named '%1'").arg(pos.at(1)));
        return prof;
    };

    if (action == QLatin1String("list") || action.isEmpty()) {
        for (const Profile &prof : store.profiles()) {
            if (ctx.json())
                ctx.emitJson(toJson(prof));
            else
                ctx.print(QStringLiteral("%1\t%2\t%3\t%4")
                              .arg(prof.id, prof.name, idpKindId(prof.kind), prof.baseUrl.toString()));
        }
        return ExitOk;
    }
    if (action == QLatin1String("show")) {
        const auto prof = needName();
        if (!prof)
            return ExitUsage;
        QJsonObject o = toJson(*prof);
        const auto secret = ctx.secrets()->readSync(prof->secretKey());
        const QString secretState = secret.ok()                                    ? QStringLiteral("stored")
                                    : secret.error().code == SecretStore::NotFound ? QStringLiteral("missing")
                                                                                   : QStringLiteral("unavailable");
        o.insert(QStringLiteral("secret"), secretState);
        if (ctx.json()) {
            ctx.emitJson(o);
        } else {
            for (auto it = o.begin(); it != o.end(); ++it)
                ctx.print(QStringLiteral("%1: %2").arg(it.key(), it.value().toVariant().toString()));
            if (!secret.ok() && secret.error().code != SecretStore::NotFound)
                ctx.error(secret.errorString());
        }
        return ExitOk;
    }
    if (action == QLatin1String("add")) {
        Profile prof;
        prof.name = p.value(QStringLiteral("name"));
        if (!parseIdpKind(p.value(QStringLiteral("kind")), &prof.kind)) {
            ctx.error(Tr::tr("--kind must be one of: %1").arg(idpKindIds().join(QStringLiteral(", "))));
            return ExitUsage;
        }
        prof.baseUrl = QUrl(p.value(QStringLiteral("base-url")), QUrl::StrictMode);
        prof.realm = p.value(QStringLiteral("realm"));
        if (p.isSet(QStringLiteral("auth")) && !parseAuthMethod(p.value(QStringLiteral("auth")), &prof.authMethod)) {
            ctx.error(Tr::tr("--auth must be client_credentials or password"));
            return ExitUsage;
        }
        prof.clientId = p.value(QStringLiteral("client-id"));
        prof.username = p.value(QStringLiteral("username"));
        prof.caFile = p.value(QStringLiteral("ca-file"));
        prof.pinnedSha256 = p.value(QStringLiteral("pin-sha256"));
        if (const auto issues = validateProfile(prof, store.namesExcept(QString())); !issues.isEmpty()) {
            ctx.error(issueMessages(issues).join(QLatin1Char(' ')));
            return ExitUsage;
        }
        prof.id = makeProfileId(prof.name, store.ids());

        // Secret first: a profile whose secret could not be stored would fail later in a worse place.
        const bool wantSecret = !p.isSet(QStringLiteral("no-secret"));
        if (wantSecret) {
            const auto secret =
                readSecretInput(ctx, p.value(QStringLiteral("secret-file")), Tr::tr("Secret for %1: ").arg(prof.name));
            if (!secret) {
                ctx.error(secret.errorString());
                return ExitUsage;
            }
            if (Status s = ctx.secrets()->writeSync(prof.secretKey(), secret.value()); !s) {
                ctx.error(s.errorString());
                return ExitFailure;
            }
        }
        const auto added = store.add(prof);
        if (!added) {
            if (wantSecret)
                ctx.secrets()->removeSync(prof.secretKey());
            ctx.error(added.errorString());
            return ExitFailure;
        }
        if (ctx.json())
            ctx.emitJson(toJson(added.value()));
        else
            ctx.print(Tr::tr("added profile %1 (%2)").arg(added->name, added->id));
        return ExitOk;
    }
    if (action == QLatin1String("set-secret")) {
        const auto prof = needName();
        if (!prof)
            return ExitUsage;
        const auto secret =
            readSecretInput(ctx, p.value(QStringLiteral("secret-file")), Tr::tr("Secret for %1: ").arg(prof->name));
        if (!secret) {
            ctx.error(secret.errorString());
            return ExitUsage;
        }
        if (Status s = ctx.secrets()->writeSync(prof->secretKey(), secret.value()); !s) {
            ctx.error(s.errorString());
            return ExitFailure;
        }
        if (!ctx.json())
            ctx.print(Tr::tr("secret stored in the keychain for %1").arg(prof->name));
        return ExitOk;
    }
    if (action == QLatin1String("remove")) {
        const auto prof = needName();
        if (!prof)
            return ExitUsage;
        if (prof->builtin) {
            ctx.error(Tr::tr("the built-in profile '%1' cannot be removed").arg(prof->name));
            return ExitUsage;
        }
        // Keychain first: if it fails, the profile stays so the user can retry and no orphan secret remains.
        if (Status s = ctx.secrets()->removeSync(prof->secretKey()); !s) {
            ctx.error(s.errorString());
            return ExitFailure;
        }
        if (Status s = store.remove(prof->id); !s) {
            ctx.error(s.errorString());
            return ExitFailure;
        }
        if (ctx.json())
            ctx.emitJson({{QStringLiteral("removed"), prof->id}});
        else
            ctx.print(Tr::tr("removed profile %1").arg(prof->name));
        return ExitOk;
    }
    ctx.error(Tr::tr("unknown action '%1'; expected list, show, add, remove or set-secret").arg(action));
    return ExitUsage;
}

} // namespace signoff::cli
