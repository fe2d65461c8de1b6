#include "Jwk.h"

#include "Base64Url.h"
#include "SafeJson.h"

#include <QCoreApplication>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace signoff::jose {

namespace {
// lupdate files these strings under the context named here, as they are looked up at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(signoff::jose::Jwk)
};

struct BnFree
{
    void operator()(BIGNUM *b) const { BN_free(b); }
};
struct ParamBldFree
{
    void operator()(OSSL_PARAM_BLD *b) const { OSSL_PARAM_BLD_free(b); }
};
struct ParamFree
{
    void operator()(OSSL_PARAM *p) const { OSSL_PARAM_free(p); }
};
struct PkeyCtxFree
{
    void operator()(EVP_PKEY_CTX *c) const { EVP_PKEY_CTX_free(c); }
};

std::shared_ptr<EVP_PKEY> wrap(EVP_PKEY *key)
{
    return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

Result<QByteArray> b64Member(const nlohmann::json &obj, const char *name)
{
    const auto s = stringMember(obj, name);
    if (!s)
        return Result<QByteArray>::failure(Tr::tr("member \"%1\" missing or not a string").arg(QLatin1String(name)));
    auto bytes = base64UrlDecode(s->toLatin1());
    if (!bytes || bytes->isEmpty())
        return Result<QByteArray>::failure(Tr::tr("member \"%1\" is not valid base64url").arg(QLatin1String(name)));
    return *bytes;
}

Result<std::shared_ptr<EVP_PKEY>> fromData(const char *type, OSSL_PARAM *params)
{
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY *key = nullptr;
    if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0 ||
        EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params) <= 0 || !key)
        return Result<std::shared_ptr<EVP_PKEY>>::failure(Tr::tr("OpenSSL refused the key parameters"));
    auto owned = wrap(key);
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> check(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
    if (!check || EVP_PKEY_public_check(check.get()) != 1)
        return Result<std::shared_ptr<EVP_PKEY>>::failure(Tr::tr("public key fails OpenSSL's validity check"));
    return owned;
}

Result<Jwk> parseRsa(const nlohmann::json &obj, Jwk jwk)
{
    const auto n = b64Member(obj, "n");
    if (!n)
        return n.error();
    const auto e = b64Member(obj, "e");
    if (!e)
        return e.error();
    QByteArray modulus = *n;
    while (modulus.size() > 1 && modulus.front() == '\0')
        modulus.remove(0, 1);
    const int bits = int(modulus.size()) * 8;
    if (bits < 2048 || bits > 16384)
        return Result<Jwk>::failure(Tr::tr("RSA modulus of about %1 bits is outside 2048..16384").arg(bits));
    if (e->size() > 8)
        return Result<Jwk>::failure(Tr::tr("RSA exponent is implausibly large"));

    std::unique_ptr<BIGNUM, BnFree> bn(
        BN_bin2bn(reinterpret_cast<const unsigned char *>(modulus.constData()), int(modulus.size()), nullptr));
    std::unique_ptr<BIGNUM, BnFree> be(
        BN_bin2bn(reinterpret_cast<const unsigned char *>(e->constData()), int(e->size()), nullptr));
    std::unique_ptr<OSSL_PARAM_BLD, ParamBldFree> bld(OSSL_PARAM_BLD_new());
    if (!bn || !be || !bld || BN_is_odd(be.get()) == 0 || BN_is_one(be.get()))
        return Result<Jwk>::failure(Tr::tr("RSA exponent is not a valid public exponent"));
    if (OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bn.get()) != 1 ||
        OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, be.get()) != 1)
        return Result<Jwk>::failure(Tr::tr("OpenSSL refused the key parameters"));
    std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(bld.get()));
    auto key = fromData("RSA", params.get());
    if (!key)
        return key.error();
    jwk.key = *key;
    jwk.bits = EVP_PKEY_get_bits(jwk.key.get());
    return jwk;
}

Result<Jwk> parseEc(const nlohmann::json &obj, Jwk jwk)
{
    const char *group = nullptr;
    int size = 0;
    if (jwk.crv == QLatin1String("P-256")) {
        group = "prime256v1";
        size = 32;
    } else if (jwk.crv == QLatin1String("P-384")) {
        group = "secp384r1";
        size = 48;
    } else if (jwk.crv == QLatin1String("P-521")) {
        group = "secp521r1";
        size = 66;
    } else {
        return Result<Jwk>::failure(Tr::tr("unsupported EC curve \"%1\"").arg(jwk.crv.left(32)));
    }
    const auto x = b64Member(obj, "x");
    if (!x)
        return x.error();
    const auto y = b64Member(obj, "y");
    if (!y)
        return y.error();
    if (x->size() != size || y->size() != size)
        return Result<Jwk>::failure(Tr::tr("EC coordinates must be %1 bytes for %2").arg(size).arg(jwk.crv));
    // Uncompressed SEC1 point: 0x04 || x || y.
    QByteArray point(1, '\x04');
    point += *x;
    point += *y;
    std::unique_ptr<OSSL_PARAM_BLD, ParamBldFree> bld(OSSL_PARAM_BLD_new());
    if (!bld || OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, 0) != 1 ||
        OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(), size_t(point.size())) !=
            1)
        return Result<Jwk>::failure(Tr::tr("OpenSSL refused the key parameters"));
    std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(bld.get()));
    auto key = fromData("EC", params.get());
    if (!key)
        return Result<Jwk>::failure(Tr::tr("EC point is not on curve %1").arg(jwk.crv));
    jwk.key = *key;
    jwk.bits = EVP_PKEY_get_bits(jwk.key.get());
    return jwk;
}

