// JOSE building blocks: base64url, untrusted JSON, JWK/JWKS -> OpenSSL keys, JWS verification
// for every supported algorithm on keys and tokens made by npm `jose`.
#include "NodeMint.h"

#include "jose/Base64Url.h"
#include "jose/JtiCache.h"
#include "jose/Jwk.h"
#include "jose/Jws.h"
#include "jose/SafeJson.h"

#include <QTest>

using namespace signoff;
using namespace signoff::jose;
using signoff::test::mintKey;
using signoff::test::mintSecret;
using signoff::test::mintToken;

namespace {
const QString kSecret = QStringLiteral("a-client-secret-that-is-long-enough-for-hs512-0123456789abcdef");

QJsonObject hdr(const QString &alg, const QString &kid = {})
{
    QJsonObject h{{QStringLiteral("alg"), alg}};
    if (!kid.isEmpty())
        h.insert(QStringLiteral("kid"), kid);
    return h;
}
} // namespace

class TestJose : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void base64Url_data();
    void base64Url();
    void base64UrlRoundTrip();

    void json_data();
    void json();
    void numericDates();

    void jwksFromJose();
    void jwkRejects_data();
    void jwkRejects();
    void jwksSkipsUnusable();

    void verifyEveryAlg_data();
    void verifyEveryAlg();
    void verifyFailsOnTamperOrWrongKey();
    void ecdsaSignatureLength();
    void hmacNeedsSecret();

    void algNames();
    void keyFitsAlgByTypeAndCurve();
    void decodeMalformed_data();
    void decodeMalformed();

    void jtiCache();

private:
    signoff::test::Minted m_minted;
    Jwks m_jwks;
};

void TestJose::initTestCase()
{
    QJsonArray keys{mintKey(QStringLiteral("rs"), QStringLiteral("RS256"), QStringLiteral("rs")),
                    mintKey(QStringLiteral("rs384"), QStringLiteral("RS384"), QStringLiteral("rs384")),
                    mintKey(QStringLiteral("rs512"), QStringLiteral("RS512"), QStringLiteral("rs512")),
                    mintKey(QStringLiteral("ps"), QStringLiteral("PS256"), QStringLiteral("ps")),
                    mintKey(QStringLiteral("ps384"), QStringLiteral("PS384"), QStringLiteral("ps384")),
                    mintKey(QStringLiteral("ps512"), QStringLiteral("PS512"), QStringLiteral("ps512")),
                    mintKey(QStringLiteral("es"), QStringLiteral("ES256"), QStringLiteral("es")),
                    mintKey(QStringLiteral("es384"), QStringLiteral("ES384"), QStringLiteral("es384")),
                    mintKey(QStringLiteral("es512"), QStringLiteral("ES512"), QStringLiteral("es512")),
                    mintKey(QStringLiteral("ed"), QStringLiteral("EdDSA"), QStringLiteral("ed")),
                    mintSecret(QStringLiteral("hs"), QStringLiteral("HS256"), kSecret)};
    QJsonArray tokens;
    const QJsonObject claims{{QStringLiteral("iss"), QStringLiteral("https://op.example")}, {QStringLiteral("n"), 1}};
    for (const QString &alg : {QStringLiteral("RS256"), QStringLiteral("RS384"), QStringLiteral("RS512"),
                               QStringLiteral("PS256"), QStringLiteral("PS384"), QStringLiteral("PS512"),
                               QStringLiteral("ES256"), QStringLiteral("ES384"), QStringLiteral("ES512")}) {
        const QString key = alg.left(2).toLower() + (alg.endsWith(QLatin1String("256")) ? QString() : alg.mid(2));
        tokens.append(mintToken(alg, key, hdr(alg, key), claims));
    }
    tokens.append(mintToken(QStringLiteral("EdDSA"), QStringLiteral("ed"),
                            hdr(QStringLiteral("EdDSA"), QStringLiteral("ed")), claims));
    for (const QString &alg : {QStringLiteral("HS256"), QStringLiteral("HS384"), QStringLiteral("HS512")})
        tokens.append(mintToken(alg, QStringLiteral("hs"), hdr(alg), claims));
    m_minted = signoff::test::mint(keys, tokens);
    QVERIFY2(m_minted.ok(), qPrintable(m_minted.error));
    auto set = parseJwks(m_minted.jwks);
    QVERIFY2(set.ok(), qPrintable(set.errorString()));
    m_jwks = std::move(set).value();
}

