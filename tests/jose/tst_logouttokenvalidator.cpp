// Every rule of BCL-RULES.md, each failure reason at least once, on tokens minted by npm `jose`
// plus our own negative constructions. Time is a ManualClock: no sleeping.
#include "NodeMint.h"

#include "jose/Base64Url.h"
#include "jose/LogoutTokenValidator.h"

#include <QMessageAuthenticationCode>
#include <QTest>

using namespace signoff;
using namespace signoff::jose;
using signoff::test::mintKey;
using signoff::test::mintRawToken;
using signoff::test::mintSecret;
using signoff::test::mintToken;

namespace {
constexpr qint64 T0 = 1700000000;
const QString kIss = QStringLiteral("https://op.example.test");
const QString kClient = QStringLiteral("rp-client");
const QString kSecret = QStringLiteral("shared-client-secret-0123456789-abcdefghijklmnop");
const QString kBcl = QStringLiteral("http://schemas.openid.net/event/backchannel-logout");

QJsonObject claims(const QString &jti)
{
    return {{QStringLiteral("iss"), kIss},
            {QStringLiteral("aud"), kClient},
            {QStringLiteral("iat"), T0 - 5},
            {QStringLiteral("exp"), T0 + 115},
            {QStringLiteral("jti"), jti},
            {QStringLiteral("sub"), QStringLiteral("user-1")},
            {QStringLiteral("sid"), QStringLiteral("session-1")},
            {QStringLiteral("events"), QJsonObject{{kBcl, QJsonObject()}}}};
}

QJsonObject with(QJsonObject o, const QString &key, const QJsonValue &v)
{
    o.insert(key, v);
    return o;
}

QJsonObject without(QJsonObject o, const QString &key)
{
    o.remove(key);
    return o;
}

QJsonObject header(const QString &alg, const QString &kid, const QString &typ = QStringLiteral("logout+jwt"))
{
    QJsonObject h{{QStringLiteral("alg"), alg}};
    if (!kid.isEmpty())
        h.insert(QStringLiteral("kid"), kid);
    if (!typ.isEmpty())
        h.insert(QStringLiteral("typ"), typ);
    return h;
}

QString describe(const ValidationReport &r)
{
    QString s;
    for (const auto &v : r.verdicts)
        s += ruleId(v.rule) + QLatin1Char('=') + verdictLevelId(v.level) + QLatin1Char(' ') + v.reason +
             QStringLiteral(" (") + v.message + QStringLiteral(")\n");
    return s;
}

// "fail exp_missing": a rule's level and reason code in one comparable string.
QString outcome(const ValidationReport &r, Rule rule)
{
    const Verdict *v = r.find(rule);
    return v ? verdictLevelId(v->level) + QLatin1Char(' ') + v->reason : QStringLiteral("(no verdict)");
}
} // namespace

class TestLogoutTokenValidator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void validTokens_data();
    void validTokens();
    void ruleFailures_data();
    void ruleFailures();
    void warnings_data();
    void warnings();

    void noneAlgInAnySpelling();
    void hs256KeyedWithPublicKey();
    void hsRefusedWithoutSecret();
    void tamperedPayload();
    void unknownKidAsksForRefresh();
    void keyOfAnotherType();
    void noKidTriesFittingKeys();
    void encryptedTokenRefused();
    void garbageNeverCrashes_data();
    void garbageNeverCrashes();

    void everyRuleReported();
    void clockSkewBoundaries();
    void missingExpCompatibility();
    void requireTyp();
    void replayRefused();
    void byteOrderMarkIsPartOfTheClaim();
    void invalidTokenDoesNotBurnJti();
    void replayCacheForgetsAfterExp();
    void inspectWithoutKeysOrConfig();
    void configCheck();
    void reportJson();
    void ruleIdsAreStable();

private:
    ValidatorConfig config() const;
    ValidationReport check(const QString &id, ValidatorConfig cfg);
    ValidationReport check(const QString &id) { return check(id, config()); }

    signoff::test::Minted m_minted;
    Jwks m_jwks;
    ManualClock m_clock{QDateTime::fromSecsSinceEpoch(T0, Qt::UTC)};
};

ValidatorConfig TestLogoutTokenValidator::config() const
{
    ValidatorConfig c;
    c.issuer = kIss;
    c.clientId = kClient;
    c.algorithms = {JwsAlg::RS256, JwsAlg::PS256, JwsAlg::ES256, JwsAlg::EdDSA};
    return c;
}

ValidationReport TestLogoutTokenValidator::check(const QString &id, ValidatorConfig cfg)
{
    [&] { QVERIFY2(m_minted.tokens.contains(id), qPrintable(id)); }();
    LogoutTokenValidator v(std::move(cfg), &m_clock);
    return v.validate(m_minted.tokens.value(id), &m_jwks);
}

