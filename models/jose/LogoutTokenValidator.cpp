#include "LogoutTokenValidator.h"

#include "SafeJson.h"

#include "core/IsoTime.h"

#include <QJsonArray>
#include <QVarLengthArray>

#include <algorithm>
#include <array>

namespace signoff::jose {

namespace {
// lupdate files these strings under the context named here, as they are looked up at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(LogoutTokenValidator)
};

const char kBclEvent[] = "http://schemas.openid.net/event/backchannel-logout";
constexpr qsizetype kMaxJtiLength = 512;
constexpr int kMaxKeysTried = 10;

struct RuleInfo
{
    Rule rule;
    const char *id;
};

constexpr std::array<RuleInfo, kRuleCount> kRules{{
    {Rule::Format, "format"},
    {Rule::Decrypt, "decrypt"},
    {Rule::Signature, "signature"},
    {Rule::Alg, "alg"},
    {Rule::Typ, "typ"},
    {Rule::Crit, "crit"},
    {Rule::Iss, "iss"},
    {Rule::Aud, "aud"},
    {Rule::Iat, "iat"},
    {Rule::Exp, "exp"},
    {Rule::SubSid, "sub_sid"},
    {Rule::Events, "events"},
    {Rule::Nonce, "nonce"},
    {Rule::Jti, "jti"},
}};

constexpr bool rulesInEnumOrder()
{
    for (size_t i = 0; i < kRules.size(); ++i) {
        if (kRules[i].rule != Rule(i))
            return false;
    }
    return true;
}
static_assert(rulesInEnumOrder(), "kRules must list every Rule once, in the enum's order");

// Makes the verdicts of one rule; the reason codes are literals, so no verdict allocates for it.
struct Judge
{
    Rule rule;

    Verdict pass(const char *reason, QString message) const { return make(VerdictLevel::Pass, reason, message); }
    Verdict warn(const char *reason, QString message) const { return make(VerdictLevel::Warn, reason, message); }
    Verdict fail(const char *reason, QString message) const { return make(VerdictLevel::Fail, reason, message); }
    Verdict skip(const char *reason, QString message) const { return make(VerdictLevel::Skip, reason, message); }

private:
    // Takes the caller's by-value copy of the message and moves it on.
    Verdict make(VerdictLevel level, const char *reason, QString &message) const
    {
        return Verdict{rule, level, QLatin1String(reason), std::move(message)};
    }
};

struct DateReasons
{
    const char *missing;
    const char *notANumber;
    const char *outOfRange;
};
constexpr DateReasons kIatReasons{"iat_missing", "iat_not_number", "iat_out_of_range"};
constexpr DateReasons kExpReasons{"exp_missing", "exp_not_number", "exp_out_of_range"};

Verdict dateProblem(Judge judge, const NumericDate &d, const char *name, const DateReasons &reasons)
{
    const QLatin1String claim(name);
    switch (d.error) {
    case NumericDateError::Missing:
        return judge.fail(reasons.missing, Tr::tr("%1 is missing").arg(claim));
    case NumericDateError::NotANumber:
        return judge.fail(reasons.notANumber, Tr::tr("%1 is not a number of seconds").arg(claim));
    case NumericDateError::OutOfRange:
    case NumericDateError::None:
        break;
    }
    return judge.fail(reasons.outOfRange, Tr::tr("%1 is out of range").arg(claim));
}

bool anyFailed(const QList<Verdict> &verdicts)
{
    return std::any_of(verdicts.cbegin(), verdicts.cend(),
                       [](const Verdict &v) { return v.level == VerdictLevel::Fail; });
}

bool inRuleOrder(const QList<Verdict> &verdicts)
{
    for (qsizetype i = 0; i < verdicts.size(); ++i) {
        if (verdicts[i].rule != Rule(i))
            return false;
    }
    return verdicts.size() == kRuleCount;
}

QString shortText(const QString &s)
{
    return s.size() > 80 ? s.left(77) + QStringLiteral("...") : s;
}

QString quoted(const QString &s)
{
    return QLatin1Char('"') + shortText(s) + QLatin1Char('"');
}

} // namespace