void TestJose::base64Url_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArray>("decoded");
    QTest::newRow("empty") << QByteArray() << true << QByteArray();
    QTest::newRow("f") << QByteArray("Zg") << true << QByteArray("f");
    QTest::newRow("fo") << QByteArray("Zm8") << true << QByteArray("fo");
    QTest::newRow("foo") << QByteArray("Zm9v") << true << QByteArray("foo");
    QTest::newRow("url alphabet") << QByteArray("-_-_") << true << QByteArray::fromHex("fbffbf");
    QTest::newRow("padding refused") << QByteArray("Zg==") << false << QByteArray();
    QTest::newRow("standard alphabet refused") << QByteArray("+/+/") << false << QByteArray();
    QTest::newRow("impossible length") << QByteArray("Zm9vY") << false << QByteArray();
    QTest::newRow("whitespace") << QByteArray("Zm 9v") << false << QByteArray();
    QTest::newRow("non-canonical tail") << QByteArray("Zh") << false << QByteArray();
    QTest::newRow("nul") << QByteArray("Zm\0v", 4) << false << QByteArray();
    QTest::newRow("high bytes") << QByteArray("\xff\xfe\xfd\xfc") << false << QByteArray();
}

void TestJose::base64Url()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, ok);
    QFETCH(QByteArray, decoded);
    const auto r = base64UrlDecode(text);
    QCOMPARE(r.has_value(), ok);
    if (ok)
        QCOMPARE(*r, decoded);
}

void TestJose::base64UrlRoundTrip()
{
    QByteArray all;
    for (int i = 0; i < 256; ++i)
        all.append(char(i));
    for (int n = 0; n <= all.size(); n += 7) {
        const QByteArray part = all.left(n);
        const QByteArray enc = base64UrlEncode(part);
        QVERIFY(!enc.contains('=') && !enc.contains('+') && !enc.contains('/'));
        QCOMPARE(base64UrlDecode(enc).value_or(QByteArray("x")), part);
    }
}

void TestJose::json_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("ok");
    QTest::newRow("object") << QByteArray(R"({"a":1,"b":[true,null]})") << true;
    QTest::newRow("truncated") << QByteArray(R"({"a":1)") << false;
    QTest::newRow("trailing garbage") << QByteArray(R"({"a":1}x)") << false;
    QTest::newRow("duplicate member") << QByteArray(R"({"iss":"a","iss":"b"})") << false;
    QTest::newRow("nested duplicate") << QByteArray(R"({"e":{"x":1,"x":2}})") << false;
    QTest::newRow("same name, different objects") << QByteArray(R"({"a":{"x":1},"b":{"x":2}})") << true;
    QTest::newRow("deep nesting") << QByteArray(5000, '[') + QByteArray(5000, ']') << false;
    QTest::newRow("brackets in strings do not count") << QByteArray("{\"a\":\"") + QByteArray(500, '[') + "\"}" << true;
    QTest::newRow("huge float") << QByteArray(R"({"exp":1e400})") << false;
    QTest::newRow("huge integer") << QByteArray(R"({"exp":123456789012345678901234567890})") << true;
    QTest::newRow("invalid utf8") << QByteArray("{\"a\":\"\xff\"}") << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("bare string") << QByteArray(R"("x")") << true;
}

void TestJose::json()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, ok);
    const auto r = parseJson(text);
    QVERIFY2(r.ok() == ok, qPrintable(r.errorString()));
    if (!ok)
        QVERIFY(!r.errorString().isEmpty());
}

void TestJose::numericDates()
{
    const auto doc = parseJsonObject(
        QByteArray(R"({"i":1700000000,"f":1700000000.9,"neg":-1,"s":"1700000000","big":123456789012345678901234567890,
                      "far":253402300800,"b":true})"));
    QVERIFY(doc.ok());
    QCOMPARE(numericDateMember(*doc, "i").secs, 1700000000);
    QCOMPARE(numericDateMember(*doc, "f").secs, 1700000000);
    QCOMPARE(numericDateMember(*doc, "neg").error, NumericDateError::OutOfRange);
    QCOMPARE(numericDateMember(*doc, "s").error, NumericDateError::NotANumber);
    QCOMPARE(numericDateMember(*doc, "big").error, NumericDateError::OutOfRange);
    QCOMPARE(numericDateMember(*doc, "far").error, NumericDateError::OutOfRange);
    QCOMPARE(numericDateMember(*doc, "b").error, NumericDateError::NotANumber);
    QCOMPARE(numericDateMember(*doc, "missing").error, NumericDateError::Missing);
}

