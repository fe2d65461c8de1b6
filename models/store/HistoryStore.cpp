#include "HistoryStore.h"

#include "HistoryExportWriter.h"
#include "HistorySchema.h"
#include "core/Logging.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTimeZone>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace signoff {

using logout::Delivery;
using logout::DeliveryState;
using logout::RunInfo;

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(signoff::HistoryStore)
};

QAtomicInteger<quint64> g_connectionCounter;

QVariant msecs(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant();
}

QDateTime fromMsecs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), QTimeZone::utc());
}

QString jsonText(const QJsonArray &a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QString jsonText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QStringList stringList(const QVariant &jsonArrayText)
{
    QStringList out;
    for (const auto &v : QJsonDocument::fromJson(jsonArrayText.toString().toUtf8()).array())
        out << v.toString();
    return out;
}

// QSQLITE binds a null QString as NULL: text columns hold '' for "none", NULL only for numbers.
void bindAll(QSqlQuery &q, const QVariantList &values, int first = 0)
{
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &v = values.at(i);
        const bool nullText = v.typeId() == QMetaType::QString && v.toString().isNull();
        q.bindValue(first + i, nullText ? QVariant(QString(QLatin1String(""))) : v);
    }
}

Status failure(const QString &what, const QSqlError &error)
{
    return Status::failure(Tr::tr("History database: %1: %2").arg(what, error.text()));
}

Status failure(const QString &what, const QSqlQuery &query)
{
    return failure(what, query.lastError());
}

// The columns the page and the exports read, in the order rowToRun()/rowToDelivery() expect.
constexpr auto kRunColumns = "id, profile_id, profile_name, idp_kind, scope_kind, scope_user, scope_client, "
                             "scope_sessions, status, error, started_at, finished_at, sessions, users, concurrency, "
                             "n_pending, n_delivered, n_failed, n_timed_out, n_skipped, n_unconfirmed, idp_run_ids";
constexpr auto kDeliveryColumns = "run_id, session_id, user_id, user_name, client_id, sid, state, source, "
                                  "http_status, latency_ms, error, token_jti, logout_token, validation, sources, "
                                  "updated_at";

RunInfo rowToRun(const QSqlQuery &q)
{
    RunInfo r;
    r.id = q.value(0).toString();
    r.profileId = q.value(1).toString();
    r.profileName = q.value(2).toString();
    r.idpKind = q.value(3).toString();
    const QString kind = q.value(4).toString();
    for (auto k : {logout::LogoutScope::Kind::Sessions, logout::LogoutScope::Kind::User,
                   logout::LogoutScope::Kind::RelyingParty}) {
        if (kind == logout::LogoutScope::kindId(k))
            r.scope.kind = k;
    }
    r.scope.user = q.value(5).toString();
    r.scope.clientId = q.value(6).toString();
    r.scope.sessionIds = stringList(q.value(7));
    r.status = logout::runStatusFromId(q.value(8).toString()).value_or(logout::RunStatus::Failed);
    r.error = q.value(9).toString();
    r.startedAt = fromMsecs(q.value(10));
    r.finishedAt = fromMsecs(q.value(11));
    r.sessions = q.value(12).toInt();
    r.users = q.value(13).toInt();
    r.concurrency = q.value(14).toInt();
    r.counts.pending = q.value(15).toInt();
    r.counts.delivered = q.value(16).toInt();
    r.counts.failed = q.value(17).toInt();
    r.counts.timedOut = q.value(18).toInt();
    r.counts.skipped = q.value(19).toInt();
    r.counts.unconfirmed = q.value(20).toInt();
    r.idpRunIds = stringList(q.value(21));
    return r;
}

Delivery rowToDelivery(const QSqlQuery &q)
{
    Delivery d;
    d.runId = q.value(0).toString();
    d.sessionId = q.value(1).toString();
    d.userId = q.value(2).toString();
    d.userName = q.value(3).toString();
    d.clientId = q.value(4).toString();
    d.sid = q.value(5).toString();
    d.state = logout::deliveryStateFromId(q.value(6).toString()).value_or(DeliveryState::Pending);
    d.source = logout::outcomeSourceFromId(q.value(7).toString()).value_or(logout::OutcomeSource::Signoff);
    if (!q.value(8).isNull())
        d.httpStatus = q.value(8).toInt();
    if (!q.value(9).isNull())
        d.latencyMs = q.value(9).toDouble();
    d.error = q.value(10).toString();
    d.tokenJti = q.value(11).toString();
    d.logoutToken = q.value(12).toByteArray();
    if (const QString validation = q.value(13).toString(); !validation.isEmpty())
        d.validation = QJsonDocument::fromJson(validation.toUtf8()).object();
    d.sources = q.value(14).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    d.updatedAt = fromMsecs(q.value(15));
    return d;
}
} // namespace