void TestLogoutTokenValidator::initTestCase()
{
    const QJsonArray keys{mintKey(QStringLiteral("rs"), QStringLiteral("RS256"), QStringLiteral("rs-1")),
                          mintKey(QStringLiteral("ps"), QStringLiteral("PS256"), QStringLiteral("ps-1")),
                          mintKey(QStringLiteral("es"), QStringLiteral("ES256"), QStringLiteral("es-1")),
                          mintKey(QStringLiteral("ed"), QStringLiteral("EdDSA"), QStringLiteral("ed-1")),
                          mintKey(QStringLiteral("other"), QStringLiteral("RS256"), QStringLiteral("unpublished")),
                          mintKey(QStringLiteral("rs384"), QStringLiteral("RS384"), QStringLiteral("rs-384")),
                          mintSecret(QStringLiteral("hs"), QStringLiteral("HS256"), kSecret)};
    QJsonArray t;
    const auto rs = [&](const QString &id, const QJsonObject &c,
                        const QJsonObject &h = header(QStringLiteral("RS256"), QStringLiteral("rs-1"))) {
        t.append(mintToken(id, QStringLiteral("rs"), h, c));
    };
    // Valid, one per algorithm family.
    rs(QStringLiteral("valid_rs256"), claims(QStringLiteral("j-rs")));
    t.append(mintToken(QStringLiteral("valid_ps256"), QStringLiteral("ps"),
                       header(QStringLiteral("PS256"), QStringLiteral("ps-1")), claims(QStringLiteral("j-ps"))));
    t.append(mintToken(QStringLiteral("valid_es256"), QStringLiteral("es"),
                       header(QStringLiteral("ES256"), QStringLiteral("es-1")), claims(QStringLiteral("j-es"))));
    t.append(mintToken(QStringLiteral("valid_eddsa"), QStringLiteral("ed"),
                       header(QStringLiteral("EdDSA"), QStringLiteral("ed-1")), claims(QStringLiteral("j-ed"))));
    t.append(mintToken(QStringLiteral("valid_hs256"), QStringLiteral("hs"), header(QStringLiteral("HS256"), QString()),
                       claims(QStringLiteral("j-hs"))));
    // Valid variants.
    rs(QStringLiteral("only_sid"), without(claims(QStringLiteral("j2")), QStringLiteral("sub")));
    rs(QStringLiteral("only_sub"), without(claims(QStringLiteral("j3")), QStringLiteral("sid")));
    rs(QStringLiteral("aud_array"), with(claims(QStringLiteral("j4")), QStringLiteral("aud"), QJsonArray{kClient}));
    rs(QStringLiteral("aud_many_azp"),
       with(with(claims(QStringLiteral("j5")), QStringLiteral("aud"), QJsonArray{QStringLiteral("api"), kClient}),
            QStringLiteral("azp"), kClient));
    rs(QStringLiteral("extra_events"),
       with(claims(QStringLiteral("j6")), QStringLiteral("events"),
            QJsonObject{{kBcl, QJsonObject()}, {QStringLiteral("revoke_offline_access"), true}}));
    rs(QStringLiteral("unknown_claims"),
       with(claims(QStringLiteral("j7")), QStringLiteral("x-custom"), QJsonObject{{QStringLiteral("a"), 1}}));
    rs(QStringLiteral("typ_full_media"), claims(QStringLiteral("j8")),
       header(QStringLiteral("RS256"), QStringLiteral("rs-1"), QStringLiteral("application/logout+jwt")));
    rs(QStringLiteral("no_kid"), claims(QStringLiteral("j9")), header(QStringLiteral("RS256"), QString()));
    // Media types compare case-insensitively (RFC 7515 §4.1.9).
    rs(QStringLiteral("typ_mixed_case"), claims(QStringLiteral("j10")),
       header(QStringLiteral("RS256"), QStringLiteral("rs-1"), QStringLiteral("Application/Logout+JWT")));
    // Warnings.
    rs(QStringLiteral("typ_absent"), claims(QStringLiteral("w1")),
       header(QStringLiteral("RS256"), QStringLiteral("rs-1"), QString()));
    rs(QStringLiteral("typ_jwt"), claims(QStringLiteral("w2")),
       header(QStringLiteral("RS256"), QStringLiteral("rs-1"), QStringLiteral("JWT")));
    rs(QStringLiteral("aud_many_no_azp"),
       with(claims(QStringLiteral("w3")), QStringLiteral("aud"), QJsonArray{QStringLiteral("api"), kClient}));
    rs(QStringLiteral("no_exp"), without(claims(QStringLiteral("w4")), QStringLiteral("exp")));
    rs(QStringLiteral("azp_other"), with(claims(QStringLiteral("w5")), QStringLiteral("azp"), QStringLiteral("api")));
    // Failures.
    rs(QStringLiteral("typ_at_jwt"), claims(QStringLiteral("f1")),
       header(QStringLiteral("RS256"), QStringLiteral("rs-1"), QStringLiteral("at+jwt")));
    QJsonObject critHeader = header(QStringLiteral("RS256"), QStringLiteral("rs-1"));
    critHeader.insert(QStringLiteral("crit"), QJsonArray{QStringLiteral("x-ext")});
    critHeader.insert(QStringLiteral("x-ext"), true);
    rs(QStringLiteral("crit"), claims(QStringLiteral("f2")), critHeader);
    t[t.size() - 1] = with(t.last().toObject(), QStringLiteral("options"),
                           QJsonObject{{QStringLiteral("crit"), QJsonObject{{QStringLiteral("x-ext"), true}}}});
    rs(QStringLiteral("iss_wrong"),
       with(claims(QStringLiteral("f3")), QStringLiteral("iss"), QStringLiteral("https://evil.example")));
    rs(QStringLiteral("iss_missing"), without(claims(QStringLiteral("f4")), QStringLiteral("iss")));
    rs(QStringLiteral("iss_number"), with(claims(QStringLiteral("f5")), QStringLiteral("iss"), 7));
    rs(QStringLiteral("iss_trailing_slash"),
       with(claims(QStringLiteral("f6")), QStringLiteral("iss"), QString(kIss + QLatin1Char('/'))));
    // A leading U+FEFF (UTF-8 EF BB BF) is part of the text: compared byte for byte.
    rs(QStringLiteral("iss_bom"),
       with(claims(QStringLiteral("f6b")), QStringLiteral("iss"), QString(QChar(0xFEFF) + kIss)));
    rs(QStringLiteral("typ_bom"), claims(QStringLiteral("f6c")),
       header(QStringLiteral("RS256"), QStringLiteral("rs-1"), QString(QChar(0xFEFF) + QStringLiteral("logout+jwt"))));
    rs(QStringLiteral("jti_plain"), claims(QStringLiteral("jb")));
    rs(QStringLiteral("jti_bom"), claims(QString(QChar(0xFEFF) + QStringLiteral("jb"))));
    rs(QStringLiteral("aud_wrong"),
       with(claims(QStringLiteral("f7")), QStringLiteral("aud"), QStringLiteral("someone-else")));
    rs(QStringLiteral("aud_missing"), without(claims(QStringLiteral("f8")), QStringLiteral("aud")));
    rs(QStringLiteral("aud_number"), with(claims(QStringLiteral("f9")), QStringLiteral("aud"), 1));
    rs(QStringLiteral("aud_array_mixed"),
       with(claims(QStringLiteral("f10")), QStringLiteral("aud"), QJsonArray{kClient, 1}));
    rs(QStringLiteral("aud_empty_array"), with(claims(QStringLiteral("f11")), QStringLiteral("aud"), QJsonArray{}));
    rs(QStringLiteral("azp_wrong"),
       with(with(claims(QStringLiteral("f12")), QStringLiteral("aud"), QJsonArray{QStringLiteral("api"), kClient}),
            QStringLiteral("azp"), QStringLiteral("api")));
    rs(QStringLiteral("iat_missing"), without(claims(QStringLiteral("f13")), QStringLiteral("iat")));
    rs(QStringLiteral("iat_future"), with(claims(QStringLiteral("f14")), QStringLiteral("iat"), T0 + 61));
    rs(QStringLiteral("iat_string"), with(claims(QStringLiteral("f15")), QStringLiteral("iat"), QString::number(T0)));
    t.append(mintRawToken(
        QStringLiteral("iat_huge"), QStringLiteral("rs"), header(QStringLiteral("RS256"), QStringLiteral("rs-1")),
        QStringLiteral(R"({"iss":"%1","aud":"%2","iat":1e300,"exp":%3,"jti":"f16","sid":"s","events":{"%4":{}}})")
            .arg(kIss, kClient)
            .arg(T0 + 100)
            .arg(kBcl)));
    rs(QStringLiteral("exp_missing"), without(claims(QStringLiteral("f17")), QStringLiteral("exp")));
    rs(QStringLiteral("exp_past"),
       with(with(claims(QStringLiteral("f18")), QStringLiteral("iat"), T0 - 100), QStringLiteral("exp"), T0 - 61));
    rs(QStringLiteral("exp_string"),
       with(claims(QStringLiteral("f19")), QStringLiteral("exp"), QStringLiteral("tomorrow")));
    rs(QStringLiteral("exp_before_iat"),
       with(with(claims(QStringLiteral("f20")), QStringLiteral("iat"), T0), QStringLiteral("exp"), T0 - 10));
    rs(QStringLiteral("no_sub_no_sid"),
       without(without(claims(QStringLiteral("f21")), QStringLiteral("sub")), QStringLiteral("sid")));
    rs(QStringLiteral("sub_number"), with(claims(QStringLiteral("f22")), QStringLiteral("sub"), 42));
    rs(QStringLiteral("empty_sub_sid"),
       with(with(claims(QStringLiteral("f23")), QStringLiteral("sub"), QString()), QStringLiteral("sid"), QString()));
    rs(QStringLiteral("events_missing"), without(claims(QStringLiteral("f24")), QStringLiteral("events")));
    rs(QStringLiteral("events_array"), with(claims(QStringLiteral("f25")), QStringLiteral("events"), QJsonArray{kBcl}));
    rs(QStringLiteral("events_wrong_key"),
       with(claims(QStringLiteral("f26")), QStringLiteral("events"),
            QJsonObject{{QStringLiteral("http://schemas.openid.net/event/frontchannel-logout"), QJsonObject()}}));
    rs(QStringLiteral("events_value_true"),
       with(claims(QStringLiteral("f27")), QStringLiteral("events"), QJsonObject{{kBcl, true}}));
    rs(QStringLiteral("events_value_array"),
       with(claims(QStringLiteral("f28")), QStringLiteral("events"), QJsonObject{{kBcl, QJsonArray()}}));
    rs(QStringLiteral("events_string"), with(claims(QStringLiteral("f29")), QStringLiteral("events"), kBcl));
    rs(QStringLiteral("nonce"),
       with(claims(QStringLiteral("f30")), QStringLiteral("nonce"), QStringLiteral("n-0S6_WzA2Mj")));
    rs(QStringLiteral("jti_missing"), without(claims(QStringLiteral("f31")), QStringLiteral("jti")));
    rs(QStringLiteral("jti_number"), with(claims(QStringLiteral("f32")), QStringLiteral("jti"), 5));
    rs(QStringLiteral("jti_long"), claims(QString(600, QLatin1Char('j'))));
    rs(QStringLiteral("kid_unknown"), claims(QStringLiteral("f33")),
       header(QStringLiteral("RS256"), QStringLiteral("rs-2")));
    rs(QStringLiteral("kid_number"), claims(QStringLiteral("f34")),
       QJsonObject{{QStringLiteral("alg"), QStringLiteral("RS256")}, {QStringLiteral("kid"), 9}});
    t.append(mintToken(QStringLiteral("wrong_key_same_kid"), QStringLiteral("other"),
                       header(QStringLiteral("RS256"), QStringLiteral("rs-1")), claims(QStringLiteral("f35"))));
    t.append(mintToken(QStringLiteral("es_with_rsa_kid"), QStringLiteral("es"),
                       header(QStringLiteral("ES256"), QStringLiteral("rs-1")), claims(QStringLiteral("f36"))));
    t.append(mintToken(QStringLiteral("rs384_not_accepted"), QStringLiteral("rs384"),
                       header(QStringLiteral("RS384"), QStringLiteral("rs-384")), claims(QStringLiteral("f37"))));
    t.append(mintToken(QStringLiteral("hs_public_key"), QString(),
                       header(QStringLiteral("HS256"), QStringLiteral("rs-1")), claims(QStringLiteral("f38"))));
    t[t.size() - 1] = with(t.last().toObject(), QStringLiteral("keyPem"), QStringLiteral("rs"));
    t.append(mintRawToken(
        QStringLiteral("duplicate_iss"), QStringLiteral("rs"), header(QStringLiteral("RS256"), QStringLiteral("rs-1")),
        QStringLiteral(
            R"({"iss":"%1","iss":"%1","aud":"%2","iat":%3,"exp":%4,"jti":"f39","sid":"s","events":{"%5":{}}})")
            .arg(kIss, kClient)
            .arg(T0)
            .arg(T0 + 100)
            .arg(kBcl)));
    t.append(mintRawToken(QStringLiteral("payload_array"), QStringLiteral("rs"),
                          header(QStringLiteral("RS256"), QStringLiteral("rs-1")), QStringLiteral("[1,2,3]")));
    // Many failures at once.
    rs(QStringLiteral("many_wrong"), with(with(without(claims(QStringLiteral("f40")), QStringLiteral("events")),
                                               QStringLiteral("iss"), QStringLiteral("x")),
                                          QStringLiteral("nonce"), QStringLiteral("n")));

    m_minted = signoff::test::mint(keys, t);
    QVERIFY2(m_minted.ok(), qPrintable(m_minted.error));
    auto set = parseJwks(m_minted.jwks);
    QVERIFY2(set.ok(), qPrintable(set.errorString()));
    m_jwks = std::move(set).value();
    // "other" signs but is not published.
    m_jwks.keys.erase(std::remove_if(m_jwks.keys.begin(), m_jwks.keys.end(),
                                     [](const Jwk &k) { return k.kid == QLatin1String("unpublished"); }),
                      m_jwks.keys.end());
    QCOMPARE(int(m_jwks.keys.size()), 5);
}