void TestJose::jwksFromJose()
{
    QCOMPARE(int(m_jwks.keys.size()), 10);
    QVERIFY2(m_jwks.skipped.isEmpty(), qPrintable(m_jwks.skipped.join(QLatin1Char('\n'))));
    for (const auto &k : m_jwks.keys) {
        QVERIFY(k.key);
        if (k.kty == QLatin1String("RSA"))
            QCOMPARE(k.bits, 2048);
    }
    const auto es512 = std::find_if(m_jwks.keys.begin(), m_jwks.keys.end(),
                                    [](const Jwk &k) { return k.kid == QLatin1String("es512"); });
    QVERIFY(es512 != m_jwks.keys.end());
    QCOMPARE(es512->crv, QStringLiteral("P-521"));
    QCOMPARE(es512->bits, 521);
}

void TestJose::jwkRejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("why");
    const QByteArray n1024 = base64UrlEncode(QByteArray(127, '\x55').prepend('\xc1'));
    QTest::newRow("no kty") << QByteArray(R"({"n":"AQAB","e":"AQAB"})") << QStringLiteral("kty");
    QTest::newRow("oct") << QByteArray(R"({"kty":"oct","k":"c2VjcmV0"})") << QStringLiteral("secret key material");
    QTest::newRow("unknown kty") << QByteArray(R"({"kty":"XYZ"})") << QStringLiteral("unsupported key type");
    QTest::newRow("rsa 1024") << (QByteArray(R"({"kty":"RSA","e":"AQAB","n":")") + n1024 + "\"}")
                              << QStringLiteral("2048..16384");
    QTest::newRow("rsa bad base64") << QByteArray(R"({"kty":"RSA","e":"AQAB","n":"a+b/"})")
                                    << QStringLiteral("base64url");
    QTest::newRow("rsa even exponent") << QByteArray(R"({"kty":"RSA","e":"AQAA","n":")") +
                                              base64UrlEncode(QByteArray(256, '\x77')) + "\"}"
                                       << QStringLiteral("exponent");
    QTest::newRow("rsa n not a string") << QByteArray(R"({"kty":"RSA","e":"AQAB","n":12})") << QStringLiteral("\"n\"");
    QTest::newRow("ec unknown curve") << QByteArray(R"({"kty":"EC","crv":"secp256k1","x":"AA","y":"AA"})")
                                      << QStringLiteral("unsupported EC curve");
    QTest::newRow("ec short x") << QByteArray(R"({"kty":"EC","crv":"P-256","x":"AAAA","y":"AAAA"})")
                                << QStringLiteral("32 bytes");
    QTest::newRow("ec point off curve") << (QByteArray(R"({"kty":"EC","crv":"P-256","x":")") +
                                            base64UrlEncode(QByteArray(32, '\x01')) + R"(","y":")" +
                                            base64UrlEncode(QByteArray(32, '\x02')) + "\"}")
                                        << QStringLiteral("not on curve");
    QTest::newRow("x25519") << QByteArray(R"({"kty":"OKP","crv":"X25519","x":"AAAA"})")
                            << QStringLiteral("not a signature curve");
    QTest::newRow("okp short") << QByteArray(R"({"kty":"OKP","crv":"Ed25519","x":"AAAA"})")
                               << QStringLiteral("32 bytes");
    QTest::newRow("use enc") << QByteArray(R"({"kty":"RSA","use":"enc"})") << QStringLiteral("not signatures");
    QTest::newRow("key_ops without verify")
        << QByteArray(R"({"kty":"RSA","key_ops":["encrypt"]})") << QStringLiteral("verify");
    QTest::newRow("private rsa") << QByteArray(R"({"kty":"RSA","n":"AQAB","e":"AQAB","d":"AQAB"})")
                                 << QStringLiteral("private");
    QTest::newRow("kid not a string") << QByteArray(R"({"kty":"RSA","kid":5})") << QStringLiteral("kid");
    QTest::newRow("not an object") << QByteArray(R"([1,2])") << QStringLiteral("object");
}

