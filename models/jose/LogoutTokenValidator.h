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
#include <optional>
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

// The rules of OpenID Connect Back-Channel Logout 1.0 §2.6, in the order they are reported.
enum class Rule
{
    Format,
    Decrypt,
    Signature,
    Alg,
    Typ,
    Crit,
    Iss,
    Aud,
    Iat,
    Exp,
    SubSid,
    Events,
    Nonce,
    Jti
};
inline constexpr qsizetype kRuleCount = qsizetype(Rule::Jti) + 1;
// Stable ids ("format", ..., "sub_sid", ..., "jti"): the `rule` of every --json verdict.
QLatin1String ruleId(Rule rule);
std::optional<Rule> ruleFromId(QStringView id);

// One rule's outcome. `reason` is a stable code for this outcome (e.g. "exp_missing",
// "sig_invalid", "jti_replayed"), for programs and tests; `message` is for people.
struct Verdict
{
    Rule rule = Rule::Format;
    VerdictLevel level = VerdictLevel::Skip;
    QLatin1String reason; // a static literal: no allocation per verdict
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
    const Verdict *find(Rule rule) const;
    const Verdict *find(QStringView ruleId) const;
    VerdictLevel level(Rule rule) const;
    VerdictLevel level(QStringView ruleId) const;
    QLatin1String reason(Rule rule) const; // empty when the rule has no verdict
    QList<Verdict> failures() const;
    // Failure messages joined for error_description (bounded length).
    QString errorDescription() const;
    // {"valid":..,"verdicts":[{"rule","result","reason","message"}],"header","claims"}
    QJsonObject toJson() const;
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
    static QStringList rules(); // every rule's id, in report order

private:
    struct Token; // one token as the rules see it (defined in the .cpp)

    // One function per rule; each returns that rule's verdict.
    Verdict checkFormat(const Token &t) const;
    Verdict checkDecrypt(const Token &t) const;
    Verdict checkAlg(Token &t) const; // sets t.alg when the algorithm is acceptable
    Verdict checkSignature(const Token &t, ValidationReport &r) const;
    Verdict checkKeySignature(const Token &t, ValidationReport &r) const;
    Verdict checkTyp(const Token &t) const;
    Verdict checkCrit(const Token &t) const;
    Verdict checkIss(const Token &t) const;
    Verdict checkAud(const Token &t) const;
    Verdict checkIat(const Token &t) const;
    Verdict checkExp(const Token &t) const;
    Verdict checkSubSid(const Token &t) const;
    Verdict checkEvents(const Token &t) const;
    Verdict checkNonce(const Token &t) const;
    Verdict checkJti(const Token &t, bool othersPass); // remembers the jti of a valid token

    // What a verdict says when it does not depend on the token: translated once, here, rather
    // than on every request (formatting them was a measurable share of the mock RP's time).
    struct FixedMessages
    {
        QString noHeader, noClaims, formatPass, decryptPass, typPass, critPass, issPass, audPass, eventsPass, noncePass;
        std::array<QString, kJwsAlgCount> algPass; // by alg, for the accepted ones
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
