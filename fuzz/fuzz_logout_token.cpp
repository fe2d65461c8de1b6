// libFuzzer target: a logout token (or a JWKS) from untrusted bytes through decoding, key
// parsing and every validation rule. Keys are fixed public keys (npm jose); the seed corpus
// holds tokens they signed, so the fuzzer also explores past the signature step.
#include "core/Clock.h"
#include "jose/Jwk.h"
#include "jose/Jws.h"
#include "jose/LogoutTokenValidator.h"

#include <QByteArray>

#include <cstdint>

namespace {
const char kJwks[] =
    R"json({"keys":[{"kty":"RSA","n":"0ArNznU9U853Ji4Kgbj1cO1-OkqVcGrR5_jfBU9t_WtZUI2Kz8zVGZSvBvGm8hOPnyR0IOv3MRrIHeyQ6db6UkZFT8LP683zWniIA7SFVStZjM4TyTimH3gSoGDeBlboYNLxQ48L7SHcYOIZuYHc0QE26wYB3fZffWltOmIR4h36OZndZfQxxkgHFxpQ6SjhncRUaPegZeyPw6Ph6ZOR75esWA1AspSoaNuIdCy_H2_TQ588kDrgEbDVZGbWaXgTfwNArBljL8kcqHhJBk11JYdfa79l1TRT3FJajX7tecwLuYfQOWJHh1VZFc7buHs4xJyoWPV923QrfigNVZmjVQ","e":"AQAB","kid":"r1","use":"sig","alg":"RS256"},{"kty":"EC","x":"7oJkY4T7QkXrbQsDPXIUFwsF-21iDH8QsW3Z-hfgUDk","y":"3eBqG76BhMRc-mYF4et0V5Flx0SlsVNwxrOsZDDkLLs","crv":"P-256","kid":"e1","use":"sig","alg":"ES256"},{"crv":"Ed25519","x":"Wph2cHBGpqNYzrNqKfFt-afkUD61CoPBAumNMf9AvVI","kty":"OKP","kid":"d1","use":"sig","alg":"EdDSA"}]})json";

signoff::jose::Jwks &keys()
{
    static signoff::jose::Jwks set = [] {
        auto r = signoff::jose::parseJwks(QByteArrayView(kJwks));
        return r ? std::move(r).value() : signoff::jose::Jwks();
    }();
    return set;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace signoff::jose;
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    static signoff::ManualClock clock(QDateTime::fromSecsSinceEpoch(1700000030, Qt::UTC));
    ValidatorConfig config;
    config.issuer = QStringLiteral("https://op.fuzz");
    config.clientId = QStringLiteral("rp");
    config.algorithms = {JwsAlg::RS256, JwsAlg::ES256, JwsAlg::EdDSA, JwsAlg::HS256};
    config.clientSecret = "fuzz-client-secret";
    config.replayCacheCapacity = 64;
    static LogoutTokenValidator validator(config, &clock);
    const ValidationReport report = validator.validate(input, &keys());
    // Reports are always complete and self-consistent.
    if (report.verdicts.size() != LogoutTokenValidator::rules().size())
        __builtin_trap();
    if (report.valid != report.failures().isEmpty())
        __builtin_trap();
    (void)report.toJson();
    (void)report.errorDescription();
    // The same bytes as a JWKS document.
    if (size < 8192)
        (void)parseJwks(input);
    return 0;
}
