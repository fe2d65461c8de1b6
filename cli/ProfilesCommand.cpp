#include "ProfilesCommand.h"

#include "services/ConnectorService.h"
#include "services/ProfileService.h"
#include "store/ProfileStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

namespace signoff::cli {

namespace {
// lupdate files these strings under the context named here, as they are looked up at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(signoffctl)
};

constexpr qint64 kMaxSecretFileBytes = 64 * 1024;

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

Result<QString> readSecretFile(const QString &path)
{
    // Only a regular file: a FIFO with no writer would block forever, a device (/dev/zero) never ends.
    struct stat st
    {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return Result<QString>::failure(
            Tr::tr("cannot read secret file %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    if (!S_ISREG(st.st_mode))
        return Result<QString>::failure(
            Tr::tr("secret file %1 is not a regular file (a pipe or device is not accepted)").arg(path));
    if (st.st_size > kMaxSecretFileBytes)
        return Result<QString>::failure(Tr::tr("secret file %1 is too large (%2 bytes; a secret is at most %3)")
                                            .arg(path)
                                            .arg(qint64(st.st_size))
                                            .arg(kMaxSecretFileBytes));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Result<QString>::failure(Tr::tr("cannot read secret file %1: %2").arg(path, f.errorString()));
    const QByteArray raw = f.read(kMaxSecretFileBytes + 1);
    if (raw.size() > kMaxSecretFileBytes)
        return Result<QString>::failure(
            Tr::tr("secret file %1 is too large (a secret is at most %2 bytes)").arg(path).arg(kMaxSecretFileBytes));
    if (raw.contains('\0'))
        return Result<QString>::failure(Tr::tr("secret file %1 contains NUL bytes; it is not a text secret").arg(path));
    QString s = QString::fromUtf8(raw);
    // A trailing newline is what editors and `echo` add; it is never part of a secret.
    while (s.endsWith(QLatin1Char('\n')) || s.endsWith(QLatin1Char('\r')))
        s.chop(1);
    if (s.isEmpty())
        return Result<QString>::failure(Tr::tr("secret file %1 is empty").arg(path));
    return s;
}
} // namespace

Result<QString> readSecretInput(CliContext &ctx, const QString &secretFile, const QString &prompt)
{
    if (!secretFile.isEmpty())
        return readSecretFile(secretFile);
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
    p.addPositionalArgument(QStringLiteral("action"),
                            Tr::tr("list | show NAME | add | remove NAME | set-secret NAME | test NAME"),
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
            ctx.error(Tr::tr("no profile named '%1'").arg(escapeUnsafeCharacters(pos.at(1))));
        return prof;
    };

    if (action == QLatin1String("list") || action.isEmpty()) {
        for (const Profile &prof : store.profiles()) {
            if (ctx.json())
                ctx.emitJson(toJson(prof));
            else
                ctx.print(QStringLiteral("%1\t%2\t%3\t%4")
                              .arg(prof.id, escapeUnsafeCharacters(prof.name), idpKindId(prof.kind),
                                   prof.baseUrl.toString()));
        }
        return ExitOk;
    }
    ProfileService *service = ctx.app().profileService;
    if (action == QLatin1String("show")) {
        const auto prof = needName();
        if (!prof)
            return ExitUsage;
        QJsonObject o = toJson(*prof);
        using State = ProfileService::SecretState;
        const auto [state, error] = await<std::pair<State, QString>>([&](QObject *c, auto done) {
            service->secretState(prof->id, c, [done](State st, QString err) { done({st, err}); });
        });
        o.insert(QStringLiteral("secret"), state == State::Stored    ? QStringLiteral("stored")
                                           : state == State::Missing ? QStringLiteral("missing")
                                                                     : QStringLiteral("unavailable"));
        if (ctx.json()) {
            ctx.emitJson(o);
        } else {
            for (auto it = o.begin(); it != o.end(); ++it)
                ctx.print(
                    QStringLiteral("%1: %2").arg(it.key(), escapeUnsafeCharacters(it.value().toVariant().toString())));
            if (state == State::Unavailable)
                ctx.error(error);
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
        const bool wantSecret = !p.isSet(QStringLiteral("no-secret"));
        ProfileService::SaveRequest request{prof, QString(), true, false};
        // Everything but the secret first, so a typo is reported before anyone is prompted.
        if (auto issues = service->validate(request); !issues.isEmpty()) {
            issues.removeIf([](const ValidationIssue &i) { return i.field == QLatin1String("secret"); });
            if (!issues.isEmpty()) {
                ctx.error(issueMessages(issues).join(QLatin1Char(' ')));
                return ExitUsage;
            }
        }
        if (wantSecret) {
            const auto secret = readSecretInput(ctx, p.value(QStringLiteral("secret-file")),
                                                Tr::tr("Secret for %1: ").arg(escapeUnsafeCharacters(prof.name)));
            if (!secret) {
                ctx.error(secret.errorString());
                return ExitUsage;
            }
            request.secret = secret.value();
        } else {
            request.secretLater = true; // stored now, its secret set later with set-secret (or none: Hydra)
        }
        const auto out =
            await<ProfileService::SaveOutcome>([&](QObject *c, auto done) { service->save(request, c, done); });
        if (!out.saved) {
            ctx.error(out.errorString());
            return out.code == ProfileService::Invalid ? ExitUsage : ExitFailure;
        }
        if (ctx.json())
            ctx.emitJson(toJson(*out.saved));
        else
            ctx.print(Tr::tr("added profile %1 (%2)").arg(escapeUnsafeCharacters(out.saved->name), out.saved->id));
        return ExitOk;
    }
    if (action == QLatin1String("set-secret")) {
        const auto prof = needName();
        if (!prof)
            return ExitUsage;
        const auto secret = readSecretInput(ctx, p.value(QStringLiteral("secret-file")),
                                            Tr::tr("Secret for %1: ").arg(escapeUnsafeCharacters(prof->name)));
        if (!secret) {
            ctx.error(secret.errorString());
            return ExitUsage;
        }
        const Status s =
            await<Status>([&](QObject *c, auto done) { service->setSecret(prof->id, secret.value(), c, done); });
        if (!s) {
            ctx.error(s.errorString());
            return ExitFailure;
        }
        if (!ctx.json())
            ctx.print(Tr::tr("secret stored in the keychain for %1").arg(escapeUnsafeCharacters(prof->name)));
        return ExitOk;
    }
    if (action == QLatin1String("test")) {
        const auto prof = needName();
        if (!prof)
            return ExitUsage;
        return testConnection(ctx, *prof);
    }
    if (action == QLatin1String("remove")) {
        const auto prof = needName();
        if (!prof)
            return ExitUsage;
        const Status s = await<Status>([&](QObject *c, auto done) { service->remove(prof->id, c, done); });
        if (!s) {
            ctx.error(s.errorString());
            return s.error().code == ProfileService::Builtin ? ExitUsage : ExitFailure;
        }
        if (ctx.json())
            ctx.emitJson({{QStringLiteral("removed"), prof->id}});
        else
            ctx.print(Tr::tr("removed profile %1").arg(escapeUnsafeCharacters(prof->name)));
        return ExitOk;
    }
    ctx.error(Tr::tr("unknown action '%1'; expected list, show, add, remove, set-secret or test").arg(action));
    return ExitUsage;
}

int ProfilesCommand::testConnection(CliContext &ctx, const Profile &profile)
{
    auto connector = ctx.app().connectors->connect(profile);
    const auto report =
        await<Result<ConnectionReport>>([&](QObject *c, auto done) { connector->testConnection(c, done); });
    if (!report) {
        ctx.error(report.errorString());
        return ExitFailure;
    }
    const IdpFacts &f = report->facts;
    QStringList caps;
    const QList<std::pair<IdpCapability, const char *>> names{
        {IdpCapability::ListRelyingParties, "relying_parties"},
        {IdpCapability::SessionsPerRp, "sessions_per_rp"},
        {IdpCapability::SessionsPerRpByWalking, "sessions_per_rp_by_walking_users"},
        {IdpCapability::SessionsPerUser, "sessions_per_user"},
        {IdpCapability::SessionsPerSubjectOnly, "sessions_per_subject_only"},
        {IdpCapability::SessionCounts, "session_counts"},
        {IdpCapability::ReportsDeliveryOutcomes, "delivery_outcomes"}};
    for (const auto &[cap, name] : names)
        if (report->capabilities.testFlag(cap))
            caps << QString::fromLatin1(name);
    const QStringList notes = report->notes; // the connector's limitations are among them
    if (ctx.json()) {
        ctx.emitJson({{QStringLiteral("ok"), true},
                      {QStringLiteral("issuer"), f.issuer},
                      {QStringLiteral("version"), f.version},
                      {QStringLiteral("relying_parties"),
                       report->relyingParties ? QJsonValue(*report->relyingParties) : QJsonValue(QJsonValue::Null)},
                      {QStringLiteral("sessions"),
                       report->sessions ? QJsonValue(double(*report->sessions)) : QJsonValue(QJsonValue::Null)},
                      {QStringLiteral("capabilities"), QJsonArray::fromStringList(caps)},
                      {QStringLiteral("notes"), QJsonArray::fromStringList(notes)}});
        return ExitOk;
    }
    ctx.print(Tr::tr("connected to %1 (%2)")
                  .arg(f.issuer.isEmpty() ? profile.baseUrl.toString() : f.issuer,
                       f.version.isEmpty() ? idpKindLabel(profile.kind) : f.version));
    if (report->relyingParties)
        ctx.print(Tr::tr("relying parties: %1").arg(*report->relyingParties));
    if (report->sessions)
        ctx.print(Tr::tr("sessions: %1").arg(*report->sessions));
    ctx.print(Tr::tr("capabilities: %1").arg(caps.join(QStringLiteral(", "))));
    for (const QString &n : notes)
        ctx.print(Tr::tr("note: %1").arg(n));
    return ExitOk;
}

} // namespace signoff::cli