struct HistoryStore::Impl
{
    QString connection;
    QString path;
    // Prepared once: every save reuses them.
    std::optional<QSqlQuery> updateRun;
    std::optional<QSqlQuery> insertRun;
    std::optional<QSqlQuery> upsertDelivery;
    std::optional<QSqlQuery> insertMockRequest;

    QSqlDatabase db() const { return QSqlDatabase::database(connection, false); }
    Status open(const QString &file);
    static Status makePrivate(const QString &file);
    Status prepare();
    Status writeRun(const RunInfo &run);
    Status writeDelivery(const QString &runId, const Delivery &d);
    Status writeMockRequest(const QString &name, const mockrp::RequestRecord &r);
    // Reads matching deliveries in order, handing each to take; limit <= 0: all of them.
    Status forEachDelivery(const DeliveryFilter &filter, int limit,
                           const std::function<Status(const Delivery &)> &take) const;
    // Runs body inside one transaction; rolls back when it fails.
    Status transaction(const std::function<Status()> &body);
};

HistoryStore::HistoryStore()
    : d(std::make_unique<Impl>())
{
    d->connection = QStringLiteral("signoff-history-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
}

HistoryStore::~HistoryStore()
{
    // Every query must be gone before the connection is removed, or Qt keeps it alive and warns.
    d->updateRun.reset();
    d->insertRun.reset();
    d->upsertDelivery.reset();
    d->insertMockRequest.reset();
    {
        QSqlDatabase db = d->db();
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(d->connection);
}

QString HistoryStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/history.sqlite");
}

QString HistoryStore::path() const
{
    return d->path;
}

Result<std::unique_ptr<HistoryStore>> HistoryStore::open(const QString &path)
{
    std::unique_ptr<HistoryStore> store(new HistoryStore);
    if (Status s = store->d->open(path); !s)
        return s.error();
    return store;
}

// The history holds logout tokens as received (signatures included) and who was logged out: it
// is the user's alone, created 0600 (no window with the umask's mode) and tightened if an older
// file was readable by others. SQLite gives its -wal and -shm files the database file's mode.
Status HistoryStore::Impl::makePrivate(const QString &file)
{
    const QByteArray name = QFile::encodeName(file);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return Status::failure(Tr::tr("Cannot create the history database %1: %2")
                                   .arg(file, QString::fromLocal8Bit(std::strerror(errno))));
    const bool tightened = ::fchmod(fd, 0600) == 0;
    ::close(fd);
    if (!tightened)
        return Status::failure(Tr::tr("Cannot make the history database %1 private: %2")
                                   .arg(file, QString::fromLocal8Bit(std::strerror(errno))));
    for (const char *suffix : {"-wal", "-shm"}) {
        const QByteArray side = name + suffix;
        if (::access(side.constData(), F_OK) == 0)
            ::chmod(side.constData(), 0600);
    }
    return {};
}

Status HistoryStore::Impl::open(const QString &file)
{
    path = file;
    const QFileInfo info(file);
    if (!QDir().mkpath(info.absolutePath()))
        return Status::failure(Tr::tr("Cannot create the folder for the history database %1").arg(file));
    if (info.exists() && !info.isFile())
        return Status::failure(Tr::tr("The history database %1 is not a file").arg(file));
    if (Status s = makePrivate(file); !s)
        return s;
    QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
    if (!database.isValid())
        return Status::failure(Tr::tr("The SQLite driver for Qt (QSQLITE) is not installed"));
    database.setDatabaseName(file);
    // The console and signoffctl may write the same file at once: wait for the other's lock.
    database.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!database.open())
        return Status::failure(
            Tr::tr("Cannot open the history database %1: %2").arg(file, database.lastError().text()));
    if (Status s = HistorySchema::configure(database); !s)
        return Status::failure(Tr::tr("Cannot use the history database %1: %2").arg(file, s.errorString()));
    if (Status s = HistorySchema::migrate(database); !s)
        return Status::failure(Tr::tr("Cannot use the history database %1: %2").arg(file, s.errorString()));
    return prepare();
}

