#include "FormBody.h"

#include <QCoreApplication>

namespace signoff::mockrp {

namespace {
int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}
} // namespace

std::optional<QByteArray> formDecode(QByteArrayView text)
{
    // Written through a raw pointer into a buffer of the input's size (decoding only shrinks):
    // a logout token is ~1 KB and arrives on every request.
    QByteArray out(text.size(), Qt::Uninitialized);
    char *o = out.data();
    const char *in = text.data();
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = in[i];
        if (c == '+') {
            *o++ = ' ';
        } else if (c == '%') {
            if (i + 2 >= n)
                return std::nullopt;
            const int hi = hexValue(in[i + 1]);
            const int lo = hexValue(in[i + 2]);
            if (hi < 0 || lo < 0)
                return std::nullopt;
            *o++ = char(hi * 16 + lo);
            i += 2;
        } else {
            *o++ = c;
        }
    }
    out.truncate(o - out.constData());
    return out;
}

Result<FormFields> parseFormBody(QByteArrayView body)
{
    FormFields fields;
    qsizetype start = 0;
    while (start <= body.size()) {
        qsizetype end = body.indexOf('&', start);
        if (end < 0)
            end = body.size();
        const QByteArrayView part = body.sliced(start, end - start);
        start = end + 1;
        if (part.isEmpty())
            continue;
        if (fields.size() >= 1000)
            return Result<FormFields>::failure(
                QCoreApplication::translate("signoff::mockrp::FormBody", "more than 1000 form fields"));
        const qsizetype eq = part.indexOf('=');
        const auto name = formDecode(eq < 0 ? part : part.first(eq));
        const auto value = formDecode(eq < 0 ? QByteArrayView() : part.sliced(eq + 1));
        if (!name || !value)
            return Result<FormFields>::failure(
                QCoreApplication::translate("signoff::mockrp::FormBody", "malformed %-escape in the form body"));
        fields.append({*name, *value});
    }
    return fields;
}

bool isFormContentType(QByteArrayView contentType)
{
    const qsizetype semi = contentType.indexOf(';');
    const QByteArrayView media = (semi < 0 ? contentType : contentType.first(semi)).trimmed();
    return media.compare("application/x-www-form-urlencoded", Qt::CaseInsensitive) == 0;
}

} // namespace signoff::mockrp