void TestLogoutTokenValidator::init()
{
    m_clock.set(QDateTime::fromSecsSinceEpoch(T0, Qt::UTC));
}

void TestLogoutTokenValidator::validTokens_data()
{
    QTest::addColumn<QString>("id");
    for (const char *id :
         {"valid_rs256", "valid_ps256", "valid_es256", "valid_eddsa", "valid_hs256", "only_sid", "only_sub",
          "aud_array", "aud_many_azp", "extra_events", "unknown_claims", "typ_full_media", "no_kid", "typ_mixed_case"})
        QTest::newRow(id) << QString::fromLatin1(id);
}

void TestLogoutTokenValidator::validTokens()
{
    QFETCH(QString, id);
    ValidatorConfig cfg = config();
    if (id == QLatin1String("valid_hs256")) {
        cfg.algorithms = {JwsAlg::HS256};
        cfg.clientSecret = kSecret.toUtf8();
    }
    const ValidationReport r = check(id, cfg);
    QVERIFY2(r.valid, qPrintable(describe(r)));
    QCOMPARE(r.verdicts.size(), LogoutTokenValidator::rules().size());
    for (const auto &v : r.verdicts)
        QVERIFY2(v.level == VerdictLevel::Pass, qPrintable(describe(r)));
    QCOMPARE(outcome(r, Rule::Signature), QStringLiteral("pass sig_valid"));
    QCOMPARE(outcome(r, Rule::Jti), QStringLiteral("pass jti_first_use"));
    QVERIFY(!r.keyUsed.isEmpty());
    QVERIFY(r.errorDescription().isEmpty());
}