void TestJose::jwkRejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, why);
    const auto doc = parseJson(json);
    QVERIFY(doc.ok());
    const auto jwk = parseJwk(*doc);
    QVERIFY(!jwk.ok());
    QVERIFY2(jwk.errorString().contains(why), qPrintable(jwk.errorString()));
}

void TestJose::jwksSkipsUnusable()
{
    QJsonObject rs = m_minted.jwk.value(QStringLiteral("rs")).toObject();
    QJsonArray keys{rs, QJsonObject{{QStringLiteral("kty"), QStringLiteral("oct")},
                                    {QStringLiteral("k"), QStringLiteral("AA")},
                                    {QStringLiteral("kid"), QStringLiteral("sym")}}};
    const QByteArray doc = QJsonDocument(QJsonObject{{QStringLiteral("keys"), keys}}).toJson();
    const auto set = parseJwks(doc);
    QVERIFY(set.ok());
    QCOMPARE(int(set->keys.size()), 1);
    QCOMPARE(set->skipped.size(), 1);
    QVERIFY(set->skipped.first().contains(QLatin1String("sym")));

    QVERIFY(!parseJwks("{}").ok());
    QVERIFY(!parseJwks(R"({"keys":{}})").ok());
    QVERIFY(!parseJwks("not json").ok());
    QVERIFY(parseJwks(R"({"keys":[]})").ok());
}

void TestJose::verifyEveryAlg_data()
{
    QTest::addColumn<QString>("alg");
    for (const QString &a : m_minted.tokens.keys())
        QTest::newRow(qPrintable(a)) << a;
}

void TestJose::verifyEveryAlg()
{
    QFETCH(QString, alg);
    const auto parsed = jwsAlgFromName(alg);
    QVERIFY(parsed);
    const DecodedJws d = decodeCompactJws(m_minted.tokens.value(alg));
    QVERIFY2(d.complete(), qPrintable(d.firstError()));
    QCOMPARE(QString::fromStdString(d.header->at("alg").get<std::string>()), alg);
    if (isHmacAlg(*parsed)) {
        QVERIFY(verifyHmac(*parsed, kSecret.toUtf8(), d.signingInput, d.signature).ok());
        return;
    }
    const QString kid = QString::fromStdString(d.header->at("kid").get<std::string>());
    const auto key = std::find_if(m_jwks.keys.begin(), m_jwks.keys.end(), [&](const Jwk &k) { return k.kid == kid; });
    QVERIFY(key != m_jwks.keys.end());
    QVERIFY(keyFitsAlg(*key, *parsed));
    const Status s = verifySignature(*parsed, key->key.get(), d.signingInput, d.signature);
    QVERIFY2(s.ok(), qPrintable(s.errorString()));
}

void TestJose::verifyFailsOnTamperOrWrongKey()
{
    const auto findKey = [&](const char *kid) {
        return std::find_if(m_jwks.keys.begin(), m_jwks.keys.end(),
                            [&](const Jwk &k) { return k.kid == QLatin1String(kid); })
            ->key.get();
    };
    for (const char *alg : {"RS256", "PS256", "ES256", "EdDSA"}) {
        const QByteArray token = m_minted.tokens.value(QLatin1String(alg));
        DecodedJws d = decodeCompactJws(token);
        const JwsAlg a = *jwsAlgFromName(QString::fromLatin1(alg));
        EVP_PKEY *key = findKey(d.header->at("kid").get<std::string>().c_str());
        QVERIFY(verifySignature(a, key, d.signingInput, d.signature).ok());
        QByteArray tampered = d.signingInput;
        tampered[tampered.size() - 2] = tampered[tampered.size() - 2] == 'A' ? 'B' : 'A';
        QVERIFY(!verifySignature(a, key, tampered, d.signature).ok());
        QByteArray sig = d.signature;
        sig[0] = char(sig[0] ^ 0x01);
        QVERIFY(!verifySignature(a, key, d.signingInput, sig).ok());
    }
    // A key of the right type that did not sign the token.
    DecodedJws d = decodeCompactJws(m_minted.tokens.value(QStringLiteral("RS256")));
    QVERIFY(!verifySignature(JwsAlg::RS256, findKey("rs384"), d.signingInput, d.signature).ok());
    // RS256 bytes checked as PS256 with the same key must fail: padding is part of the algorithm.
    QVERIFY(!verifySignature(JwsAlg::PS256, findKey("rs"), d.signingInput, d.signature).ok());
    // An EC key cannot verify RSA.
    QVERIFY(!verifySignature(JwsAlg::RS256, findKey("es"), d.signingInput, d.signature).ok());
    QVERIFY(!verifySignature(JwsAlg::RS256, nullptr, d.signingInput, d.signature).ok());
}

