#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace signoff::jose {

// base64url without padding (RFC 7515 §2). Decoding is strict: any character outside the
// URL-safe alphabet, padding, or an impossible length is refused rather than skipped, so two
// parsers can never disagree about what a token says.
QByteArray base64UrlEncode(QByteArrayView data);
std::optional<QByteArray> base64UrlDecode(QByteArrayView text);

} // namespace signoff::jose
