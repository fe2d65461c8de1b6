#pragma once

#include "JtiCache.h"
#include "Jwk.h"
#include "Jws.h"
#include "core/Clock.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>

#include <array>
#include <memory>
#include <string>

namespace signoff::jose {

enum class VerdictLevel
{
    Pass,
    Warn,
    Fail,
    Skip
};
QString verdictLevelId(VerdictLevel level); // "pass", "warn", "fail", "skip"

// One validation step's outcome. `rule` is a stable identifier (see LogoutTokenValidator::rules()).
struct Verdict
{
    QLatin1String rule; // a static identifier: no allocation per verdict
    VerdictLevel level = VerdictLevel::Skip;
    QString message;
};

struct ValidatorConfig
{
    QString issuer;   // empty: the iss rule is skipped (inspect without --issuer)
    QString clientId; // empty: the aud rule is skipped
    QList<JwsAlg> algorithms{JwsAlg::RS256};
    QByteArray clientSecret; // the only key HS* may use
    qint64 clockSkewSecs = 60;
    bool allowMissingExp = false;
    bool requireTyp = false;
    bool checkSignature = true; // false only for inspect without any key source
    // Without exp (compatibility mode) a jti is remembered this long, and older tokens refused.
    qint64 maxAgeWithoutExpSecs = 600;
    qsizetype replayCacheCapacity = 100000;

    Status check() const;
};

struct ValidationReport
{
    bool valid = false;
    QList<Verdict> verdicts;
    // As parsed from the token (null when unreadable); shared, so copying a report is cheap.
    std::shared_ptr<const nlohmann::json> headerJson;
    std::shared_ptr<const nlohmann::json> claimsJson;
    // The signature failed only because no published key matched: a JWKS refresh may help.
    bool keyNotFound = false;
    QString keyUsed;

    QJsonObject header() const;
    QJsonObject claims() const;
    const Verdict *find(QStringView rule) const;
    VerdictLevel level(QStringView rule) const;
    QList<Verdict> failures() const;
    // Failure messages joined for error_description (bounded length).
    QString errorDescription() const;
    QJsonObject toJson() const; // {"valid":..,"verdicts":[{"rule","result","message"}],"header","claims"}
};

// OpenID Connect Back-Channel Logout 1.0 §2.6 with errata 1, step by step. Every step is
// evaluated and reported, also after a failure, so an administrator sees all that is wrong at
// once. Only a fully valid token's jti enters the replay cache: invalid tokens cannot burn a jti.
class LogoutTokenValidator
{
    Q_DECLARE_TR_FUNCTIONS(LogoutTokenValidator)

public:
    explicit LogoutTokenValidator(ValidatorConfig config, const Clock *clock = Clock::system());

    // `keys` may be null (nothing fetched yet); the signature step then fails with keyNotFound.
    // Thread-safe: the replay cache is locked, everything else is read-only.
    ValidationReport validate(QByteArrayView token, const Jwks *keys);
    // Takes back the jti a valid report remembered, when its token was not accepted in the end
    // (the answer sent was not 2xx): the sender's retry of the same token is then no replay.
    void forgetJti(const ValidationReport &report);

    const ValidatorConfig &config() const { return m_config; }
    // Unlocked: for tests and for callers that own the only thread using this validator.
    JtiCache &replayCache() { return m_jtis; }
    static QStringList rules();

private:
    // What a verdict says when it does not depend on the token: translated once, here, rather
    // than on every request (formatting them was a measurable share of the mock RP's time).
    struct FixedMessages
    {
        QString noHeader, noClaims, formatPass, decryptPass, typPass, critPass, issPass, audPass, eventsPass, noncePass;
        std::array<QString, size_t(JwsAlg::HS512) + 1> algPass; // by alg, for the accepted ones
    };

    ValidatorConfig m_config;
    QString m_acceptedAlgs; // "RS256, ES256", for the alg verdict
    std::string m_issuerUtf8, m_clientIdUtf8;
    FixedMessages m_fixed;
    const Clock *m_clock;
    QMutex m_jtisMutex;
    JtiCache m_jtis;
};

} // namespace signoff::jose
