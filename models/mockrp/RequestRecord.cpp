#include "RequestRecord.h"

#include <QJsonArray>

namespace signoff::mockrp {

QJsonObject RequestRecord::toJson() const
{
    QJsonObject headerObj;
    for (const auto &h : headers)
        headerObj.insert(QString::fromLatin1(h.first), QString::fromLatin1(h.second));
    QJsonObject o{{QStringLiteral("id"), double(id)},
                  {QStringLiteral("time"), receivedAt.toString(Qt::ISODateWithMs)},
                  {QStringLiteral("peer"), peer},
                  {QStringLiteral("endpoint"), endpoint},
                  {QStringLiteral("method"), QString::fromLatin1(method)},
                  {QStringLiteral("target"), QString::fromLatin1(target)},
                  {QStringLiteral("headers"), headerObj},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("verdict_status"), verdictStatus},
                  {QStringLiteral("dropped"), dropped},
                  {QStringLiteral("behaviour"), behaviour},
                  {QStringLiteral("latency_ms"), double(latencyMs)},
                  {QStringLiteral("valid"), valid()}};
    if (!requestError.isEmpty())
        o.insert(QStringLiteral("error"), requestError);
    else if (tokenSeen && !report.valid)
        o.insert(QStringLiteral("error"), report.errorDescription());
    if (tokenSeen) {
        // Latin-1: byte for byte, whatever was sent (a compact JWS is ASCII).
        o.insert(QStringLiteral("logout_token"), QString::fromLatin1(logoutToken));
        const QJsonObject r = report.toJson();
        o.insert(QStringLiteral("verdicts"), r.value(QStringLiteral("verdicts")));
        o.insert(QStringLiteral("token_header"), r.value(QStringLiteral("header")));
        o.insert(QStringLiteral("claims"), r.value(QStringLiteral("claims")));
        if (!report.keyUsed.isEmpty())
            o.insert(QStringLiteral("key"), report.keyUsed);
    }
    if (relay) {
        QJsonObject r{{QStringLiteral("url"), relay->url.toString()},
                      {QStringLiteral("status"), relay->status},
                      {QStringLiteral("latency_ms"), double(relay->latencyMs)}};
        if (!relay->error.isEmpty())
            r.insert(QStringLiteral("error"), relay->error);
        o.insert(QStringLiteral("relay"), r);
    }
    return o;
}

} // namespace signoff::mockrp
