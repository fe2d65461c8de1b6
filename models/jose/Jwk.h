#pragma once

#include "core/Result.h"

#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <vector>

typedef struct evp_pkey_st EVP_PKEY;

namespace signoff::jose {

// One public signing key from a JWKS, already turned into an OpenSSL key.
struct Jwk
{
    QString kid;
    QString kty;  // RSA, EC, OKP
    QString crv;  // P-256, P-384, P-521, Ed25519, Ed448 (empty for RSA)
    QString alg;  // as published; optional
    int bits = 0; // RSA modulus / EC field size
    std::shared_ptr<EVP_PKEY> key;
    // describe(), worked out once by parseJwk: the validator names the key on every request.
    QString description;

    QString describe() const; // "RSA 2048 kid=abc"
};

struct Jwks
{
    std::vector<Jwk> keys;
    // Keys left out and why (unsupported kty, encryption-only, private material, ...): shown to
    // the administrator, because "key not found" is often "key published but unusable".
    QStringList skipped;
};

// RSA keys must have 2048..16384 bit moduli (RFC 7518 §3.3); EC points are checked to lie on
// their curve. Private members ("d", "p", ...) make a key unusable: publishing them is a leak.
Result<Jwk> parseJwk(const nlohmann::json &object);
Result<Jwks> parseJwks(QByteArrayView json);

} // namespace signoff::jose