void TestLogoutTokenValidator::ruleFailures_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<Rule>("rule");
    QTest::addColumn<QString>("reason");
    const auto row = [](const char *id, Rule rule, const char *reason) {
        QTest::newRow(id) << QString::fromLatin1(id) << rule << QString::fromLatin1(reason);
    };
    row("typ_at_jwt", Rule::Typ, "typ_wrong");
    row("crit", Rule::Crit, "crit_present");
    row("iss_wrong", Rule::Iss, "iss_mismatch");
    row("iss_missing", Rule::Iss, "iss_missing");
    row("iss_number", Rule::Iss, "iss_not_string");
    row("iss_trailing_slash", Rule::Iss, "iss_mismatch");
    row("aud_wrong", Rule::Aud, "aud_mismatch");
    row("aud_missing", Rule::Aud, "aud_missing");
    row("aud_number", Rule::Aud, "aud_invalid");
    row("aud_array_mixed", Rule::Aud, "aud_invalid");
    row("aud_empty_array", Rule::Aud, "aud_mismatch");
    row("azp_wrong", Rule::Aud, "azp_mismatch");
    row("iat_missing", Rule::Iat, "iat_missing");
    row("iat_future", Rule::Iat, "iat_future");
    row("iat_string", Rule::Iat, "iat_not_number");
    row("iat_huge", Rule::Iat, "iat_out_of_range");
    row("exp_missing", Rule::Exp, "exp_missing");
    row("exp_past", Rule::Exp, "exp_expired");
    row("exp_string", Rule::Exp, "exp_not_number");
    row("exp_before_iat", Rule::Exp, "exp_before_iat");
    row("no_sub_no_sid", Rule::SubSid, "sub_sid_missing");
    row("sub_number", Rule::SubSid, "sub_sid_not_string");
    row("empty_sub_sid", Rule::SubSid, "sub_sid_missing");
    row("events_missing", Rule::Events, "events_missing");
    row("events_array", Rule::Events, "events_array");
    row("events_wrong_key", Rule::Events, "events_no_bcl");
    row("events_value_true", Rule::Events, "events_bcl_not_object");
    row("events_value_array", Rule::Events, "events_bcl_not_object");
    row("events_string", Rule::Events, "events_not_object");
    row("nonce", Rule::Nonce, "nonce_present");
    row("jti_missing", Rule::Jti, "jti_missing");
    row("jti_number", Rule::Jti, "jti_not_string");
    row("jti_long", Rule::Jti, "jti_too_long");
    row("kid_unknown", Rule::Signature, "sig_kid_unknown");
    row("kid_number", Rule::Signature, "sig_kid_not_string");
    row("wrong_key_same_kid", Rule::Signature, "sig_invalid");
    row("es_with_rsa_kid", Rule::Signature, "sig_key_unfit");
    row("rs384_not_accepted", Rule::Alg, "alg_not_accepted");
    row("duplicate_iss", Rule::Format, "format_claims_invalid");
    row("payload_array", Rule::Format, "format_claims_invalid");
}

