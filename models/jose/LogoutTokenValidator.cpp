#include "LogoutTokenValidator.h"

#include "SafeJson.h"

#include "core/IsoTime.h"

#include <QJsonArray>

#include <algorithm>

namespace signoff::jose {

namespace {
const char kBclEvent[] = "http://schemas.openid.net/event/backchannel-logout";
constexpr qsizetype kMaxJtiLength = 512;
constexpr int kMaxKeysTried = 10;

QString shortText(const QString &s)
{
    return s.size() > 80 ? s.left(77) + QStringLiteral("...") : s;
}

QString quoted(const QString &s)
{
    return QLatin1Char('"') + shortText(s) + QLatin1Char('"');
}

} // namespace

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

const Verdict *ValidationReport::find(QStringView rule) const
{
    for (const auto &v : verdicts) {
        if (v.rule == rule)
            return &v;
    }
    return nullptr;
}

VerdictLevel ValidationReport::level(QStringView rule) const
{
    const Verdict *v = find(rule);
    return v ? v->level : VerdictLevel::Skip;
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
            parts << QString(v.rule) + QStringLiteral(": ") + v.message;
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
        list.append(QJsonObject{{QStringLiteral("rule"), v.rule},
                                {QStringLiteral("result"), verdictLevelId(v.level)},
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
    return {QStringLiteral("format"), QStringLiteral("decrypt"), QStringLiteral("signature"), QStringLiteral("alg"),
            QStringLiteral("typ"),    QStringLiteral("crit"),    QStringLiteral("iss"),       QStringLiteral("aud"),
            QStringLiteral("iat"),    QStringLiteral("exp"),     QStringLiteral("sub_sid"),   QStringLiteral("events"),
            QStringLiteral("nonce"),  QStringLiteral("jti")};
}

ValidationReport LogoutTokenValidator::validate(QByteArrayView token, const Jwks *keys)
{
    ValidationReport r;
    r.verdicts.reserve(14);
    const qint64 now = m_clock->nowSecs();
    const qint64 skew = m_config.clockSkewSecs;
    auto add = [&r](const char *rule, VerdictLevel level, QString message) {
        r.verdicts.append(Verdict{QLatin1String(rule), level, std::move(message)});
    };

    DecodedJws jws = decodeCompactJws(token);
    const bool encrypted = jws.partCount == 5;
    // Kept as parsed; turned into QJson only when someone displays them (not per request).
    if (jws.header)
        r.headerJson = std::make_shared<const nlohmann::json>(std::move(*jws.header));
    if (jws.payload)
        r.claimsJson = std::make_shared<const nlohmann::json>(std::move(*jws.payload));
    const nlohmann::json emptyObject = nlohmann::json::object();
    const nlohmann::json &h = r.headerJson ? *r.headerJson : emptyObject;
    const nlohmann::json &c = r.claimsJson ? *r.claimsJson : emptyObject;
    const bool haveHeader = r.headerJson && !encrypted;
    const bool haveClaims = r.claimsJson != nullptr;
    const QString &noHeader = m_fixed.noHeader;
    const QString &noClaims = m_fixed.noClaims;

    // 0. format
    if (encrypted)
        add("format", VerdictLevel::Skip, tr("JWE compact serialization (5 parts)"));
    else if (!jws.structureError.isEmpty())
        add("format", VerdictLevel::Fail, jws.structureError);
    else if (!jws.headerError.isEmpty() || !jws.payloadError.isEmpty())
        add("format", VerdictLevel::Fail, !jws.headerError.isEmpty() ? jws.headerError : jws.payloadError);
    else
        add("format", VerdictLevel::Pass, m_fixed.formatPass);

    // 1. decrypt
    if (encrypted)
        add("decrypt", VerdictLevel::Fail, jws.structureError);
    else
        add("decrypt", VerdictLevel::Pass, m_fixed.decryptPass);

    // 3. alg (computed first: the signature step depends on it)
    std::optional<JwsAlg> alg;
    Verdict algVerdict{QLatin1String("alg"), VerdictLevel::Fail, QString()};
    if (!haveHeader) {
        algVerdict = {QLatin1String("alg"), VerdictLevel::Skip, noHeader};
    } else if (!h.contains("alg")) {
        algVerdict.message = tr("the header has no \"alg\"");
    } else if (!h["alg"].is_string()) {
        algVerdict.message = tr("\"alg\" is not a string");
    } else {
        const QString name = *stringMember(h, "alg");
        const auto parsed = jwsAlgFromName(name);
        if (isNoneAlgName(name)) {
            algVerdict.message = tr("alg %1 (an unsigned token) is always refused").arg(quoted(name));
        } else if (!parsed) {
            algVerdict.message = tr("alg %1 is not a known JWS algorithm").arg(quoted(name));
        } else if (!m_config.algorithms.contains(*parsed)) {
            algVerdict.message = tr("alg %1 is not accepted for this client (accepted: %2)").arg(name, m_acceptedAlgs);
        } else if (isHmacAlg(*parsed) && m_config.clientSecret.isEmpty()) {
            algVerdict.message = tr("alg %1 needs the client secret, and none is configured").arg(name);
        } else {
            alg = parsed;
            algVerdict = {QLatin1String("alg"), VerdictLevel::Pass, m_fixed.algPass[size_t(*parsed)]};
        }
    }

    // 2. signature
    if (!m_config.checkSignature) {
        add("signature", VerdictLevel::Skip, tr("not checked: no keys given (use --jwks-uri or --discovery)"));
    } else if (encrypted || !jws.structureError.isEmpty()) {
        add("signature", VerdictLevel::Skip, tr("not checked: the token is not a signed JWS"));
    } else if (!haveHeader) {
        add("signature", VerdictLevel::Skip, noHeader);
    } else if (!alg) {
        add("signature", VerdictLevel::Fail, tr("not checked: the algorithm is refused (see alg)"));
    } else if (!jws.signatureError.isEmpty()) {
        add("signature", VerdictLevel::Fail, jws.signatureError);
    } else if (isHmacAlg(*alg)) {
        const Status s = verifyHmac(*alg, m_config.clientSecret, jws.signingInput, jws.signature);
        if (s)
            add("signature", VerdictLevel::Pass, tr("%1 verified with the client secret").arg(jwsAlgName(*alg)));
        else
            add("signature", VerdictLevel::Fail, s.errorString());
        if (s)
            r.keyUsed = QStringLiteral("client secret");
    } else {
        const bool hasKid = h.contains("kid");
        const auto kid = stringMember(h, "kid");
        std::vector<const Jwk *> candidates;
        QString problem;
        if (hasKid && !kid) {
            problem = tr("\"kid\" is not a string");
        } else if (!keys || keys->keys.empty()) {
            problem = tr("no signing keys are loaded from the OP's JWKS");
            r.keyNotFound = true;
        } else if (kid) {
            std::vector<const Jwk *> sameKid;
            for (const auto &k : keys->keys) {
                if (k.kid == *kid)
                    sameKid.push_back(&k);
            }
            for (const Jwk *k : sameKid) {
                if (keyFitsAlg(*k, *alg))
                    candidates.push_back(k);
            }
            if (sameKid.empty()) {
                problem = tr("no key with kid %1 in the JWKS").arg(quoted(*kid));
                r.keyNotFound = true;
            } else if (candidates.empty()) {
                problem = tr("the key with kid %1 is %2, which cannot verify %3")
                              .arg(quoted(*kid), sameKid.front()->describe(), jwsAlgName(*alg));
            }
        } else {
            for (const auto &k : keys->keys) {
                if (keyFitsAlg(k, *alg))
                    candidates.push_back(&k);
            }
            if (candidates.empty()) {
                problem = tr("the token has no kid and the JWKS has no key for %1").arg(jwsAlgName(*alg));
                r.keyNotFound = true;
            }
        }
        if (!problem.isEmpty()) {
            add("signature", VerdictLevel::Fail, problem);
        } else {
            const Jwk *good = nullptr;
            int tried = 0;
            for (const Jwk *k : candidates) {
                if (tried++ >= kMaxKeysTried)
                    break;
                if (verifySignature(*alg, k->key.get(), jws.signingInput, jws.signature)) {
                    good = k;
                    break;
                }
            }
            if (good) {
                r.keyUsed = good->describe();
                add("signature", VerdictLevel::Pass, tr("%1 verified with %2").arg(jwsAlgName(*alg), r.keyUsed));
            } else if (candidates.size() == 1) {
                add("signature", VerdictLevel::Fail,
                    tr("signature does not verify with %1").arg(candidates.front()->describe()));
            } else {
                add("signature", VerdictLevel::Fail,
                    tr("signature does not verify with any of %1 candidate keys")
                        .arg(qMin<qsizetype>(tried, qsizetype(candidates.size()))));
            }
        }
    }
    r.verdicts.append(algVerdict);

    // typ
    if (!haveHeader) {
        add("typ", VerdictLevel::Skip, noHeader);
    } else if (!h.contains("typ")) {
        if (m_config.requireTyp)
            add("typ", VerdictLevel::Fail, tr("no typ header; logout+jwt is required (--require-typ)"));
        else
            add("typ", VerdictLevel::Warn, tr("no typ header (accepted; logout+jwt is recommended)"));
    } else if (!h["typ"].is_string()) {
        add("typ", VerdictLevel::Fail, tr("typ is not a string"));
    } else {
        const std::string &typ = *stringRef(h, "typ");
        // Media types compare case-insensitively; "application/" may be left out (RFC 7515 §4.1.9).
        // ASCII folding suffices: only ASCII spellings can equal the names compared with.
        const QByteArray lower = QByteArrayView(typ.data(), qsizetype(typ.size())).toByteArray().toLower();
        const QLatin1StringView bare = lower.startsWith("application/")
                                           ? QLatin1StringView(lower.constData() + 12, lower.size() - 12)
                                           : QLatin1StringView(lower);
        if (bare == QLatin1String("logout+jwt")) {
            add("typ", VerdictLevel::Pass, m_fixed.typPass);
        } else if (bare == QLatin1String("jwt")) {
            if (m_config.requireTyp)
                add("typ", VerdictLevel::Fail, tr("typ is JWT; logout+jwt is required (--require-typ)"));
            else
                add("typ", VerdictLevel::Warn, tr("typ is JWT (accepted; logout+jwt is recommended)"));
        } else {
            add("typ", VerdictLevel::Fail,
                tr("typ %1 marks another kind of token; a logout token has logout+jwt").arg(quoted(toQString(typ))));
        }
    }

    // crit (RFC 7515 §4.1.11): extensions we do not understand make the token unusable.
    if (!haveHeader)
        add("crit", VerdictLevel::Skip, noHeader);
    else if (h.contains("crit"))
        add("crit", VerdictLevel::Fail, tr("the header marks extensions as critical (crit), none are supported"));
    else
        add("crit", VerdictLevel::Pass, m_fixed.critPass);

    // iss
    if (m_config.issuer.isEmpty()) {
        add("iss", VerdictLevel::Skip, tr("not checked: no issuer configured (--issuer)"));
    } else if (!haveClaims) {
        add("iss", VerdictLevel::Skip, noClaims);
    } else if (const std::string *iss = stringRef(c, "iss"); !iss) {
        add("iss", VerdictLevel::Fail, c.contains("iss") ? tr("iss is not a string") : tr("iss is missing"));
    } else if (*iss != m_issuerUtf8) {
        add("iss", VerdictLevel::Fail,
            tr("iss is %1, expected %2").arg(quoted(toQString(*iss)), quoted(m_config.issuer)));
    } else {
        add("iss", VerdictLevel::Pass, m_fixed.issPass);
    }

    // aud (+ azp)
    if (m_config.clientId.isEmpty()) {
        add("aud", VerdictLevel::Skip, tr("not checked: no client id configured (--client-id)"));
    } else if (!haveClaims) {
        add("aud", VerdictLevel::Skip, noClaims);
    } else if (!c.contains("aud")) {
        add("aud", VerdictLevel::Fail, tr("aud is missing"));
    } else {
        // Compared as UTF-8 in place: turned into QStrings only for a message that names them.
        const auto &aud = c["aud"];
        std::vector<const std::string *> audiences;
        bool badType = !(aud.is_string() || aud.is_array());
        if (aud.is_string())
            audiences.push_back(&aud.get_ref<const std::string &>());
        if (aud.is_array()) {
            for (const auto &a : aud) {
                if (!a.is_string()) {
                    badType = true;
                    break;
                }
                audiences.push_back(&a.get_ref<const std::string &>());
            }
        }
        const bool forUs = std::any_of(audiences.begin(), audiences.end(),
                                       [this](const std::string *a) { return *a == m_clientIdUtf8; });
        const bool hasAzp = c.contains("azp");
        const std::string *azp = stringRef(c, "azp");
        const bool azpOther = azp && *azp != m_clientIdUtf8;
        if (badType) {
            add("aud", VerdictLevel::Fail, tr("aud must be a string or an array of strings"));
        } else if (!forUs) {
            QStringList names;
            for (const std::string *a : audiences)
                names << toQString(*a);
            add("aud", VerdictLevel::Fail,
                tr("aud %1 does not contain the client id %2")
                    .arg(quoted(names.join(QStringLiteral(", "))), quoted(m_config.clientId)));
        } else if (hasAzp && !azp) {
            add("aud", VerdictLevel::Fail, tr("azp is not a string"));
        } else if (audiences.size() > 1 && azpOther) {
            add("aud", VerdictLevel::Fail,
                tr("several audiences and azp %1 is not the client id %2")
                    .arg(quoted(toQString(*azp)), quoted(m_config.clientId)));
        } else if (audiences.size() > 1 && !azp) {
            add("aud", VerdictLevel::Warn,
                tr("aud contains the client id among %1 audiences, without azp").arg(audiences.size()));
        } else if (azpOther) {
            add("aud", VerdictLevel::Warn, tr("aud is the client id, but azp is %1").arg(quoted(toQString(*azp))));
        } else {
            add("aud", VerdictLevel::Pass, m_fixed.audPass);
        }
    }

    // iat
    const NumericDate iat = numericDateMember(c, "iat");
    const NumericDate exp = numericDateMember(c, "exp");
    auto dateProblem = [](const NumericDate &d, const char *name) -> QString {
        switch (d.error) {
        case NumericDateError::Missing:
            return tr("%1 is missing").arg(QLatin1String(name));
        case NumericDateError::NotANumber:
            return tr("%1 is not a number of seconds").arg(QLatin1String(name));
        case NumericDateError::OutOfRange:
            return tr("%1 is out of range").arg(QLatin1String(name));
        case NumericDateError::None:
            break;
        }
        return QString();
    };
    const bool noExpAllowed = exp.error == NumericDateError::Missing && m_config.allowMissingExp;
    if (!haveClaims) {
        add("iat", VerdictLevel::Skip, noClaims);
    } else if (iat.error != NumericDateError::None) {
        add("iat", VerdictLevel::Fail, dateProblem(iat, "iat"));
    } else if (iat.secs > now + skew) {
        add("iat", VerdictLevel::Fail,
            tr("iat is %1 s in the future (allowed skew %2 s)").arg(iat.secs - now).arg(skew));
    } else if (noExpAllowed && iat.secs < now - m_config.maxAgeWithoutExpSecs - skew) {
        add("iat", VerdictLevel::Fail,
            tr("issued %1 s ago; without exp, tokens older than %2 s are refused (replay protection)")
                .arg(now - iat.secs)
                .arg(m_config.maxAgeWithoutExpSecs));
    } else {
        add("iat", VerdictLevel::Pass, tr("issued %1 (%2 s ago)").arg(isoUtcSeconds(iat.secs)).arg(now - iat.secs));
    }

    // exp (required since errata 1)
    if (!haveClaims) {
        add("exp", VerdictLevel::Skip, noClaims);
    } else if (noExpAllowed) {
        add("exp", VerdictLevel::Warn, tr("exp is missing (accepted: --allow-missing-exp)"));
    } else if (exp.error == NumericDateError::Missing) {
        add("exp", VerdictLevel::Fail,
            tr("exp is missing (required since errata 1; --allow-missing-exp accepts older providers)"));
    } else if (exp.error != NumericDateError::None) {
        add("exp", VerdictLevel::Fail, dateProblem(exp, "exp"));
    } else if (exp.secs < now - skew) {
        add("exp", VerdictLevel::Fail,
            tr("expired %1 s ago at %2 (allowed skew %3 s)")
                .arg(now - exp.secs)
                .arg(isoUtcSeconds(exp.secs))
                .arg(skew));
    } else if (iat.error == NumericDateError::None && exp.secs < iat.secs) {
        add("exp", VerdictLevel::Fail, tr("exp is before iat"));
    } else {
        add("exp", VerdictLevel::Pass, tr("expires %1 (in %2 s)").arg(isoUtcSeconds(exp.secs)).arg(exp.secs - now));
    }

    // sub / sid
    if (!haveClaims) {
        add("sub_sid", VerdictLevel::Skip, noClaims);
    } else {
        const auto sub = stringMember(c, "sub");
        const auto sid = stringMember(c, "sid");
        if ((c.contains("sub") && !sub) || (c.contains("sid") && !sid)) {
            add("sub_sid", VerdictLevel::Fail, tr("sub and sid must be strings"));
        } else if ((!sub || sub->isEmpty()) && (!sid || sid->isEmpty())) {
            add("sub_sid", VerdictLevel::Fail, tr("neither sub nor sid is present"));
        } else {
            QStringList said;
            if (sub && !sub->isEmpty())
                said << QStringLiteral("sub=") + shortText(*sub);
            if (sid && !sid->isEmpty())
                said << QStringLiteral("sid=") + shortText(*sid);
            add("sub_sid", VerdictLevel::Pass, said.join(QStringLiteral(", ")));
        }
    }

    // events
    if (!haveClaims) {
        add("events", VerdictLevel::Skip, noClaims);
    } else if (!c.contains("events")) {
        add("events", VerdictLevel::Fail, tr("events is missing"));
    } else if (c["events"].is_array()) {
        add("events", VerdictLevel::Fail, tr("events is an array (the 2016 draft format); it must be an object"));
    } else if (!c["events"].is_object()) {
        add("events", VerdictLevel::Fail, tr("events is not a JSON object"));
    } else {
        const auto &events = c["events"];
        const auto bcl = events.find(kBclEvent);
        QStringList others;
        for (auto it = events.begin(); it != events.end(); ++it) {
            if (it.key() != kBclEvent)
                others << shortText(toQString(it.key()));
        }
        if (bcl == events.end()) {
            add("events", VerdictLevel::Fail, tr("events has no member %1").arg(QLatin1String(kBclEvent)));
        } else if (!bcl->is_object()) {
            add("events", VerdictLevel::Fail, tr("the back-channel logout event's value must be a JSON object"));
        } else if (others.isEmpty()) {
            add("events", VerdictLevel::Pass, m_fixed.eventsPass);
        } else {
            add("events", VerdictLevel::Pass,
                tr("back-channel logout event present (also: %1)").arg(others.join(QStringLiteral(", "))));
        }
    }

    // nonce
    if (!haveClaims)
        add("nonce", VerdictLevel::Skip, noClaims);
    else if (c.contains("nonce"))
        add("nonce", VerdictLevel::Fail, tr("nonce is present; it is prohibited in logout tokens"));
    else
        add("nonce", VerdictLevel::Pass, m_fixed.noncePass);

    // jti: last, because only a token valid in every other respect is remembered.
    bool othersPass = true;
    for (const auto &v : r.verdicts)
        othersPass = othersPass && v.level != VerdictLevel::Fail;
    if (!haveClaims) {
        add("jti", VerdictLevel::Skip, noClaims);
    } else if (const std::string *jti = stringRef(c, "jti"); !jti || jti->empty()) {
        add("jti", VerdictLevel::Fail,
            c.contains("jti") && !jti ? tr("jti is not a string") : tr("jti is missing or empty"));
    } else if (qsizetype(jti->size()) > kMaxJtiLength && toQString(*jti).size() > kMaxJtiLength) {
        // UTF-8 never has fewer bytes than UTF-16 units: the conversion is needed only when long.
        add("jti", VerdictLevel::Fail, tr("jti is longer than %1 characters").arg(kMaxJtiLength));
    } else {
        const QByteArrayView key(jti->data(), qsizetype(jti->size()));
        // One critical section for look-up and insert: two threads must not both accept a jti.
        const QMutexLocker lock(&m_jtisMutex);
        if (const auto until = m_jtis.seenUntil(key, now)) {
            add("jti", VerdictLevel::Fail, tr("jti %1 was already accepted (replay)").arg(quoted(toQString(*jti))));
        } else if (othersPass) {
            const qint64 keepUntil = (noExpAllowed ? now + m_config.maxAgeWithoutExpSecs : exp.secs) + skew;
            m_jtis.insert(key, keepUntil, now);
            add("jti", VerdictLevel::Pass, tr("first use; remembered until %1").arg(isoUtcSeconds(keepUntil)));
        } else {
            add("jti", VerdictLevel::Pass, tr("not seen before (not remembered: the token is invalid)"));
        }
    }

    r.valid = true;
    for (const auto &v : r.verdicts)
        r.valid = r.valid && v.level != VerdictLevel::Fail;
    return r;
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