QLatin1String ruleId(Rule rule)
{
    return QLatin1String(kRules[size_t(rule)].id);
}

std::optional<Rule> ruleFromId(QStringView id)
{
    for (const auto &r : kRules) {
        if (id == QLatin1String(r.id))
            return r.rule;
    }
    return std::nullopt;
}

QString verdictLevelId(VerdictLevel level)
{
    switch (level) {
    case VerdictLevel::Pass:
        return QStringLiteral("pass");
    case VerdictLevel::Warn:
        return QStringLiteral("warn");
    case VerdictLevel::Fail:
        return QStringLiteral("fail");
    case VerdictLevel::Skip:
        break;
    }
    return QStringLiteral("skip");
}

Status ValidatorConfig::check() const
{
    if (algorithms.isEmpty())
        return Status::failure(QCoreApplication::translate("LogoutTokenValidator", "no algorithm is accepted"));
    for (const JwsAlg a : algorithms) {
        if (isHmacAlg(a) && clientSecret.isEmpty())
            return Status::failure(
                QCoreApplication::translate("LogoutTokenValidator", "%1 needs the client secret (--client-secret-file)")
                    .arg(jwsAlgName(a)));
    }
    if (clockSkewSecs < 0 || clockSkewSecs > 86400)
        return Status::failure(
            QCoreApplication::translate("LogoutTokenValidator", "clock skew must be between 0 and 86400 seconds"));
    return {};
}

const Verdict *ValidationReport::find(Rule rule) const
{
    for (const auto &v : verdicts) {
        if (v.rule == rule)
            return &v;
    }
    return nullptr;
}

const Verdict *ValidationReport::find(QStringView id) const
{
    const auto rule = ruleFromId(id);
    return rule ? find(*rule) : nullptr;
}

VerdictLevel ValidationReport::level(Rule rule) const
{
    const Verdict *v = find(rule);
    return v ? v->level : VerdictLevel::Skip;
}

VerdictLevel ValidationReport::level(QStringView id) const
{
    const Verdict *v = find(id);
    return v ? v->level : VerdictLevel::Skip;
}

QLatin1String ValidationReport::reason(Rule rule) const
{
    const Verdict *v = find(rule);
    return v ? v->reason : QLatin1String();
}

QList<Verdict> ValidationReport::failures() const
{
    QList<Verdict> out;
    for (const auto &v : verdicts) {
        if (v.level == VerdictLevel::Fail)
            out << v;
    }
    return out;
}

QString ValidationReport::errorDescription() const
{
    QStringList parts;
    for (const auto &v : verdicts) {
        if (v.level == VerdictLevel::Fail)
            parts << ruleId(v.rule) + QStringLiteral(": ") + v.message;
    }
    QString text = parts.join(QStringLiteral("; "));
    if (text.size() > 1000)
        text = text.left(997) + QStringLiteral("...");
    return text;
}

QJsonObject ValidationReport::header() const
{
    return headerJson ? toQJsonObject(*headerJson) : QJsonObject();
}

QJsonObject ValidationReport::claims() const
{
    return claimsJson ? toQJsonObject(*claimsJson) : QJsonObject();
}

QJsonObject ValidationReport::toJson() const
{
    QJsonArray list;
    for (const auto &v : verdicts) {
        list.append(QJsonObject{{QStringLiteral("rule"), ruleId(v.rule)},
                                {QStringLiteral("result"), verdictLevelId(v.level)},
                                {QStringLiteral("reason"), v.reason},
                                {QStringLiteral("message"), v.message}});
    }
    QJsonObject o{{QStringLiteral("valid"), valid},
                  {QStringLiteral("verdicts"), list},
                  {QStringLiteral("header"), header()},
                  {QStringLiteral("claims"), claims()}};
    if (!keyUsed.isEmpty())
        o.insert(QStringLiteral("key"), keyUsed);
    return o;
}

