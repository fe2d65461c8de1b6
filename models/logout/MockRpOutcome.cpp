#include "MockRpOutcome.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace signoff::logout {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MockRpOutcome)
};

bool is2xx(int status)
{
    return status >= 200 && status < 300;
}

// With several audiences the token names its RP in azp (BCL §2.4 via ID token rules).
QString clientIdOf(const QJsonObject &claims)
{
    const QJsonValue aud = claims.value(QLatin1String("aud"));
    if (aud.isString())
        return aud.toString();
    const QString azp = claims.value(QLatin1String("azp")).toString();
    if (!azp.isEmpty())
        return azp;
    const QJsonArray list = aud.toArray();
    return list.isEmpty() ? QString() : list.first().toString();
}

void fillFromMockRp(OutcomeReport &report, const mockrp::RequestRecord &record)
{
    report.source = OutcomeSource::MockRp;
    report.latencyMs = double(record.latencyMs);
    if (record.dropped) {
        report.state = DeliveryState::Failed;
        report.error = Tr::tr("dropped by the mock RP's behaviour");
        return;
    }
    report.httpStatus = record.status;
    if (is2xx(record.status)) {
        report.state = DeliveryState::Delivered;
        return;
    }
    report.state = DeliveryState::Failed;
    const QString why = !record.requestError.isEmpty() ? record.requestError : record.report.errorDescription();
    report.error = why.isEmpty() ? Tr::tr("the mock RP answered %1").arg(record.status)
                                 : Tr::tr("the mock RP answered %1: %2").arg(record.status).arg(why);
}

void fillFromRelay(OutcomeReport &report, const mockrp::RelayOutcome &relay)
{
    report.source = OutcomeSource::Relay;
    report.latencyMs = double(relay.latencyMs);
    if (relay.status > 0)
        report.httpStatus = relay.status;
    if (is2xx(relay.status)) {
        report.state = DeliveryState::Delivered;
        return;
    }
    report.state = DeliveryState::Failed;
    if (relay.status > 0)
        report.error = relay.error.isEmpty() ? Tr::tr("the RP answered %1").arg(relay.status)
                                             : Tr::tr("the RP answered %1: %2").arg(relay.status).arg(relay.error);
    else
        report.error = relay.error.isEmpty() ? Tr::tr("the relay got no answer from the RP") : relay.error;
}
} // namespace

OutcomeReport mockRpOutcome(const mockrp::RequestRecord &record)
{
    OutcomeReport report;
    report.time = record.receivedAt;
    if (record.tokenSeen) {
        const QJsonObject claims = record.report.claims();
        report.tokenJti = claims.value(QLatin1String("jti")).toString();
        report.sid = claims.value(QLatin1String("sid")).toString();
        report.sub = claims.value(QLatin1String("sub")).toString();
        report.clientId = clientIdOf(claims);
        report.logoutToken = record.logoutToken;
        report.validation = record.report.toJson();
    }
    if (record.relay)
        fillFromRelay(report, *record.relay);
    else
        fillFromMockRp(report, record);
    return report;
}

} // namespace signoff::logout
