#pragma once

#include "core/Result.h"
#include "logout/LogoutTypes.h"
#include "mockrp/RequestRecord.h"

#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>
#include <utility>

namespace signoff {

// The local history: every run, every delivery and every mock RP request, in SQLite (QtSql, WAL,
// in the application data folder). Writes are batched transactions; a batch is durable against a
// killed process once its save call returned. Exports redact token signatures and hold no secrets.
class HistoryStore
{
public:
    struct RunFilter
    {
        QString runId;
        QString profile; // id or name
        QDateTime since;
        QString clientId;                           // runs with a delivery to this RP
        std::optional<logout::DeliveryState> state; // runs with a delivery in this state
        int limit = 1000;
    };
    struct DeliveryFilter
    {
        QString runId;
        QString clientId;
        QString user;
        std::optional<logout::DeliveryState> state;
        int limit = 100000; // of a listing (<= 0: none); exports hold every matching delivery
    };
    enum class ExportFormat
    {
        Csv,
        Json
    };

    // Opens (creating) the database at path; WAL mode; schema migrated.
    static Result<std::unique_ptr<HistoryStore>> open(const QString &path);
    static QString defaultPath(); // <AppDataLocation>/history.sqlite
    ~HistoryStore();

    Status saveRun(const logout::RunInfo &run);
    // One transaction: the run and the deliveries (inserted or updated by run, session, client).
    Status save(const logout::RunInfo &run, const QList<logout::Delivery> &deliveries);
    Status saveMockRequests(const QString &mockRpName, const QList<mockrp::RequestRecord> &records);
    // Requests of several mock RPs (name, record), in one transaction.
    Status saveMockRequests(const QList<std::pair<QString, mockrp::RequestRecord>> &named);

    Result<QList<logout::RunInfo>> runs(const RunFilter &filter) const;
    Result<QList<logout::Delivery>> deliveries(const DeliveryFilter &filter) const;
    // Newest first, as RequestRecord::toJson() with "mock_rp" added; the token as it was received.
    Result<QList<QJsonObject>> mockRequests(const QString &mockRpName, int limit = 1000) const;
    QString path() const;

    Status exportTo(const QString &file, ExportFormat format, const DeliveryFilter &filter) const;
    // Deletes runs (with their deliveries) and mock RP requests older than the cut; returns how many runs.
    Result<int> purgeOlderThan(const QDateTime &cut);

private:
    HistoryStore();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace signoff