LogoutTokenValidator::LogoutTokenValidator(ValidatorConfig config, const Clock *clock)
    : m_config(std::move(config))
    , m_clock(clock ? clock : Clock::system())
    , m_jtis(m_config.replayCacheCapacity)
{
    QStringList names;
    for (const JwsAlg a : m_config.algorithms)
        names << jwsAlgName(a);
    m_acceptedAlgs = names.join(QStringLiteral(", "));
    m_issuerUtf8 = m_config.issuer.toStdString();
    m_clientIdUtf8 = m_config.clientId.toStdString();

    FixedMessages &f = m_fixed;
    f.noHeader = tr("not checked: the header could not be read");
    f.noClaims = tr("not checked: the claims could not be read");
    f.formatPass = tr("compact JWS with a JSON header and JSON claims");
    f.decryptPass = tr("signed, not encrypted");
    f.typPass = tr("typ is logout+jwt");
    f.critPass = tr("no critical header extensions");
    f.issPass = tr("iss matches %1").arg(quoted(m_config.issuer));
    f.audPass = tr("aud contains the client id %1").arg(quoted(m_config.clientId));
    f.eventsPass = tr("back-channel logout event present");
    f.noncePass = tr("no nonce");
    for (const JwsAlg a : m_config.algorithms)
        f.algPass[size_t(a)] = tr("%1 is an accepted algorithm (accepted: %2)").arg(jwsAlgName(a), m_acceptedAlgs);
}

QStringList LogoutTokenValidator::rules()
{
    QStringList ids;
    for (const auto &r : kRules)
        ids << QLatin1String(r.id);
    return ids;
}

// One token as every rule sees it: decoded once, read by all.
struct LogoutTokenValidator::Token
{
    DecodedJws jws;
    const Jwks *keys = nullptr;
    const nlohmann::json *header = nullptr; // never null: an empty object when unreadable
    const nlohmann::json *claims = nullptr;
    bool encrypted = false;
    bool haveHeader = false; // a JWS header (not a JWE one)
    bool haveClaims = false;
    qint64 now = 0;
    NumericDate iat;
    NumericDate exp;
    bool noExpAllowed = false; // exp is missing and --allow-missing-exp accepts that
    std::optional<JwsAlg> alg; // set by checkAlg when the algorithm may be used
};

ValidationReport LogoutTokenValidator::validate(QByteArrayView token, const Jwks *keys)
{
    ValidationReport r;
    r.verdicts.reserve(kRuleCount);
    static const nlohmann::json emptyObject = nlohmann::json::object();

    Token t;
    t.jws = decodeCompactJws(token);
    t.keys = keys;
    t.encrypted = t.jws.partCount == 5;
    // Kept as parsed; turned into QJson only when someone displays them (not per request).
    if (t.jws.header)
        r.headerJson = std::make_shared<const nlohmann::json>(std::move(*t.jws.header));
    if (t.jws.payload)
        r.claimsJson = std::make_shared<const nlohmann::json>(std::move(*t.jws.payload));
    t.header = r.headerJson ? r.headerJson.get() : &emptyObject;
    t.claims = r.claimsJson ? r.claimsJson.get() : &emptyObject;
    t.haveHeader = r.headerJson && !t.encrypted;
    t.haveClaims = r.claimsJson != nullptr;
    t.now = m_clock->nowSecs();
    t.iat = numericDateMember(*t.claims, "iat");
    t.exp = numericDateMember(*t.claims, "exp");
    t.noExpAllowed = t.exp.error == NumericDateError::Missing && m_config.allowMissingExp;

    // Appended in the order of Rule; alg is decided first because the signature depends on it.
    Verdict alg = checkAlg(t);
    r.verdicts.append(checkFormat(t));
    r.verdicts.append(checkDecrypt(t));
    r.verdicts.append(checkSignature(t, r));
    r.verdicts.append(std::move(alg));
    r.verdicts.append(checkTyp(t));
    r.verdicts.append(checkCrit(t));
    r.verdicts.append(checkIss(t));
    r.verdicts.append(checkAud(t));
    r.verdicts.append(checkIat(t));
    r.verdicts.append(checkExp(t));
    r.verdicts.append(checkSubSid(t));
    r.verdicts.append(checkEvents(t));
    r.verdicts.append(checkNonce(t));
    // Last, because only a token valid in every other respect is remembered.
    r.verdicts.append(checkJti(t, !anyFailed(r.verdicts)));
    Q_ASSERT(inRuleOrder(r.verdicts));

    r.valid = !anyFailed(r.verdicts);
    return r;
}

