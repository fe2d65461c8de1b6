#include "Base64Url.h"

#include <array>

namespace signoff::jose {

namespace {
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

constexpr std::array<qint8, 256> makeDecodeTable()
{
    std::array<qint8, 256> t{};
    for (auto &v : t)
        v = -1;
    for (int i = 0; i < 64; ++i)
        t[static_cast<unsigned char>(kAlphabet[i])] = qint8(i);
    return t;
}
constexpr std::array<qint8, 256> kDecode = makeDecodeTable();
} // namespace

QByteArray base64UrlEncode(QByteArrayView data)
{
    return data.toByteArray().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// Strict and single-pass (it runs on every token the mock RP receives): the url-safe alphabet
// only, no padding, no whitespace, and canonical: the unused low bits of the last character
// must be zero, so one token cannot have several spellings.
std::optional<QByteArray> base64UrlDecode(QByteArrayView text)
{
    const qsizetype n = text.size();
    if (n % 4 == 1)
        return std::nullopt;
    QByteArray out(n / 4 * 3 + (n % 4 == 0 ? 0 : n % 4 - 1), Qt::Uninitialized);
    const auto *in = reinterpret_cast<const unsigned char *>(text.data());
    char *o = out.data();
    quint32 acc = 0;
    int bits = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const qint8 v = kDecode[in[i]];
        if (v < 0)
            return std::nullopt;
        acc = (acc << 6) | quint32(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            *o++ = char((acc >> bits) & 0xff);
        }
    }
    if (bits > 0 && (acc & ((1u << bits) - 1)) != 0)
        return std::nullopt;
    return out;
}

} // namespace signoff::jose
