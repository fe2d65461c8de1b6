#include "Jws.h"

#include "Base64Url.h"
#include "SafeJson.h"

#include <QCoreApplication>
#include <QVarLengthArray>

#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rsa.h>

#include <array>
#include <memory>
#include <vector>

namespace signoff::jose {

namespace {
// lupdate files these strings under the context named here, as they are looked up at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(signoff::jose::Jws)
};

enum class Family
{
    Rsa,    // RSASSA-PKCS1-v1_5
    RsaPss, // RSASSA-PSS
    Ec,     // ECDSA
    EdDsa,
    Hmac
};

enum class Digest
{
    None, // EdDSA hashes internally
    Sha256,
    Sha384,
    Sha512
};

// Everything the code needs to know about an algorithm is read from this table, never from
// the enum's order.
struct AlgInfo
{
    JwsAlg alg;
    const char *name;
    Family family;
    Digest digest;
    const char *curve;  // the JWK "crv" an ECDSA key must have
    int coordinateSize; // bytes of r and of s in an ECDSA signature
};

constexpr std::array<AlgInfo, kJwsAlgCount> kAlgs{{
    {JwsAlg::RS256, "RS256", Family::Rsa, Digest::Sha256, nullptr, 0},
    {JwsAlg::RS384, "RS384", Family::Rsa, Digest::Sha384, nullptr, 0},
    {JwsAlg::RS512, "RS512", Family::Rsa, Digest::Sha512, nullptr, 0},
    {JwsAlg::PS256, "PS256", Family::RsaPss, Digest::Sha256, nullptr, 0},
    {JwsAlg::PS384, "PS384", Family::RsaPss, Digest::Sha384, nullptr, 0},
    {JwsAlg::PS512, "PS512", Family::RsaPss, Digest::Sha512, nullptr, 0},
    {JwsAlg::ES256, "ES256", Family::Ec, Digest::Sha256, "P-256", 32},
    {JwsAlg::ES384, "ES384", Family::Ec, Digest::Sha384, "P-384", 48},
    {JwsAlg::ES512, "ES512", Family::Ec, Digest::Sha512, "P-521", 66},
    {JwsAlg::EdDSA, "EdDSA", Family::EdDsa, Digest::None, nullptr, 0},
    {JwsAlg::HS256, "HS256", Family::Hmac, Digest::Sha256, nullptr, 0},
    {JwsAlg::HS384, "HS384", Family::Hmac, Digest::Sha384, nullptr, 0},
    {JwsAlg::HS512, "HS512", Family::Hmac, Digest::Sha512, nullptr, 0},
}};

constexpr bool algsInEnumOrder()
{
    for (size_t i = 0; i < kAlgs.size(); ++i) {
        if (kAlgs[i].alg != JwsAlg(i))
            return false;
    }
    return true;
}
static_assert(algsInEnumOrder(), "kAlgs must list every JwsAlg once, in the enum's order");

const AlgInfo &info(JwsAlg alg)
{
    return kAlgs[size_t(alg)];
}

// Explicitly fetched digests: OpenSSL 3's implicit EVP_sha256() lookups cost a lock per use.
const EVP_MD *digestFor(JwsAlg alg)
{
    static EVP_MD *sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    static EVP_MD *sha384 = EVP_MD_fetch(nullptr, "SHA384", nullptr);
    static EVP_MD *sha512 = EVP_MD_fetch(nullptr, "SHA512", nullptr);
    switch (info(alg).digest) {
    case Digest::Sha256:
        return sha256;
    case Digest::Sha384:
        return sha384;
    case Digest::Sha512:
        return sha512;
    case Digest::None:
        break;
    }
    return nullptr;
}

bool isRsaAlg(JwsAlg a)
{
    return info(a).family == Family::Rsa || info(a).family == Family::RsaPss;
}

struct MdCtxFree
{
    void operator()(EVP_MD_CTX *c) const { EVP_MD_CTX_free(c); }
};
struct EcdsaSigFree
{
    void operator()(ECDSA_SIG *s) const { ECDSA_SIG_free(s); }
};

// JWS ECDSA signatures are fixed-width big-endian r||s (RFC 7518 §3.4); OpenSSL wants DER.
std::optional<QByteArray> rawEcdsaToDer(QByteArrayView raw, int coordinateSize)
{
    if (raw.size() != 2 * coordinateSize)
        return std::nullopt;
    const auto *p = reinterpret_cast<const unsigned char *>(raw.data());
    BIGNUM *r = BN_bin2bn(p, coordinateSize, nullptr);
    BIGNUM *s = BN_bin2bn(p + coordinateSize, coordinateSize, nullptr);
    std::unique_ptr<ECDSA_SIG, EcdsaSigFree> sig(ECDSA_SIG_new());
    if (!r || !s || !sig || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
        BN_free(r);
        BN_free(s);
        return std::nullopt;
    }
    const int len = i2d_ECDSA_SIG(sig.get(), nullptr);
    if (len <= 0)
        return std::nullopt;
    QByteArray der(len, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    if (i2d_ECDSA_SIG(sig.get(), &out) != len)
        return std::nullopt;
    return der;
}
} // namespace

std::optional<JwsAlg> jwsAlgFromName(QStringView name)
{
    for (const auto &a : kAlgs) {
        if (name == QLatin1String(a.name))
            return a.alg;
    }
    return std::nullopt;
}

QString jwsAlgName(JwsAlg alg)
{
    return QLatin1String(info(alg).name);
}

QList<JwsAlg> allJwsAlgs()
{
    QList<JwsAlg> all;
    for (const auto &a : kAlgs)
        all << a.alg;
    return all;
}

bool isHmacAlg(JwsAlg alg)
{
    return info(alg).family == Family::Hmac;
}

bool isNoneAlgName(QStringView name)
{
    return name.trimmed().compare(QLatin1String("none"), Qt::CaseInsensitive) == 0;
}

bool keyFitsAlg(const Jwk &key, JwsAlg alg)
{
    if (!key.key || isHmacAlg(alg))
        return false;
    if (!key.alg.isEmpty() && key.alg != jwsAlgName(alg))
        return false;
    switch (info(alg).family) {
    case Family::Rsa:
    case Family::RsaPss:
        return key.kty == QLatin1String("RSA");
    case Family::Ec:
        return key.kty == QLatin1String("EC") && key.crv == QLatin1String(info(alg).curve);
    case Family::EdDsa:
        return key.kty == QLatin1String("OKP");
    case Family::Hmac:
        break;
    }
    return false;
}

QString DecodedJws::firstError() const
{
    if (!structureError.isEmpty())
        return structureError;
    if (!headerError.isEmpty())
        return headerError;
    if (!payloadError.isEmpty())
        return payloadError;
    return signatureError;
}

DecodedJws decodeCompactJws(QByteArrayView token)
{
    DecodedJws d;
    const QByteArrayView trimmed = token.trimmed();
    QVarLengthArray<QByteArrayView, 5> parts;
    for (qsizetype from = 0;;) {
        const qsizetype dot = trimmed.indexOf('.', from);
        parts.append(trimmed.sliced(from, (dot < 0 ? trimmed.size() : dot) - from));
        if (dot < 0)
            break;
        from = dot + 1;
    }
    d.partCount = int(parts.size());
    if (trimmed.isEmpty()) {
        d.structureError = Tr::tr("the token is empty");
        return d;
    }
    if (parts.size() == 5) {
        d.structureError =
            Tr::tr("the token is encrypted (JWE, five parts); encrypted logout tokens are not supported");
        // The JWE header is still readable and worth showing.
    } else if (parts.size() != 3) {
        d.structureError = Tr::tr("a signed token has 3 dot-separated parts, this one has %1").arg(parts.size());
    }
    if (parts.isEmpty())
        return d;

    JsonLimits limits{16, 64 * 1024};
    if (parts[0].isEmpty()) {
        d.headerError = Tr::tr("the header part is empty");
    } else if (auto h = base64UrlDecode(parts[0]); !h) {
        d.headerError = Tr::tr("the header part is not valid base64url");
    } else if (auto j = parseJsonObject(*h, limits); !j) {
        d.headerError = Tr::tr("the header is not a JSON object: %1").arg(j.errorString());
    } else {
        d.header = std::move(j).value();
    }
    if (parts.size() != 3)
        return d;

    if (parts[1].isEmpty()) {
        d.payloadError = Tr::tr("the payload part is empty");
    } else if (auto p = base64UrlDecode(parts[1]); !p) {
        d.payloadError = Tr::tr("the payload part is not valid base64url");
    } else if (auto j = parseJsonObject(*p, limits); !j) {
        d.payloadError = Tr::tr("the claims are not a JSON object: %1").arg(j.errorString());
    } else {
        d.payload = std::move(j).value();
    }
    if (parts[2].isEmpty()) {
        d.signatureError = Tr::tr("the signature part is empty (unsigned token)");
    } else if (auto s = base64UrlDecode(parts[2]); !s) {
        d.signatureError = Tr::tr("the signature part is not valid base64url");
    } else {
        d.signature = std::move(*s);
    }
    d.signingInput = trimmed.first(parts[0].size() + 1 + parts[1].size()).toByteArray();
    return d;
}

namespace {
struct PkeyCtxFree
{
    void operator()(EVP_PKEY_CTX *c) const { EVP_PKEY_CTX_free(c); }
};

// OpenSSL 3 looks the signature implementation up in its provider store (locks, hash-table walks)
// every time a verification context is made; that was a quarter of the mock RP's time per token.
// So contexts are made once per key and algorithm and reused: EVP_PKEY_verify may be called
// repeatedly on one initialised context. The cache is per thread (contexts are not thread-safe)
// and small; each context holds a reference to its key, so a cached key pointer cannot dangle
// or be reused by another key while it is cached.
class VerifyContextCache
{
public:
    EVP_PKEY_CTX *get(EVP_PKEY *key, JwsAlg alg)
    {
        for (auto &e : m_entries) {
            if (e.key == key && e.alg == alg)
                return e.ctx.get();
        }
        std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
        if (!ctx || EVP_PKEY_verify_init(ctx.get()) != 1 ||
            EVP_PKEY_CTX_set_signature_md(ctx.get(), digestFor(alg)) != 1)
            return nullptr;
        if (isRsaAlg(alg)) {
            const bool pss = info(alg).family == Family::RsaPss;
            if (EVP_PKEY_CTX_set_rsa_padding(ctx.get(), pss ? RSA_PKCS1_PSS_PADDING : RSA_PKCS1_PADDING) != 1 ||
                (pss && (EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx.get(), RSA_PSS_SALTLEN_DIGEST) != 1 ||
                         EVP_PKEY_CTX_set_rsa_mgf1_md(ctx.get(), digestFor(alg)) != 1)))
                return nullptr;
        }
        if (m_entries.size() >= kCapacity)
            m_entries.erase(m_entries.begin());
        m_entries.push_back({key, alg, std::move(ctx)});
        return m_entries.back().ctx.get();
    }

private:
    static constexpr size_t kCapacity = 16;
    struct Entry
    {
        EVP_PKEY *key;
        JwsAlg alg;
        std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx;
    };
    std::vector<Entry> m_entries;
};

// EdDSA signs the message itself (no pre-hash), so it keeps the one-shot digest-verify API.
Status verifyEdDsa(EVP_PKEY *key, QByteArrayView signingInput, QByteArrayView signature)
{
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key) != 1)
        return Status::failure(Tr::tr("the key cannot verify %1").arg(jwsAlgName(JwsAlg::EdDSA)));
    const int rc =
        EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(signature.data()), size_t(signature.size()),
                         reinterpret_cast<const unsigned char *>(signingInput.data()), size_t(signingInput.size()));
    if (rc != 1)
        return Status::failure(Tr::tr("signature does not verify"));
    return {};
}
} // namespace