Verdict LogoutTokenValidator::checkFormat(const Token &t) const
{
    constexpr Judge judge{Rule::Format};
    if (t.encrypted)
        return judge.skip("format_jwe", tr("JWE compact serialization (5 parts)"));
    if (!t.jws.structureError.isEmpty())
        return judge.fail("format_not_jws", t.jws.structureError);
    if (!t.jws.headerError.isEmpty())
        return judge.fail("format_header_invalid", t.jws.headerError);
    if (!t.jws.payloadError.isEmpty())
        return judge.fail("format_claims_invalid", t.jws.payloadError);
    return judge.pass("format_ok", m_fixed.formatPass);
}

Verdict LogoutTokenValidator::checkDecrypt(const Token &t) const
{
    constexpr Judge judge{Rule::Decrypt};
    if (t.encrypted)
        return judge.fail("decrypt_unsupported", t.jws.structureError);
    return judge.pass("decrypt_not_encrypted", m_fixed.decryptPass);
}

Verdict LogoutTokenValidator::checkAlg(Token &t) const
{
    constexpr Judge judge{Rule::Alg};
    if (!t.haveHeader)
        return judge.skip("no_header", m_fixed.noHeader);
    const nlohmann::json &h = *t.header;
    if (!h.contains("alg"))
        return judge.fail("alg_missing", tr("the header has no \"alg\""));
    if (!h["alg"].is_string())
        return judge.fail("alg_not_string", tr("\"alg\" is not a string"));
    const QString name = *stringMember(h, "alg");
    if (isNoneAlgName(name))
        return judge.fail("alg_none", tr("alg %1 (an unsigned token) is always refused").arg(quoted(name)));
    const auto parsed = jwsAlgFromName(name);
    if (!parsed)
        return judge.fail("alg_unknown", tr("alg %1 is not a known JWS algorithm").arg(quoted(name)));
    if (!m_config.algorithms.contains(*parsed))
        return judge.fail("alg_not_accepted",
                          tr("alg %1 is not accepted for this client (accepted: %2)").arg(name, m_acceptedAlgs));
    if (isHmacAlg(*parsed) && m_config.clientSecret.isEmpty())
        return judge.fail("alg_needs_secret", tr("alg %1 needs the client secret, and none is configured").arg(name));
    t.alg = parsed;
    return judge.pass("alg_ok", m_fixed.algPass[size_t(*parsed)]);
}

Verdict LogoutTokenValidator::checkSignature(const Token &t, ValidationReport &r) const
{
    constexpr Judge judge{Rule::Signature};
    if (!m_config.checkSignature)
        return judge.skip("sig_not_checked", tr("not checked: no keys given (use --jwks-uri or --discovery)"));
    if (t.encrypted || !t.jws.structureError.isEmpty())
        return judge.skip("sig_not_jws", tr("not checked: the token is not a signed JWS"));
    if (!t.haveHeader)
        return judge.skip("no_header", m_fixed.noHeader);
    if (!t.alg)
        return judge.fail("sig_alg_refused", tr("not checked: the algorithm is refused (see alg)"));
    if (!t.jws.signatureError.isEmpty())
        return judge.fail("sig_malformed", t.jws.signatureError);
    if (!isHmacAlg(*t.alg))
        return checkKeySignature(t, r);
    const Status s = verifyHmac(*t.alg, m_config.clientSecret, t.jws.signingInput, t.jws.signature);
    if (!s)
        return judge.fail("sig_invalid", s.errorString());
    r.keyUsed = QStringLiteral("client secret");
    return judge.pass("sig_valid", tr("%1 verified with the client secret").arg(jwsAlgName(*t.alg)));
}

