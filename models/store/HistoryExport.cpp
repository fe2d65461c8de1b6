#include "HistoryExport.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace signoff {

namespace {
QString isoOrEmpty(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString redactedMarker()
{
    return QStringLiteral("<redacted>");
}

// The validation report carries the token's header and claims, never the token itself; a
// "token" member some future source might add is redacted all the same.
QJsonObject redactedValidation(QJsonObject validation)
{
    for (const auto &key : {QStringLiteral("logout_token"), QStringLiteral("token")}) {
        if (validation.contains(key))
            validation.insert(key, HistoryExport::redactToken(validation.value(key).toString().toLatin1()));
    }
    return validation;
}
} // namespace

QString HistoryExport::redactToken(const QByteArray &token)
{
    if (token.isEmpty())
        return {};
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
        return redactedMarker();
    return QString::fromLatin1(parts.at(0) + '.' + parts.at(1) + '.') + redactedMarker();
}

QString HistoryExport::csvField(const QString &value)
{
    QString v = value;
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
    if (!v.isEmpty() && formulaStarts.contains(v.front()))
        v.prepend(QLatin1Char('\''));
    const bool quote = v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n')) ||
                       v.contains(QLatin1Char('\r'));
    if (!quote)
        return v;
    v.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + v + QLatin1Char('"');
}

QStringList HistoryExport::csvColumns()
{
    return {QStringLiteral("run"),         QStringLiteral("session"),      QStringLiteral("user"),
            QStringLiteral("user_name"),   QStringLiteral("client_id"),    QStringLiteral("sid"),
            QStringLiteral("state"),       QStringLiteral("source"),       QStringLiteral("sources"),
            QStringLiteral("http_status"), QStringLiteral("latency_ms"),   QStringLiteral("error"),
            QStringLiteral("token_jti"),   QStringLiteral("logout_token"), QStringLiteral("updated_at")};
}

namespace {
QByteArray csvRecord(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &f : fields)
        quoted << HistoryExport::csvField(f);
    return (quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n")).toUtf8();
}
} // namespace

QByteArray HistoryExport::csvHeader()
{
    return csvRecord(csvColumns());
}

QByteArray HistoryExport::csvLine(const logout::Delivery &d)
{
    return csvRecord({d.runId, d.sessionId, d.userId, d.userName, d.clientId, d.sid, logout::deliveryStateId(d.state),
                      logout::outcomeSourceId(d.source), d.sources.join(QLatin1Char(' ')),
                      d.httpStatus ? QString::number(*d.httpStatus) : QString(),
                      d.latencyMs ? QString::number(*d.latencyMs, 'f', 1) : QString(), d.error, d.tokenJti,
                      redactToken(d.logoutToken), isoOrEmpty(d.updatedAt)});
}

QJsonObject HistoryExport::json(const logout::RunInfo &run)
{
    return {{QStringLiteral("id"), run.id},
            {QStringLiteral("profile_id"), run.profileId},
            {QStringLiteral("profile"), run.profileName},
            {QStringLiteral("idp_kind"), run.idpKind},
            {QStringLiteral("scope"), logout::LogoutScope::kindId(run.scope.kind)},
            {QStringLiteral("scope_text"), run.scope.describe()},
            {QStringLiteral("status"), logout::runStatusId(run.status)},
            {QStringLiteral("error"), run.error},
            {QStringLiteral("started_at"), isoOrEmpty(run.startedAt)},
            {QStringLiteral("finished_at"), isoOrEmpty(run.finishedAt)},
            {QStringLiteral("sessions"), run.sessions},
            {QStringLiteral("users"), run.users},
            {QStringLiteral("concurrency"), run.concurrency},
            {QStringLiteral("counts"), run.counts.toJson()},
            {QStringLiteral("idp_run_ids"), QJsonArray::fromStringList(run.idpRunIds)}};
}

QJsonObject HistoryExport::json(const logout::Delivery &d)
{
    QJsonObject o{{QStringLiteral("run"), d.runId},
                  {QStringLiteral("session"), d.sessionId},
                  {QStringLiteral("user"), d.userId}, // as signoffctl logout and sessions print them
                  {QStringLiteral("user_name"), d.userName},
                  {QStringLiteral("client_id"), d.clientId},
                  {QStringLiteral("sid"), d.sid},
                  {QStringLiteral("state"), logout::deliveryStateId(d.state)},
                  {QStringLiteral("source"), logout::outcomeSourceId(d.source)},
                  {QStringLiteral("sources"), QJsonArray::fromStringList(d.sources)},
                  {QStringLiteral("http_status"), d.httpStatus ? QJsonValue(*d.httpStatus) : QJsonValue()},
                  {QStringLiteral("latency_ms"), d.latencyMs ? QJsonValue(*d.latencyMs) : QJsonValue()},
                  {QStringLiteral("error"), d.error},
                  {QStringLiteral("token_jti"), d.tokenJti},
                  {QStringLiteral("updated_at"), isoOrEmpty(d.updatedAt)}};
    if (!d.logoutToken.isEmpty())
        o.insert(QStringLiteral("logout_token"), redactToken(d.logoutToken));
    if (!d.validation.isEmpty())
        o.insert(QStringLiteral("validation"), redactedValidation(d.validation));
    return o;
}

} // namespace signoff
