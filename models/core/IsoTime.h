#pragma once

#include <QString>

namespace signoff {

// "2026-11-23T22:55:01Z": what QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate)
// gives for years 0..9999, without building a QDateTime. The validator formats two of these
// for every token it checks, and QDateTime was a visible share of the mock RP's time.
QString isoUtcSeconds(qint64 secsSinceEpoch);

} // namespace signoff
