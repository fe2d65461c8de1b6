#include "TokenCliOptions.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace signoff::cli {

namespace {
// lupdate files these strings under the context named here, as they are looked up at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(signoffctl)
};
} // namespace

QUrl urlOrFile(const QString &text)
{
    const QUrl url(text);
    if (url.isValid() && url.scheme().size() > 1)
        return url;
    return QUrl::fromLocalFile(QFileInfo(text).absoluteFilePath());
}

void TokenCliOptions::declare(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("issuer"), Tr::tr("Expected issuer (iss), compared exactly."), QStringLiteral("ISS")},
        {QStringLiteral("client-id"), Tr::tr("This RP's client id (must be in aud)."), QStringLiteral("ID")},
        {QStringLiteral("jwks-uri"), Tr::tr("The OP's JWKS (URL or file)."), QStringLiteral("URL")},
        {QStringLiteral("discovery"), Tr::tr("The OP's issuer URL or discovery document; its jwks_uri is used."),
         QStringLiteral("URL")},
        {QStringLiteral("alg"), Tr::tr("Accepted algorithms, comma-separated (default RS256)."),
         QStringLiteral("A[,B...]")},
        {QStringLiteral("client-secret-file"), Tr::tr("File holding the client secret (HS256/384/512 only)."),
         QStringLiteral("F")},
        {QStringLiteral("clock-skew"), Tr::tr("Allowed clock skew in seconds (default 60)."),
         QStringLiteral("SECONDS")},
        {QStringLiteral("allow-missing-exp"), Tr::tr("Accept tokens without exp (Hydra, older providers).")},
        {QStringLiteral("require-typ"), Tr::tr("Refuse tokens whose typ header is not logout+jwt.")},
    });
}

Result<TokenCliOptions> TokenCliOptions::read(const QCommandLineParser &parser)
{
    TokenCliOptions o;
    jose::ValidatorConfig &v = o.validator;
    v.issuer = parser.value(QStringLiteral("issuer"));
    v.clientId = parser.value(QStringLiteral("client-id"));
    v.allowMissingExp = parser.isSet(QStringLiteral("allow-missing-exp"));
    v.requireTyp = parser.isSet(QStringLiteral("require-typ"));
    if (parser.isSet(QStringLiteral("jwks-uri")) && parser.isSet(QStringLiteral("discovery")))
        return Result<TokenCliOptions>::failure(Tr::tr("give either --jwks-uri or --discovery, not both"));
    if (parser.isSet(QStringLiteral("jwks-uri")))
        o.jwksUri = urlOrFile(parser.value(QStringLiteral("jwks-uri")));
    if (parser.isSet(QStringLiteral("discovery"))) {
        o.discoveryUrl = QUrl(parser.value(QStringLiteral("discovery")));
        if (!o.discoveryUrl.isValid() || o.discoveryUrl.scheme().isEmpty())
            return Result<TokenCliOptions>::failure(Tr::tr("--discovery needs a URL"));
    }
    if (parser.isSet(QStringLiteral("alg"))) {
        v.algorithms.clear();
        const QStringList names = parser.value(QStringLiteral("alg")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &n : names) {
            const QString name = n.trimmed();
            if (jose::isNoneAlgName(name))
                return Result<TokenCliOptions>::failure(Tr::tr("--alg none is never accepted"));
            const auto alg = jose::jwsAlgFromName(name);
            if (!alg)
                return Result<TokenCliOptions>::failure(Tr::tr("unknown algorithm '%1' in --alg").arg(name));
            if (!v.algorithms.contains(*alg))
                v.algorithms << *alg;
        }
    }
    if (parser.isSet(QStringLiteral("clock-skew"))) {
        bool ok = false;
        v.clockSkewSecs = parser.value(QStringLiteral("clock-skew")).toLongLong(&ok);
        if (!ok)
            return Result<TokenCliOptions>::failure(Tr::tr("--clock-skew needs a number of seconds"));
    }
    if (parser.isSet(QStringLiteral("client-secret-file"))) {
        QFile f(parser.value(QStringLiteral("client-secret-file")));
        if (!f.open(QIODevice::ReadOnly))
            return Result<TokenCliOptions>::failure(
                Tr::tr("cannot read the client secret file: %1").arg(f.errorString()));
        QByteArray secret = f.read(64 * 1024);
        while (secret.endsWith('\n') || secret.endsWith('\r'))
            secret.chop(1);
        if (secret.isEmpty())
            return Result<TokenCliOptions>::failure(Tr::tr("the client secret file is empty"));
        v.clientSecret = secret;
    }
    if (const Status s = v.check(); !s)
        return Result<TokenCliOptions>::failure(s.errorString());
    return o;
}

} // namespace signoff::cli