void TestJose::ecdsaSignatureLength()
{
    DecodedJws d = decodeCompactJws(m_minted.tokens.value(QStringLiteral("ES256")));
    QCOMPARE(d.signature.size(), 64);
    EVP_PKEY *key = std::find_if(m_jwks.keys.begin(), m_jwks.keys.end(), [](const Jwk &k) {
                        return k.kid == QLatin1String("es");
                    })->key.get();
    const Status shortSig = verifySignature(JwsAlg::ES256, key, d.signingInput, d.signature.left(63));
    QVERIFY(!shortSig.ok());
    QVERIFY(shortSig.errorString().contains(QLatin1String("64 bytes")));
    QVERIFY(!verifySignature(JwsAlg::ES256, key, d.signingInput, QByteArray(64, '\0')).ok());
    QVERIFY(!verifySignature(JwsAlg::ES256, key, d.signingInput, QByteArray(64, '\xff')).ok());
}

void TestJose::hmacNeedsSecret()
{
    DecodedJws d = decodeCompactJws(m_minted.tokens.value(QStringLiteral("HS256")));
    QVERIFY(!verifyHmac(JwsAlg::HS256, QByteArray(), d.signingInput, d.signature).ok());
    QVERIFY(!verifyHmac(JwsAlg::HS256, "wrong", d.signingInput, d.signature).ok());
    QVERIFY(!verifyHmac(JwsAlg::HS384, kSecret.toUtf8(), d.signingInput, d.signature).ok());
    QVERIFY(!verifyHmac(JwsAlg::RS256, kSecret.toUtf8(), d.signingInput, d.signature).ok());
    QVERIFY(!verifyHmac(JwsAlg::HS256, kSecret.toUtf8(), d.signingInput, d.signature.left(31)).ok());
}

void TestJose::algNames()
{
    for (const JwsAlg a : allJwsAlgs())
        QCOMPARE(jwsAlgFromName(jwsAlgName(a)), std::optional<JwsAlg>(a));
    QVERIFY(!jwsAlgFromName(u"rs256"));
    QVERIFY(!jwsAlgFromName(u"none"));
    QVERIFY(!jwsAlgFromName(u"RS256 "));
    for (const QString &n : {QStringLiteral("none"), QStringLiteral("None"), QStringLiteral("NONE"),
                             QStringLiteral("nOnE"), QStringLiteral(" none ")})
        QVERIFY(isNoneAlgName(n));
    QVERIFY(!isNoneAlgName(u"nonce"));
}

void TestJose::keyFitsAlgByTypeAndCurve()
{
    for (const auto &k : m_jwks.keys) {
        int fits = 0;
        for (const JwsAlg a : allJwsAlgs())
            fits += keyFitsAlg(k, a) ? 1 : 0;
        // Each published key declares its "alg", so exactly one algorithm fits.
        QCOMPARE(fits, 1);
    }
    Jwk undeclared = m_jwks.keys.front(); // RSA without "alg": any RS/PS algorithm
    undeclared.alg.clear();
    QVERIFY(keyFitsAlg(undeclared, JwsAlg::RS256));
    QVERIFY(keyFitsAlg(undeclared, JwsAlg::PS512));
    QVERIFY(!keyFitsAlg(undeclared, JwsAlg::ES256));
    QVERIFY(!keyFitsAlg(undeclared, JwsAlg::HS256));

    // Without a declared "alg", the family follows from kty and crv alone (expected sets written
    // by name, independent of the enum's order).
    const QHash<QString, QStringList> expected{
        {QStringLiteral("RSA"),
         {QStringLiteral("RS256"), QStringLiteral("RS384"), QStringLiteral("RS512"), QStringLiteral("PS256"),
          QStringLiteral("PS384"), QStringLiteral("PS512")}},
        {QStringLiteral("EC P-256"), {QStringLiteral("ES256")}},
        {QStringLiteral("EC P-384"), {QStringLiteral("ES384")}},
        {QStringLiteral("EC P-521"), {QStringLiteral("ES512")}},
        {QStringLiteral("OKP Ed25519"), {QStringLiteral("EdDSA")}}};
    for (Jwk k : m_jwks.keys) {
        k.alg.clear();
        QStringList fitting;
        for (const JwsAlg a : allJwsAlgs()) {
            if (keyFitsAlg(k, a))
                fitting << jwsAlgName(a);
        }
        const QString type = k.crv.isEmpty() ? k.kty : k.kty + QLatin1Char(' ') + k.crv;
        QCOMPARE(fitting, expected.value(type));
    }
    for (const JwsAlg a : allJwsAlgs())
        QCOMPARE(isHmacAlg(a), jwsAlgName(a).startsWith(QLatin1String("HS")));
    QCOMPARE(allJwsAlgs().size(), qsizetype(kJwsAlgCount));
}

