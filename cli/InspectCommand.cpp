#include "InspectCommand.h"

#include "TokenCliOptions.h"
#include "jose/JwksSource.h"
#include "jose/LogoutTokenValidator.h"
#include "mockrp/FormBody.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace signoff::cli {

namespace {
// lupdate files these strings under the context named here, as they are looked up at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(signoffctl)
};

// Far more than any logout token; what is larger is refused rather than cut and misjudged.
constexpr qint64 kMaxStdinBytes = 1024 * 1024;

Result<QByteArray> readStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return Result<QByteArray>::failure(Tr::tr("cannot read standard input"));
    QByteArray raw;
    // One byte past the limit tells "too large" from "exactly the limit".
    while (raw.size() <= kMaxStdinBytes) {
        const QByteArray part = in.read(kMaxStdinBytes + 1 - raw.size());
        if (part.isEmpty())
            break;
        raw += part;
    }
    if (raw.size() > kMaxStdinBytes)
        return Result<QByteArray>::failure(
            Tr::tr("standard input is larger than %1 bytes; a logout token is far smaller").arg(kMaxStdinBytes));
    return raw;
}

// Accepts the bare token, "logout_token=..." as copied from a request body, or "-" for stdin.
Result<QByteArray> readToken(const QString &arg)
{
    QByteArray raw;
    if (arg == QLatin1String("-")) {
        auto input = readStdin();
        if (!input)
            return input;
        raw = std::move(input).value();
    } else {
        raw = arg.toUtf8();
    }
    raw = raw.trimmed();
    if (raw.startsWith("logout_token=") || raw.contains("&logout_token=")) {
        const auto form = mockrp::parseFormBody(raw);
        if (!form)
            return Result<QByteArray>::failure(form.errorString());
        for (const auto &f : *form) {
            if (f.first == "logout_token")
                return f.second.trimmed();
        }
    }
    if (raw.isEmpty())
        return Result<QByteArray>::failure(Tr::tr("the token is empty"));
    return raw;
}

QString annotatedClaims(const QJsonObject &claims)
{
    QString text = QString::fromUtf8(QJsonDocument(claims).toJson(QJsonDocument::Indented)).trimmed();
    for (const char *name : {"iat", "exp"}) {
        const QJsonValue v = claims.value(QLatin1String(name));
        if (v.isDouble() && v.toDouble() > 0 && v.toDouble() < 253402300800.0)
            text += QStringLiteral("\n  %1 = %2")
                        .arg(QLatin1String(name),
                             QDateTime::fromSecsSinceEpoch(qint64(v.toDouble()), Qt::UTC).toString(Qt::ISODate));
    }
    return text;
}
} // namespace

struct InspectCommand::Pending
{
    QObject root;
    jose::JwksSource *keys = nullptr;
};

InspectCommand::InspectCommand() = default;
InspectCommand::~InspectCommand() = default;

QString InspectCommand::summary() const
{
    return Tr::tr("Decode a logout token and show the verdict of every validation rule.");
}

void InspectCommand::setup(QCommandLineParser &parser)
{
    TokenCliOptions::declare(parser);
    parser.addPositionalArgument(QStringLiteral("token"),
                                 Tr::tr("The logout token, logout_token=... form text, or - for standard input."));
}

std::optional<int> InspectCommand::run(CliContext &ctx, const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1) {
        ctx.error(Tr::tr("inspect needs exactly one TOKEN (or - for standard input)"));
        return ExitUsage;
    }
    auto options = TokenCliOptions::read(parser);
    if (!options) {
        ctx.error(options.errorString());
        return ExitUsage;
    }
    auto token = readToken(args.first());
    if (!token) {
        ctx.error(token.errorString());
        return ExitUsage;
    }
    const bool haveKeys = !options->jwksUri.isEmpty() || !options->discoveryUrl.isEmpty();
    bool onlyHmac = !options->validator.clientSecret.isEmpty();
    for (const jose::JwsAlg a : options->validator.algorithms)
        onlyHmac = onlyHmac && jose::isHmacAlg(a);
    jose::ValidatorConfig config = options->validator;
    config.checkSignature = haveKeys || onlyHmac;

    const auto report = [&ctx, config, tok = token.value()](const jose::Jwks *keys, const QString &keyError) -> int {
        jose::LogoutTokenValidator validator(config);
        const jose::ValidationReport r = validator.validate(tok, keys);
        const jose::Verdict *format = r.find(jose::Rule::Format);
        if (r.header().isEmpty() && r.claims().isEmpty() && format && format->level == jose::VerdictLevel::Fail) {
            ctx.error(Tr::tr("not a logout token: %1").arg(format->message));
            return ExitUsage;
        }
        if (ctx.json()) {
            QJsonObject o = r.toJson();
            if (!keyError.isEmpty())
                o.insert(QStringLiteral("keys_error"), keyError);
            ctx.emitJson(o);
        } else {
            ctx.print(Tr::tr("Header:"));
            ctx.print(QString::fromUtf8(QJsonDocument(r.header()).toJson(QJsonDocument::Indented)).trimmed());
            ctx.print(Tr::tr("Claims:"));
            ctx.print(annotatedClaims(r.claims()));
            if (!keyError.isEmpty())
                ctx.print(Tr::tr("Keys: %1").arg(keyError));
            ctx.print(Tr::tr("Verdicts:"));
            for (const auto &v : r.verdicts)
                ctx.print(QStringLiteral("  %1  %2  %3")
                              .arg(jose::verdictLevelId(v.level), -4)
                              .arg(jose::ruleId(v.rule), -9)
                              .arg(v.message));
            const int failures = int(r.failures().size());
            ctx.print(r.valid ? Tr::tr("Result: valid") : Tr::tr("Result: INVALID (%1 rules failed)").arg(failures));
        }
        return r.valid ? ExitOk : ExitFailure;
    };

    if (!haveKeys)
        return report(nullptr, QString());

    m_pending = std::make_unique<Pending>();
    m_pending->keys = new jose::JwksSource(ctx.nam(), Clock::system(), &m_pending->root);
    if (!options->discoveryUrl.isEmpty())
        m_pending->keys->setDiscoveryUrl(options->discoveryUrl);
    else
        m_pending->keys->setJwksUri(options->jwksUri);
    m_pending->keys->load(&m_pending->root, [this, &ctx, report](const Status &s) {
        const auto set = m_pending->keys->keys();
        ctx.exit(report(set.get(), s ? QString() : s.errorString()));
    });
    return std::nullopt;
}

} // namespace signoff::cli