Status verifySignature(JwsAlg alg, EVP_PKEY *key, QByteArrayView signingInput, QByteArrayView signature)
{
    if (!key || isHmacAlg(alg))
        return Status::failure(Tr::tr("no usable key for %1").arg(jwsAlgName(alg)));
    const AlgInfo &a = info(alg);
    if (a.family == Family::EdDsa)
        return verifyEdDsa(key, signingInput, signature);
    QByteArray der;
    QByteArrayView sig = signature;
    if (a.family == Family::Ec) {
        auto converted = rawEcdsaToDer(signature, a.coordinateSize);
        if (!converted)
            return Status::failure(Tr::tr("%1 signature must be %2 bytes (raw r||s), got %3")
                                       .arg(jwsAlgName(alg))
                                       .arg(2 * a.coordinateSize)
                                       .arg(signature.size()));
        der = std::move(*converted);
        sig = der;
    }
    thread_local VerifyContextCache cache;
    EVP_PKEY_CTX *pctx = cache.get(key, alg);
    if (!pctx)
        return Status::failure(Tr::tr("the key cannot verify %1").arg(jwsAlgName(alg)));
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestLen = 0;
    if (EVP_Digest(signingInput.data(), size_t(signingInput.size()), digest, &digestLen, digestFor(alg), nullptr) != 1)
        return Status::failure(Tr::tr("the key cannot verify %1").arg(jwsAlgName(alg)));
    const int rc = EVP_PKEY_verify(pctx, reinterpret_cast<const unsigned char *>(sig.data()), size_t(sig.size()),
                                   digest, digestLen);
    if (rc != 1)
        return Status::failure(Tr::tr("signature does not verify"));
    return {};
}

Status verifyHmac(JwsAlg alg, QByteArrayView secret, QByteArrayView signingInput, QByteArrayView signature)
{
    if (!isHmacAlg(alg))
        return Status::failure(Tr::tr("%1 is not an HMAC algorithm").arg(jwsAlgName(alg)));
    if (secret.isEmpty())
        return Status::failure(Tr::tr("%1 needs the client secret, and none is configured").arg(jwsAlgName(alg)));
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int macLen = 0;
    if (!HMAC(digestFor(alg), secret.data(), int(secret.size()),
              reinterpret_cast<const unsigned char *>(signingInput.data()), size_t(signingInput.size()), mac, &macLen))
        return Status::failure(Tr::tr("HMAC computation failed"));
    if (size_t(signature.size()) != macLen || CRYPTO_memcmp(mac, signature.data(), macLen) != 0)
        return Status::failure(Tr::tr("signature does not verify"));
    return {};
}

} // namespace signoff::jose