void TestJose::decodeMalformed_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("error");
    const QByteArray h = base64UrlEncode(R"({"alg":"RS256"})");
    const QByteArray p = base64UrlEncode(R"({"iss":"x"})");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("one part") << h << QStringLiteral("3 dot-separated parts");
    QTest::newRow("two parts") << h + "." + p << QStringLiteral("3 dot-separated parts");
    QTest::newRow("four parts") << h + "." + p + ".c2ln.x" << QStringLiteral("3 dot-separated parts");
    QTest::newRow("many dots") << QByteArray(1000, '.') << QStringLiteral("3 dot-separated parts");
    QTest::newRow("jwe") << h + ".a.b.c.d" << QStringLiteral("encrypted");
    QTest::newRow("empty header") << "." + p + ".c2ln" << QStringLiteral("header part is empty");
    QTest::newRow("empty payload") << h + "..c2ln" << QStringLiteral("payload part is empty");
    QTest::newRow("empty signature") << h + "." + p + "." << QStringLiteral("signature part is empty");
    QTest::newRow("bad base64 header") << "e30=." + p + ".c2ln" << QStringLiteral("header part is not valid base64url");
    QTest::newRow("bad base64 payload") << h + ".%%%.c2ln" << QStringLiteral("payload part is not valid base64url");
    QTest::newRow("bad base64 signature") << h + "." + p + ".c2l*" << QStringLiteral("signature part is not valid");
    QTest::newRow("header not json") << base64UrlEncode("{alg") + "." + p + ".c2ln"
                                     << QStringLiteral("header is not a JSON object");
    QTest::newRow("header array") << base64UrlEncode("[]") + "." + p + ".c2ln" << QStringLiteral("not an object");
    QTest::newRow("payload truncated") << h + "." + base64UrlEncode(R"({"iss":)") + ".c2ln"
                                       << QStringLiteral("claims are not a JSON object");
    QTest::newRow("payload deep") << h + "." + base64UrlEncode(QByteArray(10000, '[')) + ".c2ln"
                                  << QStringLiteral("deeper");
    QTest::newRow("payload string") << h + "." + base64UrlEncode("\"x\"") + ".c2ln" << QStringLiteral("not an object");
    QTest::newRow("payload duplicate iss")
        << h + "." + base64UrlEncode(R"({"iss":"a","iss":"b"})") + ".c2ln" << QStringLiteral("more than once");
}

void TestJose::decodeMalformed()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, error);
    const DecodedJws d = decodeCompactJws(token);
    QVERIFY(!d.complete());
    QVERIFY2(d.firstError().contains(error), qPrintable(d.firstError()));
}

void TestJose::jtiCache()
{
    JtiCache cache(3);
    cache.insert("a", 100, 0);
    cache.insert("b", 200, 0);
    QCOMPARE(cache.seenUntil("a", 50).value_or(-1), 100);
    QVERIFY(!cache.seenUntil("c", 50));
    // Expired entries leave.
    QVERIFY(!cache.seenUntil("a", 101));
    QCOMPARE(cache.size(), 1);
    // Full: the entry closest to expiry is pushed out early and counted.
    cache.insert("c", 300, 110);
    cache.insert("d", 400, 110);
    QCOMPARE(cache.size(), 3);
    cache.insert("e", 500, 110);
    QCOMPARE(cache.size(), 3);
    QCOMPARE(cache.evictedEarly(), quint64(1));
    QVERIFY(!cache.seenUntil("b", 110));
    QVERIFY(cache.seenUntil("e", 110));
    // Already expired on arrival: not stored.
    cache.insert("old", 10, 110);
    QVERIFY(!cache.seenUntil("old", 110));
}

QTEST_GUILESS_MAIN(TestJose)
#include "tst_jose.moc"
