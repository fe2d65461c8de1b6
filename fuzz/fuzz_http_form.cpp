// libFuzzer target: bytes from a socket through the HTTP/1.1 parser (fed in pieces whose sizes
// come from the input), the form-body parser and the endpoint's request handling.
#include "mockrp/FormBody.h"
#include "mockrp/HttpRequestParser.h"
#include "mockrp/MockRpEndpoint.h"

#include <QCoreApplication>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace signoff::mockrp;
    if (size == 0)
        return 0;
    static int argc = 1;
    static char name[] = "fuzz_http_form";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    static signoff::ManualClock clock(QDateTime::fromSecsSinceEpoch(1700000030, Qt::UTC));
    static MockRpEndpoint endpoint(
        [] {
            MockRpEndpointConfig c;
            c.validator.issuer = QStringLiteral("https://op.fuzz");
            c.validator.clientId = QStringLiteral("rp");
            c.recordCapacity = 8;
            return c;
        }(),
        nullptr, nullptr, &clock);

    const QByteArrayView input(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    // The form parser on the raw bytes.
    if (const auto form = parseFormBody(input); form) {
        for (const auto &f : *form)
            (void)f.first.size();
    }
    (void)isFormContentType(input);

    // The HTTP parser, fed in chunks of (first byte % 64 + 1) bytes.
    const qsizetype chunk = data[0] % 64 + 1;
    HttpRequestParser::Limits limits;
    limits.maxBodyBytes = 4096;
    limits.maxHeaderBytes = 2048;
    HttpRequestParser parser(limits);
    int requests = 0;
    for (qsizetype pos = 0; pos < input.size() && requests < 16; pos += chunk) {
        auto state = parser.feed(input.sliced(pos, qMin(chunk, input.size() - pos)));
        (void)parser.takeContinueRequest();
        while (state == HttpRequestParser::State::Complete && requests < 16) {
            HttpRequest request = parser.takeRequest();
            ++requests;
            const auto processed = endpoint.process(request);
            if (processed.response.status < 200 || processed.response.status > 599)
                __builtin_trap();
            (void)processed.response.serialize(request.keepAlive());
            (void)processed.record.toJson();
            state = parser.parse();
        }
        if (state == HttpRequestParser::State::Error) {
            const int s = parser.errorStatus();
            if (s != 400 && s != 413 && s != 431 && s != 501)
                __builtin_trap();
            break;
        }
    }
    return 0;
}