void TestLogoutTokenValidator::ruleFailures()
{
    QFETCH(QString, id);
    QFETCH(Rule, rule);
    QFETCH(QString, reason);
    const ValidationReport r = check(id);
    QVERIFY(!r.valid);
    QVERIFY2(r.find(rule), qPrintable(ruleId(rule)));
    QCOMPARE(outcome(r, rule), QStringLiteral("fail ") + reason);
    QVERIFY(!r.find(rule)->message.isEmpty());
    QVERIFY(r.errorDescription().contains(ruleId(rule) + QStringLiteral(": ")));
    // Still every rule has a verdict.
    QCOMPARE(r.verdicts.size(), LogoutTokenValidator::rules().size());
}

void TestLogoutTokenValidator::warnings_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<Rule>("rule");
    QTest::addColumn<QString>("reason");
    QTest::newRow("typ absent") << QStringLiteral("typ_absent") << Rule::Typ << QStringLiteral("typ_missing");
    QTest::newRow("typ JWT") << QStringLiteral("typ_jwt") << Rule::Typ << QStringLiteral("typ_jwt");
    QTest::newRow("several audiences without azp")
        << QStringLiteral("aud_many_no_azp") << Rule::Aud << QStringLiteral("aud_several_without_azp");
    QTest::newRow("azp of another client") << QStringLiteral("azp_other") << Rule::Aud << QStringLiteral("azp_other");
}

void TestLogoutTokenValidator::warnings()
{
    QFETCH(QString, id);
    QFETCH(Rule, rule);
    QFETCH(QString, reason);
    const ValidationReport r = check(id);
    QVERIFY2(r.valid, qPrintable(describe(r)));
    QCOMPARE(outcome(r, rule), QStringLiteral("warn ") + reason);
}