// The published keys that may have signed the token: by kid when it names one, else every key
// that fits the algorithm. A miss that a JWKS refresh could cure sets keyNotFound.
Verdict LogoutTokenValidator::checkKeySignature(const Token &t, ValidationReport &r) const
{
    constexpr Judge judge{Rule::Signature};
    const JwsAlg alg = *t.alg;
    const nlohmann::json &h = *t.header;
    const auto kid = stringMember(h, "kid");
    if (h.contains("kid") && !kid)
        return judge.fail("sig_kid_not_string", tr("\"kid\" is not a string"));
    if (!t.keys || t.keys->keys.empty()) {
        r.keyNotFound = true;
        return judge.fail("sig_no_keys", tr("no signing keys are loaded from the OP's JWKS"));
    }
    std::vector<const Jwk *> candidates;
    if (kid) {
        const Jwk *sameKid = nullptr;
        for (const auto &k : t.keys->keys) {
            if (k.kid != *kid)
                continue;
            sameKid = sameKid ? sameKid : &k;
            if (keyFitsAlg(k, alg))
                candidates.push_back(&k);
        }
        if (!sameKid) {
            r.keyNotFound = true;
            return judge.fail("sig_kid_unknown", tr("no key with kid %1 in the JWKS").arg(quoted(*kid)));
        }
        if (candidates.empty())
            return judge.fail("sig_key_unfit", tr("the key with kid %1 is %2, which cannot verify %3")
                                                   .arg(quoted(*kid), sameKid->describe(), jwsAlgName(alg)));
    } else {
        for (const auto &k : t.keys->keys) {
            if (keyFitsAlg(k, alg))
                candidates.push_back(&k);
        }
        if (candidates.empty()) {
            r.keyNotFound = true;
            return judge.fail("sig_no_fitting_key",
                              tr("the token has no kid and the JWKS has no key for %1").arg(jwsAlgName(alg)));
        }
    }
    const qsizetype tried = qMin<qsizetype>(kMaxKeysTried, qsizetype(candidates.size()));
    for (qsizetype i = 0; i < tried; ++i) {
        if (verifySignature(alg, candidates[size_t(i)]->key.get(), t.jws.signingInput, t.jws.signature)) {
            r.keyUsed = candidates[size_t(i)]->describe();
            return judge.pass("sig_valid", tr("%1 verified with %2").arg(jwsAlgName(alg), r.keyUsed));
        }
    }
    if (candidates.size() == 1)
        return judge.fail("sig_invalid", tr("signature does not verify with %1").arg(candidates.front()->describe()));
    return judge.fail("sig_invalid", tr("signature does not verify with any of %1 candidate keys").arg(tried));
}

Verdict LogoutTokenValidator::checkTyp(const Token &t) const
{
    constexpr Judge judge{Rule::Typ};
    if (!t.haveHeader)
        return judge.skip("no_header", m_fixed.noHeader);
    const nlohmann::json &h = *t.header;
    if (!h.contains("typ"))
        return m_config.requireTyp
                   ? judge.fail("typ_missing", tr("no typ header; logout+jwt is required (--require-typ)"))
                   : judge.warn("typ_missing", tr("no typ header (accepted; logout+jwt is recommended)"));
    const std::string *typ = stringRef(h, "typ");
    if (!typ)
        return judge.fail("typ_not_string", tr("typ is not a string"));
    // Media types compare case-insensitively; "application/" may be left out (RFC 7515 §4.1.9).
    // ASCII folding suffices: only ASCII spellings can equal the names compared with.
    const QByteArray lower = QByteArrayView(typ->data(), qsizetype(typ->size())).toByteArray().toLower();
    const QLatin1StringView bare = lower.startsWith("application/")
                                       ? QLatin1StringView(lower.constData() + 12, lower.size() - 12)
                                       : QLatin1StringView(lower);
    if (bare == QLatin1String("logout+jwt"))
        return judge.pass("typ_ok", m_fixed.typPass);
    if (bare == QLatin1String("jwt"))
        return m_config.requireTyp ? judge.fail("typ_jwt", tr("typ is JWT; logout+jwt is required (--require-typ)"))
                                   : judge.warn("typ_jwt", tr("typ is JWT (accepted; logout+jwt is recommended)"));
    return judge.fail(
        "typ_wrong",
        tr("typ %1 marks another kind of token; a logout token has logout+jwt").arg(quoted(toQString(*typ))));
}

