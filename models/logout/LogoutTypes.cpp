#include "LogoutTypes.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cmath>

namespace signoff::logout {

namespace {

template <typename E, std::size_t N>
std::optional<E> fromId(const std::array<std::pair<E, const char *>, N> &table, QStringView id)
{
    for (const auto &[value, name] : table) {
        if (id == QLatin1String(name))
            return value;
    }
    return std::nullopt;
}

template <typename E, std::size_t N> QLatin1String toId(const std::array<std::pair<E, const char *>, N> &table, E e)
{
    for (const auto &[value, name] : table) {
        if (value == e)
            return QLatin1String(name);
    }
    return QLatin1String();
}

constexpr std::array<std::pair<DeliveryState, const char *>, 6> kStates{{
    {DeliveryState::Pending, "pending"},
    {DeliveryState::Delivered, "delivered"},
    {DeliveryState::Failed, "failed"},
    {DeliveryState::TimedOut, "timed_out"},
    {DeliveryState::Skipped, "skipped"},
    {DeliveryState::Unconfirmed, "unconfirmed"},
}};

constexpr std::array<std::pair<OutcomeSource, const char *>, 5> kSources{{
    {OutcomeSource::Prediction, "prediction"},
    {OutcomeSource::Idp, "idp"},
    {OutcomeSource::MockRp, "mock_rp"},
    {OutcomeSource::Relay, "relay"},
    {OutcomeSource::Signoff, "signoff"},
}};

constexpr std::array<std::pair<RunStatus, const char *>, 5> kRunStatuses{{
    {RunStatus::Planned, "planned"},
    {RunStatus::Running, "running"},
    {RunStatus::Finished, "finished"},
    {RunStatus::Cancelled, "cancelled"},
    {RunStatus::Failed, "failed"},
}};

constexpr std::array<std::pair<LogoutScope::Kind, const char *>, 3> kScopes{{
    {LogoutScope::Kind::Sessions, "sessions"},
    {LogoutScope::Kind::User, "user"},
    {LogoutScope::Kind::RelyingParty, "rp"},
}};

} // namespace

QLatin1String deliveryStateId(DeliveryState state)
{
    return toId(kStates, state);
}
std::optional<DeliveryState> deliveryStateFromId(QStringView id)
{
    return fromId(kStates, id);
}
QLatin1String outcomeSourceId(OutcomeSource source)
{
    return toId(kSources, source);
}
std::optional<OutcomeSource> outcomeSourceFromId(QStringView id)
{
    return fromId(kSources, id);
}
QLatin1String runStatusId(RunStatus status)
{
    return toId(kRunStatuses, status);
}
std::optional<RunStatus> runStatusFromId(QStringView id)
{
    return fromId(kRunStatuses, id);
}
QLatin1String LogoutScope::kindId(Kind kind)
{
    return toId(kScopes, kind);
}

QString deliveryStateLabel(DeliveryState state)
{
    switch (state) {
    case DeliveryState::Pending:
        return QCoreApplication::translate("DeliveryState", "Pending");
    case DeliveryState::Delivered:
        return QCoreApplication::translate("DeliveryState", "Delivered");
    case DeliveryState::Failed:
        return QCoreApplication::translate("DeliveryState", "Failed");
    case DeliveryState::TimedOut:
        return QCoreApplication::translate("DeliveryState", "Timed out");
    case DeliveryState::Skipped:
        return QCoreApplication::translate("DeliveryState", "Skipped");
    case DeliveryState::Unconfirmed:
        return QCoreApplication::translate("DeliveryState", "Sent, unconfirmed");
    }
    return {};
}

bool isFinal(DeliveryState state)
{
    return state != DeliveryState::Pending;
}

bool isConfirmedOk(DeliveryState state)
{
    return state == DeliveryState::Delivered || state == DeliveryState::Skipped;
}

QString LogoutScope::describe() const
{
    switch (kind) {
    case Kind::Sessions:
        return QCoreApplication::translate("LogoutScope", "%n session(s)", nullptr, int(sessionIds.size()));
    case Kind::User:
        return QCoreApplication::translate("LogoutScope", "every session of user %1").arg(user);
    case Kind::RelyingParty:
        return QCoreApplication::translate("LogoutScope", "every session of relying party %1").arg(clientId);
    }
    return {};
}

int &StateCounts::of(DeliveryState state)
{
    switch (state) {
    case DeliveryState::Pending:
        return pending;
    case DeliveryState::Delivered:
        return delivered;
    case DeliveryState::Failed:
        return failed;
    case DeliveryState::TimedOut:
        return timedOut;
    case DeliveryState::Skipped:
        return skipped;
    case DeliveryState::Unconfirmed:
        return unconfirmed;
    }
    return pending;
}

int StateCounts::of(DeliveryState state) const
{
    return const_cast<StateCounts *>(this)->of(state);
}

QJsonObject StateCounts::toJson() const
{
    return {{QStringLiteral("expected"), total()},       {QStringLiteral("pending"), pending},
            {QStringLiteral("delivered"), delivered},    {QStringLiteral("failed"), failed},
            {QStringLiteral("timed_out"), timedOut},     {QStringLiteral("skipped"), skipped},
            {QStringLiteral("unconfirmed"), unconfirmed}};
}

std::optional<double> percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(values.size())));
    return values.at(std::clamp<qsizetype>(rank - 1, 0, values.size() - 1));
}

} // namespace signoff::logout
