#include "HistorySchema.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace signoff {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(signoff::HistoryStore)
};

Status exec(QSqlDatabase &db, const char *sql)
{
    QSqlQuery q(db);
    if (!q.exec(QString::fromLatin1(sql)))
        return Status::failure(q.lastError().text());
    return {};
}

constexpr const char *kVersion1[] = {
    "CREATE TABLE runs (id TEXT PRIMARY KEY, profile_id TEXT NOT NULL DEFAULT '', "
    "profile_name TEXT NOT NULL DEFAULT '', idp_kind TEXT NOT NULL DEFAULT '', scope_kind TEXT NOT NULL, "
    "scope_user TEXT NOT NULL DEFAULT '', scope_client TEXT NOT NULL DEFAULT '', "
    "scope_sessions TEXT NOT NULL DEFAULT '[]', status TEXT NOT NULL, error TEXT NOT NULL DEFAULT '', "
    "started_at INTEGER, finished_at INTEGER, sessions INTEGER NOT NULL DEFAULT 0, "
    "users INTEGER NOT NULL DEFAULT 0, concurrency INTEGER NOT NULL DEFAULT 0, "
    "n_pending INTEGER NOT NULL DEFAULT 0, n_delivered INTEGER NOT NULL DEFAULT 0, "
    "n_failed INTEGER NOT NULL DEFAULT 0, n_timed_out INTEGER NOT NULL DEFAULT 0, "
    "n_skipped INTEGER NOT NULL DEFAULT 0, n_unconfirmed INTEGER NOT NULL DEFAULT 0, "
    "idp_run_ids TEXT NOT NULL DEFAULT '[]')",
    "CREATE INDEX runs_started ON runs (started_at)",
    "CREATE INDEX runs_profile ON runs (profile_id, started_at)",
    "CREATE TABLE deliveries (id INTEGER PRIMARY KEY, "
    "run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE, session_id TEXT NOT NULL, "
    "client_id TEXT NOT NULL, user_id TEXT NOT NULL DEFAULT '', user_name TEXT NOT NULL DEFAULT '', "
    "sid TEXT NOT NULL DEFAULT '', state TEXT NOT NULL, source TEXT NOT NULL, http_status INTEGER, "
    "latency_ms REAL, error TEXT NOT NULL DEFAULT '', token_jti TEXT NOT NULL DEFAULT '', logout_token BLOB, "
    "validation TEXT NOT NULL DEFAULT '', sources TEXT NOT NULL DEFAULT '', updated_at INTEGER, "
    "UNIQUE (run_id, session_id, client_id))",
    // The page filters runs by RP and by state (EXISTS over deliveries). Every index costs each
    // upsert, and runs write thousands of rows a second: users are found within a run instead.
    "CREATE INDEX deliveries_client ON deliveries (client_id, run_id)",
    "CREATE INDEX deliveries_state ON deliveries (state, run_id)",
    "CREATE TABLE mock_requests (id INTEGER PRIMARY KEY, mock_rp TEXT NOT NULL, record_id INTEGER, "
    "received_at INTEGER, peer TEXT NOT NULL DEFAULT '', endpoint TEXT NOT NULL DEFAULT '', "
    "status INTEGER, verdict_status INTEGER, valid INTEGER, dropped INTEGER, logout_token BLOB, "
    "record TEXT NOT NULL)",
    "CREATE INDEX mock_requests_time ON mock_requests (received_at)",
    "CREATE INDEX mock_requests_rp ON mock_requests (mock_rp, received_at)",
    "INSERT INTO schema_version (version) VALUES (1)",
};
} // namespace

Status HistorySchema::configure(QSqlDatabase &db)
{
    QSqlQuery q(db);
    // The first statement that reads the file: a file that is not a database fails here.
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next())
        return Status::failure(q.lastError().text());
    if (q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        qCWarning(lcStore) << "history: WAL not available, journal mode is" << q.value(0).toString();
    q.finish();
    if (Status s = exec(db, "PRAGMA synchronous=NORMAL"); !s)
        return s;
    return exec(db, "PRAGMA foreign_keys=ON");
}

int HistorySchema::version(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT max(version) FROM schema_version")) || !q.next())
        return -1;
    return q.value(0).isNull() ? 0 : q.value(0).toInt();
}

Status HistorySchema::migrate(QSqlDatabase &db)
{
    if (Status s = exec(db, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"); !s)
        return s;
    const int current = version(db);
    if (current < 0)
        return Status::failure(Tr::tr("its schema version cannot be read"));
    if (current > kVersion)
        return Status::failure(
            Tr::tr("it was written by a newer Signoff (schema %1; this one knows %2)").arg(current).arg(kVersion));
    if (current == kVersion)
        return {};
    // IMMEDIATE: a console and a signoffctl starting together must not both create the tables.
    if (Status s = exec(db, "BEGIN IMMEDIATE"); !s)
        return s;
    Status s;
    if (version(db) == 0)
        s = createVersion1(db);
    if (s)
        s = exec(db, "COMMIT");
    if (!s)
        exec(db, "ROLLBACK");
    return s;
}

Status HistorySchema::createVersion1(QSqlDatabase &db)
{
    for (const char *sql : kVersion1) {
        if (Status s = exec(db, sql); !s)
            return s;
    }
    return {};
}

} // namespace signoff