// RFC 7515 §4.1.11: extensions we do not understand make the token unusable.
Verdict LogoutTokenValidator::checkCrit(const Token &t) const
{
    constexpr Judge judge{Rule::Crit};
    if (!t.haveHeader)
        return judge.skip("no_header", m_fixed.noHeader);
    if (t.header->contains("crit"))
        return judge.fail("crit_present", tr("the header marks extensions as critical (crit), none are supported"));
    return judge.pass("crit_ok", m_fixed.critPass);
}

Verdict LogoutTokenValidator::checkIss(const Token &t) const
{
    constexpr Judge judge{Rule::Iss};
    if (m_config.issuer.isEmpty())
        return judge.skip("iss_not_configured", tr("not checked: no issuer configured (--issuer)"));
    if (!t.haveClaims)
        return judge.skip("no_claims", m_fixed.noClaims);
    const std::string *iss = stringRef(*t.claims, "iss");
    if (!iss && t.claims->contains("iss"))
        return judge.fail("iss_not_string", tr("iss is not a string"));
    if (!iss)
        return judge.fail("iss_missing", tr("iss is missing"));
    if (*iss != m_issuerUtf8)
        return judge.fail("iss_mismatch",
                          tr("iss is %1, expected %2").arg(quoted(toQString(*iss)), quoted(m_config.issuer)));
    return judge.pass("iss_ok", m_fixed.issPass);
}

// aud must name this client; with several audiences, azp says which one the token is for.
Verdict LogoutTokenValidator::checkAud(const Token &t) const
{
    constexpr Judge judge{Rule::Aud};
    if (m_config.clientId.isEmpty())
        return judge.skip("aud_not_configured", tr("not checked: no client id configured (--client-id)"));
    if (!t.haveClaims)
        return judge.skip("no_claims", m_fixed.noClaims);
    const nlohmann::json &c = *t.claims;
    if (!c.contains("aud"))
        return judge.fail("aud_missing", tr("aud is missing"));
    // Compared as UTF-8 in place: turned into QStrings only for a message that names them.
    const auto &aud = c["aud"];
    QVarLengthArray<const std::string *, 4> audiences;
    if (aud.is_string())
        audiences.append(&aud.get_ref<const std::string &>());
    bool badType = !(aud.is_string() || aud.is_array());
    if (aud.is_array()) {
        for (const auto &a : aud) {
            badType = badType || !a.is_string();
            if (badType)
                break;
            audiences.append(&a.get_ref<const std::string &>());
        }
    }
    if (badType)
        return judge.fail("aud_invalid", tr("aud must be a string or an array of strings"));
    const bool forUs =
        std::any_of(audiences.begin(), audiences.end(), [this](const std::string *a) { return *a == m_clientIdUtf8; });
    if (!forUs) {
        QStringList names;
        for (const std::string *a : audiences)
            names << toQString(*a);
        return judge.fail("aud_mismatch",
                          tr("aud %1 does not contain the client id %2")
                              .arg(quoted(names.join(QStringLiteral(", "))), quoted(m_config.clientId)));
    }
    const std::string *azp = stringRef(c, "azp");
    if (!azp && c.contains("azp"))
        return judge.fail("azp_not_string", tr("azp is not a string"));
    const bool azpOther = azp && *azp != m_clientIdUtf8;
    if (audiences.size() > 1 && azpOther)
        return judge.fail("azp_mismatch", tr("several audiences and azp %1 is not the client id %2")
                                              .arg(quoted(toQString(*azp)), quoted(m_config.clientId)));
    if (audiences.size() > 1 && !azp)
        return judge.warn("aud_several_without_azp",
                          tr("aud contains the client id among %1 audiences, without azp").arg(audiences.size()));
    if (azpOther)
        return judge.warn("azp_other", tr("aud is the client id, but azp is %1").arg(quoted(toQString(*azp))));
    return judge.pass("aud_ok", m_fixed.audPass);
}