void TestLogoutTokenValidator::noneAlgInAnySpelling()
{
    const QByteArray payload =
        base64UrlEncode(QJsonDocument(claims(QStringLiteral("none"))).toJson(QJsonDocument::Compact));
    for (const char *alg : {"none", "None", "NONE", "nOnE"}) {
        const QByteArray h = base64UrlEncode(QByteArray(QByteArray(R"({"alg":")") + alg + R"(","typ":"logout+jwt"})"));
        for (const QByteArray &sig : {QByteArray(), QByteArray("c2ln")}) {
            ValidatorConfig cfg = config();
            LogoutTokenValidator v(cfg, &m_clock);
            const ValidationReport r = v.validate(QByteArray(h + "." + payload + "." + sig), &m_jwks);
            QVERIFY(!r.valid);
            QCOMPARE(outcome(r, Rule::Alg), QStringLiteral("fail alg_none"));
            QCOMPARE(outcome(r, Rule::Signature), QStringLiteral("fail sig_alg_refused"));
            // The claims themselves are fine and still reported as such.
            QCOMPARE(outcome(r, Rule::Iss), QStringLiteral("pass iss_ok"));
        }
    }
}

void TestLogoutTokenValidator::hs256KeyedWithPublicKey()
{
    // Classic key-confusion: HS256 "signed" with the RSA public key's PEM bytes.
    ValidatorConfig onlyRsa = config();
    ValidationReport r = check(QStringLiteral("hs_public_key"), onlyRsa);
    QVERIFY(!r.valid);
    QCOMPARE(outcome(r, Rule::Alg), QStringLiteral("fail alg_not_accepted"));

    // Even where HS256 is accepted, only the client secret is ever an HMAC key.
    ValidatorConfig withHs = config();
    withHs.algorithms << JwsAlg::HS256;
    withHs.clientSecret = kSecret.toUtf8();
    r = check(QStringLiteral("hs_public_key"), withHs);
    QVERIFY(!r.valid);
    QCOMPARE(outcome(r, Rule::Alg), QStringLiteral("pass alg_ok"));
    QCOMPARE(outcome(r, Rule::Signature), QStringLiteral("fail sig_invalid"));

    // Our own construction too: HMAC over the JWK's modulus bytes.
    const QJsonObject jwk = m_minted.jwk.value(QStringLiteral("rs")).toObject();
    const QByteArray keyBytes = QJsonDocument(jwk).toJson(QJsonDocument::Compact);
    const QByteArray si =
        base64UrlEncode(R"({"alg":"HS256","kid":"rs-1"})") + "." +
        base64UrlEncode(QJsonDocument(claims(QStringLiteral("own-hs"))).toJson(QJsonDocument::Compact));
    const QByteArray mac = QMessageAuthenticationCode::hash(si, keyBytes, QCryptographicHash::Sha256);
    LogoutTokenValidator v(withHs, &m_clock);
    r = v.validate(QByteArray(si + "." + base64UrlEncode(mac)), &m_jwks);
    QVERIFY(!r.valid);
    QCOMPARE(outcome(r, Rule::Signature), QStringLiteral("fail sig_invalid"));
}

void TestLogoutTokenValidator::hsRefusedWithoutSecret()
{
    ValidatorConfig cfg = config();
    cfg.algorithms = {JwsAlg::HS256};
    QVERIFY(!cfg.check().ok());
    const ValidationReport r = check(QStringLiteral("valid_hs256"), cfg);
    QVERIFY(!r.valid);
    QCOMPARE(outcome(r, Rule::Alg), QStringLiteral("fail alg_needs_secret"));
    // Wrong secret.
    cfg.clientSecret = "not-the-secret";
    QCOMPARE(outcome(check(QStringLiteral("valid_hs256"), cfg), Rule::Signature), QStringLiteral("fail sig_invalid"));
}

void TestLogoutTokenValidator::tamperedPayload()
{
    const QByteArray good = m_minted.tokens.value(QStringLiteral("valid_rs256"));
    const QList<QByteArray> parts = good.split('.');
    const QByteArray evil = base64UrlEncode(
        QJsonDocument(with(claims(QStringLiteral("j-rs")), QStringLiteral("sub"), QStringLiteral("admin")))
            .toJson(QJsonDocument::Compact));
    LogoutTokenValidator v(config(), &m_clock);
    const ValidationReport r = v.validate(QByteArray(parts[0] + "." + evil + "." + parts[2]), &m_jwks);
    QVERIFY(!r.valid);
    QCOMPARE(outcome(r, Rule::Signature), QStringLiteral("fail sig_invalid"));
    QVERIFY(!r.keyNotFound);
    QCOMPARE(r.claims().value(QStringLiteral("sub")).toString(), QStringLiteral("admin"));
    // Tampered header (typ removed) breaks the signature as well.
    const QByteArray otherHeader = base64UrlEncode(R"({"alg":"RS256","kid":"rs-1"})");
    QCOMPARE(outcome(v.validate(QByteArray(otherHeader + "." + parts[1] + "." + parts[2]), &m_jwks), Rule::Signature),
             QStringLiteral("fail sig_invalid"));
}

void TestLogoutTokenValidator::unknownKidAsksForRefresh()
{
    ValidationReport r = check(QStringLiteral("kid_unknown"));
    QVERIFY(r.keyNotFound);
    QCOMPARE(outcome(r, Rule::Signature), QStringLiteral("fail sig_kid_unknown"));
    // No keys at all (JWKS not loaded yet).
    LogoutTokenValidator v(config(), &m_clock);
    r = v.validate(m_minted.tokens.value(QStringLiteral("valid_rs256")), nullptr);
    QVERIFY(!r.valid);
    QVERIFY(r.keyNotFound);
    QCOMPARE(outcome(r, Rule::Signature), QStringLiteral("fail sig_no_keys"));
    QCOMPARE(outcome(r, Rule::Jti), QStringLiteral("pass jti_not_remembered"));
    // The same token, once keys are there, is valid: the failed try did not burn its jti.
    r = v.validate(m_minted.tokens.value(QStringLiteral("valid_rs256")), &m_jwks);
    QVERIFY2(r.valid, qPrintable(describe(r)));
}

void TestLogoutTokenValidator::keyOfAnotherType()
{
    const ValidationReport r = check(QStringLiteral("es_with_rsa_kid"));
    QVERIFY(!r.valid);
    QCOMPARE(outcome(r, Rule::Signature), QStringLiteral("fail sig_key_unfit"));
    QVERIFY(!r.keyNotFound); // refreshing would not help
}

void TestLogoutTokenValidator::noKidTriesFittingKeys()
{
    Jwks two = m_jwks;
    // A second RSA key without alg, listed first: the right one is still found.
    auto other = parseJwk(nlohmann::json::parse(
        QJsonDocument(m_minted.jwk.value(QStringLiteral("other")).toObject()).toJson().toStdString()));
    QVERIFY(other.ok());
    two.keys.insert(two.keys.begin(), other.value());
    LogoutTokenValidator v(config(), &m_clock);
    const ValidationReport r = v.validate(m_minted.tokens.value(QStringLiteral("no_kid")), &two);
    QVERIFY2(r.valid, qPrintable(describe(r)));
    QVERIFY(r.keyUsed.contains(QLatin1String("rs-1")));
}

void TestLogoutTokenValidator::encryptedTokenRefused()
{
    LogoutTokenValidator v(config(), &m_clock);
    const QByteArray jwe = base64UrlEncode(R"({"alg":"RSA-OAEP","enc":"A256GCM"})") + ".AAAA.AAAA.AAAA.AAAA";
    const ValidationReport r = v.validate(jwe, &m_jwks);
    QVERIFY(!r.valid);
    QCOMPARE(outcome(r, Rule::Decrypt), QStringLiteral("fail decrypt_unsupported"));
    QCOMPARE(outcome(r, Rule::Format), QStringLiteral("skip format_jwe"));
    QCOMPARE(r.header().value(QStringLiteral("enc")).toString(), QStringLiteral("A256GCM"));
}

void TestLogoutTokenValidator::garbageNeverCrashes_data()
{
    QTest::addColumn<QByteArray>("token");
    const QByteArray good = m_minted.tokens.value(QStringLiteral("valid_rs256"));
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("spaces") << QByteArray("   ");
    QTest::newRow("dots") << QByteArray("..");
    QTest::newRow("many dots") << QByteArray(10000, '.');
    QTest::newRow("truncated") << good.left(good.size() / 2);
    QTest::newRow("signature cut") << good.left(good.size() - 5);
    QTest::newRow("binary") << QByteArray::fromHex("00ff00ff2e00ff2e00");
    QTest::newRow("deep header") << base64UrlEncode(QByteArray("{\"a\":" + QByteArray(50000, '['))) + ".e30.c2ln";
    QTest::newRow("huge numbers") << base64UrlEncode(R"({"alg":"RS256"})") + "." +
                                         base64UrlEncode(R"({"iat":1e308,"exp":-1e308,"jti":1e999})") + ".c2ln";
    QTest::newRow("null claims")
        << base64UrlEncode(R"({"alg":"RS256"})") + "." +
               base64UrlEncode(
                   R"({"iss":null,"aud":null,"iat":null,"exp":null,"jti":null,"sub":null,"sid":null,"events":null,"nonce":null})") +
               ".c2ln";
    QTest::newRow("header null alg") << base64UrlEncode(R"({"alg":null,"kid":[],"typ":{}})") + ".e30.c2ln";
    QTest::newRow("long token") << QByteArray(64 * 1024, 'A') + "." + QByteArray(64 * 1024, 'A') + ".AA";
}

void TestLogoutTokenValidator::garbageNeverCrashes()
{
    QFETCH(QByteArray, token);
    LogoutTokenValidator v(config(), &m_clock);
    const ValidationReport r = v.validate(token, &m_jwks);
    QVERIFY(!r.valid);
    QCOMPARE(r.verdicts.size(), LogoutTokenValidator::rules().size());
    for (const auto &v : r.verdicts)
        QVERIFY2(!v.reason.isEmpty(), qPrintable(describe(r)));
    QVERIFY(!r.errorDescription().isEmpty());
    QVERIFY(r.errorDescription().size() <= 1000);
}

void TestLogoutTokenValidator::everyRuleReported()
{
    const ValidationReport r = check(QStringLiteral("many_wrong"));
    QStringList ruleNames;
    for (const auto &v : r.verdicts)
        ruleNames << ruleId(v.rule);
    QCOMPARE(ruleNames, LogoutTokenValidator::rules());
    QCOMPARE(outcome(r, Rule::Iss), QStringLiteral("fail iss_mismatch"));
    QCOMPARE(outcome(r, Rule::Events), QStringLiteral("fail events_missing"));
    QCOMPARE(outcome(r, Rule::Nonce), QStringLiteral("fail nonce_present"));
    QCOMPARE(outcome(r, Rule::Signature), QStringLiteral("pass sig_valid"));
    QCOMPARE(r.failures().size(), 3);
}

void TestLogoutTokenValidator::clockSkewBoundaries()
{
    // iat 61 s ahead fails at skew 60; at skew 61 it passes.
    QCOMPARE(outcome(check(QStringLiteral("iat_future")), Rule::Iat), QStringLiteral("fail iat_future"));
    ValidatorConfig cfg = config();
    cfg.clockSkewSecs = 61;
    QCOMPARE(outcome(check(QStringLiteral("iat_future"), cfg), Rule::Iat), QStringLiteral("pass iat_ok"));
    // exp passed 61 s ago; a minute earlier it was still within the skew.
    QCOMPARE(outcome(check(QStringLiteral("exp_past")), Rule::Exp), QStringLiteral("fail exp_expired"));
    m_clock.advanceSecs(-1);
    QCOMPARE(outcome(check(QStringLiteral("exp_past")), Rule::Exp), QStringLiteral("pass exp_ok"));
    // A valid token expires when the clock moves past exp + skew.
    m_clock.set(QDateTime::fromSecsSinceEpoch(T0 + 115 + 60, Qt::UTC));
    QCOMPARE(outcome(check(QStringLiteral("valid_rs256")), Rule::Exp), QStringLiteral("pass exp_ok"));
    m_clock.advanceSecs(1);
    QCOMPARE(outcome(check(QStringLiteral("valid_rs256")), Rule::Exp), QStringLiteral("fail exp_expired"));
}

void TestLogoutTokenValidator::missingExpCompatibility()
{
    ValidatorConfig cfg = config();
    cfg.allowMissingExp = true;
    LogoutTokenValidator v(cfg, &m_clock);
    const QByteArray token = m_minted.tokens.value(QStringLiteral("no_exp"));
    ValidationReport r = v.validate(token, &m_jwks);
    QVERIFY2(r.valid, qPrintable(describe(r)));
    QCOMPARE(outcome(r, Rule::Exp), QStringLiteral("warn exp_missing_allowed"));
    QCOMPARE(outcome(r, Rule::Jti), QStringLiteral("pass jti_first_use"));
    // Replays are still caught without exp...
    QCOMPARE(outcome(v.validate(token, &m_jwks), Rule::Jti), QStringLiteral("fail jti_replayed"));
    // ...and a token too old to be covered by the replay window is refused.
    m_clock.advanceSecs(cfg.maxAgeWithoutExpSecs + cfg.clockSkewSecs + 10);
    LogoutTokenValidator fresh(cfg, &m_clock);
    r = fresh.validate(token, &m_jwks);
    QCOMPARE(outcome(r, Rule::Iat), QStringLiteral("fail iat_too_old"));
    // Without the switch, a missing exp fails.
    QCOMPARE(outcome(check(QStringLiteral("no_exp")), Rule::Exp), QStringLiteral("fail exp_missing"));
}

void TestLogoutTokenValidator::requireTyp()
{
    ValidatorConfig cfg = config();
    cfg.requireTyp = true;
    QCOMPARE(outcome(check(QStringLiteral("typ_absent"), cfg), Rule::Typ), QStringLiteral("fail typ_missing"));
    QCOMPARE(outcome(check(QStringLiteral("typ_jwt"), cfg), Rule::Typ), QStringLiteral("fail typ_jwt"));
    QCOMPARE(outcome(check(QStringLiteral("valid_rs256"), cfg), Rule::Typ), QStringLiteral("pass typ_ok"));
    QCOMPARE(outcome(check(QStringLiteral("typ_full_media"), cfg), Rule::Typ), QStringLiteral("pass typ_ok"));
}

void TestLogoutTokenValidator::replayRefused()
{
    LogoutTokenValidator v(config(), &m_clock);
    const QByteArray token = m_minted.tokens.value(QStringLiteral("valid_es256"));
    QVERIFY(v.validate(token, &m_jwks).valid);
    const ValidationReport again = v.validate(token, &m_jwks);
    QVERIFY(!again.valid);
    QCOMPARE(outcome(again, Rule::Jti), QStringLiteral("fail jti_replayed"));
    QCOMPARE(again.failures().size(), 1);
}

void TestLogoutTokenValidator::byteOrderMarkIsPartOfTheClaim()
{
    const ValidationReport iss = check(QStringLiteral("iss_bom"));
    QCOMPARE(outcome(iss, Rule::Iss), QStringLiteral("fail iss_mismatch"));
    // Shown with the mark, or the message would read "iss is X, expected X".
    QVERIFY2(iss.find(Rule::Iss)->message.contains(QChar(0xFEFF)), qPrintable(describe(iss)));
    const ValidationReport typ = check(QStringLiteral("typ_bom"));
    QCOMPARE(outcome(typ, Rule::Typ), QStringLiteral("fail typ_wrong"));
    QVERIFY(typ.find(Rule::Typ)->message.contains(QChar(0xFEFF)));
    // "\uFEFFjb" and "jb" are different jtis: accepting one does not make the other a replay.
    LogoutTokenValidator v(config(), &m_clock);
    QVERIFY(v.validate(m_minted.tokens.value(QStringLiteral("jti_plain")), &m_jwks).valid);
    const ValidationReport bom = v.validate(m_minted.tokens.value(QStringLiteral("jti_bom")), &m_jwks);
    QVERIFY2(bom.valid, qPrintable(describe(bom)));
    QVERIFY(!v.validate(m_minted.tokens.value(QStringLiteral("jti_bom")), &m_jwks).valid);
}

void TestLogoutTokenValidator::invalidTokenDoesNotBurnJti()
{
    LogoutTokenValidator v(config(), &m_clock);
    // A token with a bad signature and the same jti as a good one must not block the good one.
    const QByteArray good = m_minted.tokens.value(QStringLiteral("valid_rs256"));
    QByteArray bad = good;
    bad[bad.size() - 3] = bad[bad.size() - 3] == 'A' ? 'B' : 'A';
    const ValidationReport refused = v.validate(bad, &m_jwks);
    QVERIFY(!refused.valid);
    QCOMPARE(outcome(refused, Rule::Jti), QStringLiteral("pass jti_not_remembered"));
    QCOMPARE(v.replayCache().size(), 0);
    QCOMPARE(outcome(v.validate(good, &m_jwks), Rule::Jti), QStringLiteral("pass jti_first_use"));
    QCOMPARE(v.replayCache().size(), 1);
}

void TestLogoutTokenValidator::replayCacheForgetsAfterExp()
{
    ValidatorConfig cfg = config();
    cfg.replayCacheCapacity = 2;
    LogoutTokenValidator v(cfg, &m_clock);
    for (const char *id : {"valid_rs256", "valid_ps256", "valid_es256"})
        QVERIFY(v.validate(m_minted.tokens.value(QLatin1String(id)), &m_jwks).valid);
    QCOMPARE(v.replayCache().size(), 2);
    QCOMPARE(v.replayCache().evictedEarly(), quint64(1));
    m_clock.advanceSecs(115 + 60 + 1);
    QCOMPARE(v.replayCache().seenUntil("j-es", m_clock.nowSecs()).has_value(), false);
    QCOMPARE(v.replayCache().size(), 0);
}

void TestLogoutTokenValidator::inspectWithoutKeysOrConfig()
{
    ValidatorConfig cfg;
    cfg.checkSignature = false;
    LogoutTokenValidator v(cfg, &m_clock);
    const ValidationReport r = v.validate(m_minted.tokens.value(QStringLiteral("valid_rs256")), nullptr);
    QVERIFY2(r.valid, qPrintable(describe(r)));
    QCOMPARE(outcome(r, Rule::Signature), QStringLiteral("skip sig_not_checked"));
    QCOMPARE(outcome(r, Rule::Iss), QStringLiteral("skip iss_not_configured"));
    QCOMPARE(outcome(r, Rule::Aud), QStringLiteral("skip aud_not_configured"));
    QCOMPARE(outcome(r, Rule::Events), QStringLiteral("pass events_ok"));
    QCOMPARE(r.claims().value(QStringLiteral("sid")).toString(), QStringLiteral("session-1"));
    QCOMPARE(r.header().value(QStringLiteral("kid")).toString(), QStringLiteral("rs-1"));
}

void TestLogoutTokenValidator::configCheck()
{
    QVERIFY(config().check().ok());
    ValidatorConfig c = config();
    c.algorithms.clear();
    QVERIFY(!c.check().ok());
    c = config();
    c.clockSkewSecs = -1;
    QVERIFY(!c.check().ok());
}

void TestLogoutTokenValidator::reportJson()
{
    const ValidationReport r = check(QStringLiteral("iss_wrong"));
    const QJsonObject o = r.toJson();
    QCOMPARE(o.value(QStringLiteral("valid")).toBool(), false);
    const QJsonArray verdicts = o.value(QStringLiteral("verdicts")).toArray();
    QCOMPARE(verdicts.size(), LogoutTokenValidator::rules().size());
    bool sawIss = false;
    for (const auto &v : verdicts) {
        const QJsonObject vo = v.toObject();
        QVERIFY(vo.contains(QStringLiteral("rule")) && vo.contains(QStringLiteral("result")) &&
                vo.contains(QStringLiteral("message")));
        QVERIFY(!vo.value(QStringLiteral("reason")).toString().isEmpty());
        if (vo.value(QStringLiteral("rule")).toString() == QLatin1String("iss")) {
            sawIss = true;
            QCOMPARE(vo.value(QStringLiteral("result")).toString(), QStringLiteral("fail"));
            QCOMPARE(vo.value(QStringLiteral("reason")).toString(), QStringLiteral("iss_mismatch"));
        }
    }
    QVERIFY(sawIss);
    QCOMPARE(o.value(QStringLiteral("claims")).toObject().value(QStringLiteral("iss")).toString(),
             QStringLiteral("https://evil.example"));
}

void TestLogoutTokenValidator::ruleIdsAreStable()
{
    // The mock RP's --json contract: these strings must not change.
    const QStringList ids{QStringLiteral("format"), QStringLiteral("decrypt"), QStringLiteral("signature"),
                          QStringLiteral("alg"),    QStringLiteral("typ"),     QStringLiteral("crit"),
                          QStringLiteral("iss"),    QStringLiteral("aud"),     QStringLiteral("iat"),
                          QStringLiteral("exp"),    QStringLiteral("sub_sid"), QStringLiteral("events"),
                          QStringLiteral("nonce"),  QStringLiteral("jti")};
    QCOMPARE(LogoutTokenValidator::rules(), ids);
    QCOMPARE(ids.size(), kRuleCount);
    for (qsizetype i = 0; i < kRuleCount; ++i) {
        QCOMPARE(QString(ruleId(Rule(i))), ids[i]);
        QCOMPARE(ruleFromId(ids[i]), std::optional<Rule>(Rule(i)));
    }
    QVERIFY(!ruleFromId(u"Format"));
    const ValidationReport r = check(QStringLiteral("iss_wrong"));
    QCOMPARE(r.level(u"iss"), VerdictLevel::Fail); // by id, as callers holding JSON ask
    QCOMPARE(r.find(u"iss"), r.find(Rule::Iss));
}

QTEST_GUILESS_MAIN(TestLogoutTokenValidator)
#include "tst_logouttokenvalidator.moc"
