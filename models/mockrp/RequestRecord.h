#pragma once

#include "HttpMessage.h"
#include "jose/LogoutTokenValidator.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QUrl>

#include <optional>

namespace signoff::mockrp {

struct RelayOutcome
{
    QUrl url;
    int status = 0; // 0: no HTTP answer
    qint64 latencyMs = 0;
    QString error;
};

// What the mock RP saw and did for one request: read by the views and by `--json`.
// The whole compact token is kept as received, so an administrator can replay exactly what the
// IdP sent (the body it came in is capped, so this is bounded too).
struct RequestRecord
{
    quint64 id = 0;
    QDateTime receivedAt;
    QString peer;
    QString endpoint; // the endpoint's path
    QByteArray method;
    QByteArray target;
    HttpHeaders headers;  // of interest only: content-type, content-length, user-agent, host
    QString requestError; // HTTP-level refusal (method, media type, form, token field)
    bool tokenSeen = false;
    QByteArray logoutToken; // as received, when tokenSeen
    jose::ValidationReport report;
    int verdictStatus = 0; // what the rules alone ask for (200 / 400 / 405 / 413 / 415)
    int status = 0;        // what was answered (0 when dropped)
    bool dropped = false;
    QString behaviour;
    qint64 latencyMs = 0;
    std::optional<RelayOutcome> relay;

    bool valid() const { return tokenSeen && report.valid; }
    QJsonObject toJson() const;
};

} // namespace signoff::mockrp

Q_DECLARE_METATYPE(signoff::mockrp::RequestRecord)