Verdict LogoutTokenValidator::checkIat(const Token &t) const
{
    constexpr Judge judge{Rule::Iat};
    if (!t.haveClaims)
        return judge.skip("no_claims", m_fixed.noClaims);
    if (t.iat.error != NumericDateError::None)
        return dateProblem(judge, t.iat, "iat", kIatReasons);
    const qint64 skew = m_config.clockSkewSecs;
    if (t.iat.secs > t.now + skew)
        return judge.fail("iat_future",
                          tr("iat is %1 s in the future (allowed skew %2 s)").arg(t.iat.secs - t.now).arg(skew));
    if (t.noExpAllowed && t.iat.secs < t.now - m_config.maxAgeWithoutExpSecs - skew)
        return judge.fail("iat_too_old",
                          tr("issued %1 s ago; without exp, tokens older than %2 s are refused (replay protection)")
                              .arg(t.now - t.iat.secs)
                              .arg(m_config.maxAgeWithoutExpSecs));
    return judge.pass("iat_ok", tr("issued %1 (%2 s ago)").arg(isoUtcSeconds(t.iat.secs)).arg(t.now - t.iat.secs));
}

// Required since errata 1; --allow-missing-exp accepts older providers with a warning.
Verdict LogoutTokenValidator::checkExp(const Token &t) const
{
    constexpr Judge judge{Rule::Exp};
    if (!t.haveClaims)
        return judge.skip("no_claims", m_fixed.noClaims);
    if (t.noExpAllowed)
        return judge.warn("exp_missing_allowed", tr("exp is missing (accepted: --allow-missing-exp)"));
    if (t.exp.error == NumericDateError::Missing)
        return judge.fail("exp_missing",
                          tr("exp is missing (required since errata 1; --allow-missing-exp accepts older providers)"));
    if (t.exp.error != NumericDateError::None)
        return dateProblem(judge, t.exp, "exp", kExpReasons);
    const qint64 skew = m_config.clockSkewSecs;
    if (t.exp.secs < t.now - skew)
        return judge.fail("exp_expired", tr("expired %1 s ago at %2 (allowed skew %3 s)")
                                             .arg(t.now - t.exp.secs)
                                             .arg(isoUtcSeconds(t.exp.secs))
                                             .arg(skew));
    if (t.iat.error == NumericDateError::None && t.exp.secs < t.iat.secs)
        return judge.fail("exp_before_iat", tr("exp is before iat"));
    return judge.pass("exp_ok", tr("expires %1 (in %2 s)").arg(isoUtcSeconds(t.exp.secs)).arg(t.exp.secs - t.now));
}

Verdict LogoutTokenValidator::checkSubSid(const Token &t) const
{
    constexpr Judge judge{Rule::SubSid};
    if (!t.haveClaims)
        return judge.skip("no_claims", m_fixed.noClaims);
    const nlohmann::json &c = *t.claims;
    const std::string *sub = stringRef(c, "sub");
    const std::string *sid = stringRef(c, "sid");
    if ((c.contains("sub") && !sub) || (c.contains("sid") && !sid))
        return judge.fail("sub_sid_not_string", tr("sub and sid must be strings"));
    const bool haveSub = sub && !sub->empty();
    const bool haveSid = sid && !sid->empty();
    if (!haveSub && !haveSid)
        return judge.fail("sub_sid_missing", tr("neither sub nor sid is present"));
    QString said;
    if (haveSub)
        said = QStringLiteral("sub=") + shortText(toQString(*sub));
    if (haveSub && haveSid)
        said += QStringLiteral(", ");
    if (haveSid)
        said += QStringLiteral("sid=") + shortText(toQString(*sid));
    return judge.pass("sub_sid_ok", said);
}

