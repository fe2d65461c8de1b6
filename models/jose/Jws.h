#pragma once

#include "Jwk.h"
#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace signoff::jose {

enum class JwsAlg
{
    RS256,
    RS384,
    RS512,
    PS256,
    PS384,
    PS512,
    ES256,
    ES384,
    ES512,
    EdDSA,
    HS256,
    HS384,
    HS512
};
inline constexpr size_t kJwsAlgCount = size_t(JwsAlg::HS512) + 1;

// Exact, case-sensitive names (RFC 7518): "rs256" is not RS256, and no spelling of "none" maps.
std::optional<JwsAlg> jwsAlgFromName(QStringView name);
QString jwsAlgName(JwsAlg alg);
QList<JwsAlg> allJwsAlgs();
bool isHmacAlg(JwsAlg alg);
// True for "none" in any case or with surrounding blanks: always refused, said so explicitly.
bool isNoneAlgName(QStringView name);
// Whether a published key may verify this algorithm (type, curve, declared "alg").
bool keyFitsAlg(const Jwk &key, JwsAlg alg);

// A compact serialisation split into its parts. Each part is decoded independently so that a
// broken header still lets the claims be shown (and the other way round).
struct DecodedJws
{
    int partCount = 0;
    QString structureError; // empty when there are exactly three parts
    std::optional<nlohmann::json> header;
    QString headerError;
    std::optional<nlohmann::json> payload;
    QString payloadError;
    QByteArray signingInput; // ASCII "header.payload", what the signature covers
    QByteArray signature;
    QString signatureError;

    bool complete() const { return structureError.isEmpty() && header && payload && signatureError.isEmpty(); }
    QString firstError() const;
};

DecodedJws decodeCompactJws(QByteArrayView token);

// Signature checks. ECDSA signatures arrive as raw r||s and are converted to DER for OpenSSL;
// HMAC compares in constant time.
Status verifySignature(JwsAlg alg, EVP_PKEY *key, QByteArrayView signingInput, QByteArrayView signature);
Status verifyHmac(JwsAlg alg, QByteArrayView secret, QByteArrayView signingInput, QByteArrayView signature);

} // namespace signoff::jose