Status HistoryStore::Impl::prepare()
{
    const QSqlDatabase database = db();
    const auto make = [&database](std::optional<QSqlQuery> &slot, const char *sql) {
        slot.emplace(database);
        return slot->prepare(QString::fromLatin1(sql)) ? Status() : failure(QString::fromLatin1(sql), *slot);
    };
    // The scope is written once (its session list can be long); a save updates only what changes.
    if (Status s = make(updateRun, "UPDATE runs SET status=?, error=?, started_at=?, finished_at=?, sessions=?, "
                                   "users=?, concurrency=?, n_pending=?, n_delivered=?, n_failed=?, n_timed_out=?, "
                                   "n_skipped=?, n_unconfirmed=?, idp_run_ids=? WHERE id=?");
        !s)
        return s;
    if (Status s = make(insertRun, "INSERT INTO runs (status, error, started_at, finished_at, sessions, users, "
                                   "concurrency, n_pending, n_delivered, n_failed, n_timed_out, n_skipped, "
                                   "n_unconfirmed, idp_run_ids, id, profile_id, profile_name, idp_kind, scope_kind, "
                                   "scope_user, scope_client, scope_sessions) "
                                   "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        !s)
        return s;
    if (Status s = make(upsertDelivery,
                        "INSERT INTO deliveries (run_id, session_id, client_id, user_id, user_name, sid, state, "
                        "source, http_status, latency_ms, error, token_jti, logout_token, validation, sources, "
                        "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                        "ON CONFLICT (run_id, session_id, client_id) DO UPDATE SET user_id=excluded.user_id, "
                        "user_name=excluded.user_name, sid=excluded.sid, state=excluded.state, "
                        "source=excluded.source, http_status=excluded.http_status, "
                        "latency_ms=excluded.latency_ms, error=excluded.error, token_jti=excluded.token_jti, "
                        "logout_token=excluded.logout_token, validation=excluded.validation, "
                        "sources=excluded.sources, updated_at=excluded.updated_at");
        !s)
        return s;
    return make(insertMockRequest,
                "INSERT INTO mock_requests (mock_rp, record_id, received_at, peer, endpoint, status, "
                "verdict_status, valid, dropped, logout_token, record) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
}

Status HistoryStore::Impl::transaction(const std::function<Status()> &body)
{
    QSqlDatabase database = db();
    if (!database.transaction())
        return failure(Tr::tr("cannot start a transaction"), database.lastError());
    Status s = body();
    if (s && !database.commit())
        s = failure(Tr::tr("cannot commit"), database.lastError());
    if (!s)
        database.rollback();
    return s;
}

Status HistoryStore::Impl::writeRun(const RunInfo &run)
{
    if (run.id.isEmpty())
        return Status::failure(Tr::tr("History database: a run without an id cannot be saved"));
    const QVariantList mutableValues{QString(logout::runStatusId(run.status)),
                                     run.error,
                                     msecs(run.startedAt),
                                     msecs(run.finishedAt),
                                     run.sessions,
                                     run.users,
                                     run.concurrency,
                                     run.counts.pending,
                                     run.counts.delivered,
                                     run.counts.failed,
                                     run.counts.timedOut,
                                     run.counts.skipped,
                                     run.counts.unconfirmed,
                                     jsonText(QJsonArray::fromStringList(run.idpRunIds)),
                                     run.id};
    QSqlQuery &u = *updateRun;
    bindAll(u, mutableValues);
    if (!u.exec())
        return failure(Tr::tr("cannot save run %1").arg(run.id), u);
    if (u.numRowsAffected() > 0)
        return {};
    QSqlQuery &q = *insertRun;
    bindAll(q, mutableValues);
    bindAll(q,
            {run.profileId, run.profileName, run.idpKind, QString(logout::LogoutScope::kindId(run.scope.kind)),
             run.scope.user, run.scope.clientId, jsonText(QJsonArray::fromStringList(run.scope.sessionIds))},
            int(mutableValues.size()));
    if (!q.exec())
        return failure(Tr::tr("cannot save run %1").arg(run.id), q);
    return {};
}

Status HistoryStore::Impl::writeDelivery(const QString &runId, const Delivery &d)
{
    QSqlQuery &q = *upsertDelivery;
    const QVariantList values{runId,
                              d.sessionId,
                              d.clientId,
                              d.userId,
                              d.userName,
                              d.sid,
                              QString(logout::deliveryStateId(d.state)),
                              QString(logout::outcomeSourceId(d.source)),
                              d.httpStatus ? QVariant(*d.httpStatus) : QVariant(),
                              d.latencyMs ? QVariant(*d.latencyMs) : QVariant(),
                              d.error,
                              d.tokenJti,
                              d.logoutToken.isEmpty() ? QVariant() : QVariant(d.logoutToken),
                              d.validation.isEmpty() ? QString() : jsonText(d.validation),
                              d.sources.join(QLatin1Char(' ')), // ids: no spaces in them
                              msecs(d.updatedAt)};
    bindAll(q, values);
    if (!q.exec())
        return failure(Tr::tr("cannot save the delivery of session %1 to %2").arg(d.sessionId, d.clientId), q);
    return {};
}

Status HistoryStore::Impl::writeMockRequest(const QString &name, const mockrp::RequestRecord &r)
{
    QJsonObject record = r.toJson();
    record.remove(QStringLiteral("logout_token")); // kept once, in its own column
    QSqlQuery &q = *insertMockRequest;
    const QVariantList values{name,
                              QVariant(qint64(r.id)),
                              msecs(r.receivedAt),
                              r.peer,
                              r.endpoint,
                              r.status,
                              r.verdictStatus,
                              r.valid(),
                              r.dropped,
                              r.tokenSeen ? QVariant(r.logoutToken) : QVariant(),
                              jsonText(record)};
    bindAll(q, values);
    if (!q.exec())
        return failure(Tr::tr("cannot save a request of mock RP %1").arg(name), q);
    return {};
}

Status HistoryStore::saveRun(const RunInfo &run)
{
    return d->transaction([&] { return d->writeRun(run); });
}

Status HistoryStore::save(const RunInfo &run, const QList<Delivery> &deliveries)
{
    return d->transaction([&]() -> Status {
        if (Status s = d->writeRun(run); !s)
            return s;
        for (const Delivery &delivery : deliveries) {
            if (Status s = d->writeDelivery(run.id, delivery); !s)
                return s;
        }
        return {};
    });
}

Status HistoryStore::saveMockRequests(const QString &mockRpName, const QList<mockrp::RequestRecord> &records)
{
    if (records.isEmpty())
        return {};
    return d->transaction([&]() -> Status {
        for (const auto &r : records) {
            if (Status s = d->writeMockRequest(mockRpName, r); !s)
                return s;
        }
        return {};
    });
}

Status HistoryStore::saveMockRequests(const QList<std::pair<QString, mockrp::RequestRecord>> &named)
{
    if (named.isEmpty())
        return {};
    return d->transaction([&]() -> Status {
        for (const auto &[name, record] : named) {
            if (Status s = d->writeMockRequest(name, record); !s)
                return s;
        }
        return {};
    });
}

Result<QList<RunInfo>> HistoryStore::runs(const RunFilter &filter) const
{
    QStringList where;
    QVariantList binds;
    if (!filter.runId.isEmpty()) {
        where << QStringLiteral("id = ?");
        binds << filter.runId;
    }
    if (!filter.profile.isEmpty()) {
        where << QStringLiteral("(profile_id = ? OR profile_name = ?)");
        binds << filter.profile << filter.profile;
    }
    if (filter.since.isValid()) {
        where << QStringLiteral("started_at >= ?");
        binds << filter.since.toMSecsSinceEpoch();
    }
    if (!filter.clientId.isEmpty()) {
        where << QStringLiteral("EXISTS (SELECT 1 FROM deliveries d WHERE d.run_id = runs.id AND d.client_id = ?)");
        binds << filter.clientId;
    }
    if (filter.state) {
        where << QStringLiteral("EXISTS (SELECT 1 FROM deliveries d WHERE d.run_id = runs.id AND d.state = ?)");
        binds << QString(logout::deliveryStateId(*filter.state));
    }
    QString sql = QStringLiteral("SELECT %1 FROM runs").arg(QLatin1String(kRunColumns));
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY started_at DESC, id DESC LIMIT %1").arg(qMax(0, filter.limit));
    QSqlQuery q(d->db());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return failure(Tr::tr("cannot read runs"), q).error();
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    if (!q.exec())
        return failure(Tr::tr("cannot read runs"), q).error();
    QList<RunInfo> out;
    while (q.next())
        out << rowToRun(q);
    return out;
}

Status HistoryStore::Impl::forEachDelivery(const DeliveryFilter &filter, int limit,
                                           const std::function<Status(const Delivery &)> &take) const
{
    QStringList where;
    QVariantList binds;
    if (!filter.runId.isEmpty()) {
        where << QStringLiteral("run_id = ?");
        binds << filter.runId;
    }
    if (!filter.clientId.isEmpty()) {
        where << QStringLiteral("client_id = ?");
        binds << filter.clientId;
    }
    if (!filter.user.isEmpty()) {
        where << QStringLiteral("(user_id = ? OR user_name = ?)");
        binds << filter.user << filter.user;
    }
    if (filter.state) {
        where << QStringLiteral("state = ?");
        binds << QString(logout::deliveryStateId(*filter.state));
    }
    QString sql = QStringLiteral("SELECT %1 FROM deliveries").arg(QLatin1String(kDeliveryColumns));
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY run_id, id");
    if (limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    QSqlQuery q(db());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return failure(Tr::tr("cannot read deliveries"), q);
    bindAll(q, binds);
    if (!q.exec())
        return failure(Tr::tr("cannot read deliveries"), q);
    while (q.next()) {
        if (Status s = take(rowToDelivery(q)); !s)
            return s;
    }
    if (q.lastError().isValid())
        return failure(Tr::tr("cannot read deliveries"), q);
    return {};
}

Result<QList<Delivery>> HistoryStore::deliveries(const DeliveryFilter &filter) const
{
    QList<Delivery> out;
    const Status s = d->forEachDelivery(filter, qMax(0, filter.limit), [&out](const Delivery &delivery) {
        out << delivery;
        return Status();
    });
    if (!s)
        return s.error();
    return out;
}

Result<QList<QJsonObject>> HistoryStore::mockRequests(const QString &mockRpName, int limit) const
{
    QSqlQuery q(d->db());
    q.setForwardOnly(true);
    const QString sql = QStringLiteral("SELECT mock_rp, record, logout_token FROM mock_requests%1 "
                                       "ORDER BY received_at DESC, id DESC LIMIT %2")
                            .arg(mockRpName.isEmpty() ? QString() : QStringLiteral(" WHERE mock_rp = ?"))
                            .arg(qMax(0, limit));
    if (!q.prepare(sql))
        return failure(Tr::tr("cannot read mock RP requests"), q).error();
    if (!mockRpName.isEmpty())
        q.bindValue(0, mockRpName);
    if (!q.exec())
        return failure(Tr::tr("cannot read mock RP requests"), q).error();
    QList<QJsonObject> out;
    while (q.next()) {
        QJsonObject o = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
        o.insert(QStringLiteral("mock_rp"), q.value(0).toString());
        if (!q.value(2).isNull())
            o.insert(QStringLiteral("logout_token"), QString::fromLatin1(q.value(2).toByteArray()));
        out << o;
    }
    return out;
}

Status HistoryStore::exportTo(const QString &file, ExportFormat format, const DeliveryFilter &filter) const
{
    // Every matching delivery, whatever filter.limit says (that bounds listings, not exports),
    // written as it is read.
    HistoryExportWriter writer(file, format == ExportFormat::Json);
    if (Status s = writer.open(); !s)
        return s;
    QStringList runIds;
    QString lastRun;
    const Status s = d->forEachDelivery(filter, 0, [&](const Delivery &delivery) {
        if (delivery.runId != lastRun && !runIds.contains(delivery.runId))
            runIds << delivery.runId;
        lastRun = delivery.runId;
        return writer.add(delivery);
    });
    if (!s)
        return s;
    if (runIds.isEmpty() && !filter.runId.isEmpty())
        runIds << filter.runId; // a run with no deliveries yet still says what it was
    QList<RunInfo> runList;
    if (format == ExportFormat::Json) {
        for (const QString &id : std::as_const(runIds)) {
            RunFilter byId;
            byId.runId = id;
            byId.limit = 1;
            auto run = runs(byId);
            if (!run)
                return run.error();
            runList += *run;
        }
    }
    return writer.finish(runList);
}

Result<int> HistoryStore::purgeOlderThan(const QDateTime &cut)
{
    int removed = 0;
    const Status s = d->transaction([&]() -> Status {
        QSqlQuery q(d->db());
        // Deliveries go with their run (ON DELETE CASCADE, foreign keys are on).
        if (!q.prepare(QStringLiteral("DELETE FROM runs WHERE started_at < ?")))
            return failure(Tr::tr("cannot purge runs"), q);
        q.bindValue(0, cut.toMSecsSinceEpoch());
        if (!q.exec())
            return failure(Tr::tr("cannot purge runs"), q);
        removed = q.numRowsAffected();
        QSqlQuery m(d->db());
        if (!m.prepare(QStringLiteral("DELETE FROM mock_requests WHERE received_at < ?")))
            return failure(Tr::tr("cannot purge mock RP requests"), m);
        m.bindValue(0, cut.toMSecsSinceEpoch());
        if (!m.exec())
            return failure(Tr::tr("cannot purge mock RP requests"), m);
        return {};
    });
    if (!s)
        return s.error();
    qCDebug(lcStore) << "history: purged" << removed << "runs older than" << cut.toString(Qt::ISODate);
    return removed;
}

} // namespace signoff
