#pragma once

#include "core/Result.h"

class QSqlDatabase;

namespace signoff {

// The history database's settings and tables, one version at a time. A file written by a newer
// Signoff is refused rather than guessed at.
class HistorySchema
{
public:
    static constexpr int kVersion = 1;

    // WAL with synchronous=NORMAL: a committed transaction survives a killed process (the WAL is
    // written before commit returns; only a power loss may take the last ones). Foreign keys on,
    // so a purged run takes its deliveries with it.
    static Status configure(QSqlDatabase &db);
    static Status migrate(QSqlDatabase &db);
    static int version(QSqlDatabase &db); // -1 when unreadable

private:
    static Status createVersion1(QSqlDatabase &db);
};

} // namespace signoff