Verdict LogoutTokenValidator::checkEvents(const Token &t) const
{
    constexpr Judge judge{Rule::Events};
    if (!t.haveClaims)
        return judge.skip("no_claims", m_fixed.noClaims);
    const nlohmann::json &c = *t.claims;
    if (!c.contains("events"))
        return judge.fail("events_missing", tr("events is missing"));
    const auto &events = c["events"];
    if (events.is_array())
        return judge.fail("events_array", tr("events is an array (the 2016 draft format); it must be an object"));
    if (!events.is_object())
        return judge.fail("events_not_object", tr("events is not a JSON object"));
    const auto bcl = events.find(kBclEvent);
    if (bcl == events.end())
        return judge.fail("events_no_bcl", tr("events has no member %1").arg(QLatin1String(kBclEvent)));
    if (!bcl->is_object())
        return judge.fail("events_bcl_not_object", tr("the back-channel logout event's value must be a JSON object"));
    if (events.size() == 1)
        return judge.pass("events_ok", m_fixed.eventsPass);
    QStringList others;
    for (auto it = events.begin(); it != events.end(); ++it) {
        if (it.key() != kBclEvent)
            others << shortText(toQString(it.key()));
    }
    return judge.pass("events_ok",
                      tr("back-channel logout event present (also: %1)").arg(others.join(QStringLiteral(", "))));
}

Verdict LogoutTokenValidator::checkNonce(const Token &t) const
{
    constexpr Judge judge{Rule::Nonce};
    if (!t.haveClaims)
        return judge.skip("no_claims", m_fixed.noClaims);
    if (t.claims->contains("nonce"))
        return judge.fail("nonce_present", tr("nonce is present; it is prohibited in logout tokens"));
    return judge.pass("nonce_ok", m_fixed.noncePass);
}

Verdict LogoutTokenValidator::checkJti(const Token &t, bool othersPass)
{
    constexpr Judge judge{Rule::Jti};
    if (!t.haveClaims)
        return judge.skip("no_claims", m_fixed.noClaims);
    const std::string *jti = stringRef(*t.claims, "jti");
    if (!jti && t.claims->contains("jti"))
        return judge.fail("jti_not_string", tr("jti is not a string"));
    if (!jti || jti->empty())
        return judge.fail("jti_missing", tr("jti is missing or empty"));
    // UTF-8 never has fewer bytes than UTF-16 units: the conversion is needed only when long.
    if (qsizetype(jti->size()) > kMaxJtiLength && toQString(*jti).size() > kMaxJtiLength)
        return judge.fail("jti_too_long", tr("jti is longer than %1 characters").arg(kMaxJtiLength));
    const QByteArrayView key(jti->data(), qsizetype(jti->size()));
    // One critical section for look-up and insert: two threads must not both accept a jti.
    const QMutexLocker lock(&m_jtisMutex);
    if (m_jtis.seenUntil(key, t.now))
        return judge.fail("jti_replayed", tr("jti %1 was already accepted (replay)").arg(quoted(toQString(*jti))));
    if (!othersPass)
        return judge.pass("jti_not_remembered", tr("not seen before (not remembered: the token is invalid)"));
    const qint64 keepUntil =
        (t.noExpAllowed ? t.now + m_config.maxAgeWithoutExpSecs : t.exp.secs) + m_config.clockSkewSecs;
    m_jtis.insert(key, keepUntil, t.now);
    return judge.pass("jti_first_use", tr("first use; remembered until %1").arg(isoUtcSeconds(keepUntil)));
}

void LogoutTokenValidator::forgetJti(const ValidationReport &report)
{
    // Only a valid report's jti was remembered by its validation; any other was remembered by
    // an earlier token and stays.
    const std::string *jti = report.valid && report.claimsJson ? stringRef(*report.claimsJson, "jti") : nullptr;
    if (!jti)
        return;
    const QMutexLocker lock(&m_jtisMutex);
    m_jtis.remove(QByteArrayView(jti->data(), qsizetype(jti->size())));
}

} // namespace signoff::jose