Result<Jwk> parseOkp(const nlohmann::json &obj, Jwk jwk)
{
    int type = 0;
    int size = 0;
    if (jwk.crv == QLatin1String("Ed25519")) {
        type = EVP_PKEY_ED25519;
        size = 32;
    } else if (jwk.crv == QLatin1String("Ed448")) {
        type = EVP_PKEY_ED448;
        size = 57;
    } else {
        // X25519/X448 are key-agreement keys: never for signatures.
        return Result<Jwk>::failure(Tr::tr("OKP curve \"%1\" is not a signature curve").arg(jwk.crv.left(32)));
    }
    const auto x = b64Member(obj, "x");
    if (!x)
        return x.error();
    if (x->size() != size)
        return Result<Jwk>::failure(Tr::tr("OKP key must be %1 bytes for %2").arg(size).arg(jwk.crv));
    EVP_PKEY *key = EVP_PKEY_new_raw_public_key(type, nullptr, reinterpret_cast<const unsigned char *>(x->constData()),
                                                size_t(x->size()));
    if (!key)
        return Result<Jwk>::failure(Tr::tr("OpenSSL refused the key parameters"));
    jwk.key = wrap(key);
    jwk.bits = EVP_PKEY_get_bits(key);
    return jwk;
}
} // namespace

QString Jwk::describe() const
{
    if (!description.isEmpty())
        return description;
    QString s = kty;
    if (!crv.isEmpty())
        s += QLatin1Char(' ') + crv;
    else if (bits)
        s += QLatin1Char(' ') + QString::number(bits);
    if (!kid.isEmpty())
        s += QStringLiteral(" kid=") + kid;
    return s;
}

Result<Jwk> parseJwk(const nlohmann::json &obj)
{
    if (!obj.is_object())
        return Result<Jwk>::failure(Tr::tr("a JWK must be a JSON object"));
    Jwk jwk;
    const auto kty = stringMember(obj, "kty");
    if (!kty)
        return Result<Jwk>::failure(Tr::tr("JWK has no \"kty\""));
    jwk.kty = *kty;
    jwk.kid = stringMember(obj, "kid").value_or(QString());
    jwk.crv = stringMember(obj, "crv").value_or(QString());
    jwk.alg = stringMember(obj, "alg").value_or(QString());
    if (obj.contains("kid") && !obj["kid"].is_string())
        return Result<Jwk>::failure(Tr::tr("JWK \"kid\" is not a string"));

    const auto use = stringMember(obj, "use");
    if (use && *use != QLatin1String("sig"))
        return Result<Jwk>::failure(Tr::tr("key is for \"%1\", not signatures").arg(use->left(16)));
    if (const auto ops = obj.find("key_ops"); ops != obj.end()) {
        bool verify = false;
        if (ops->is_array()) {
            for (const auto &op : *ops)
                verify = verify || (op.is_string() && op.get_ref<const std::string &>() == "verify");
        }
        if (!verify)
            return Result<Jwk>::failure(Tr::tr("key_ops does not allow \"verify\""));
    }
    for (const char *priv : {"d", "p", "q", "dp", "dq", "qi", "k"}) {
        if (obj.contains(priv))
            return Result<Jwk>::failure(
                Tr::tr("JWK contains private or secret key material (\"%1\"): refused").arg(QLatin1String(priv)));
    }

    Result<Jwk> parsed = *kty == QLatin1String("RSA")  ? parseRsa(obj, std::move(jwk))
                         : *kty == QLatin1String("EC") ? parseEc(obj, std::move(jwk))
                         : *kty == QLatin1String("OKP")
                             ? parseOkp(obj, std::move(jwk))
                             : Result<Jwk>::failure(Tr::tr("unsupported key type \"%1\"").arg(kty->left(16)));
    if (parsed)
        parsed.value().description = parsed.value().describe();
    return parsed;
}

Result<Jwks> parseJwks(QByteArrayView json)
{
    auto doc = parseJsonObject(json, JsonLimits{8, 4 * 1024 * 1024});
    if (!doc)
        return Result<Jwks>::failure(Tr::tr("JWKS is not usable: %1").arg(doc.errorString()));
    const auto keys = doc->find("keys");
    if (keys == doc->end() || !keys->is_array())
        return Result<Jwks>::failure(Tr::tr("JWKS has no \"keys\" array"));
    Jwks set;
    int index = 0;
    for (const auto &k : *keys) {
        if (index++ >= 100) {
            set.skipped << Tr::tr("more than 100 keys: the rest are ignored");
            break;
        }
        auto jwk = parseJwk(k);
        if (jwk) {
            set.keys.push_back(std::move(jwk).value());
        } else {
            const QString kid = k.is_object() ? stringMember(k, "kid").value_or(QString()) : QString();
            set.skipped << Tr::tr("key #%1%2: %3")
                               .arg(index)
                               .arg(kid.isEmpty() ? QString() : QStringLiteral(" (kid=%1)").arg(kid.left(64)))
                               .arg(jwk.errorString());
        }
    }
    return set;
}

} // namespace signoff::jose
