#include "IsoTime.h"

namespace signoff {

QString isoUtcSeconds(qint64 secs)
{
    // Days to civil date: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms".
    const qint64 days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
    const qint64 rem = secs - days * 86400;
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const qint64 day = doy - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    // Digits by hand: snprintf was most of this function's cost.
    char buf[20];
    const auto put = [&buf](int at, qint64 value, int width) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            buf[at + i] = char('0' + value % 10);
    };
    put(0, year, 4);
    buf[4] = '-';
    put(5, month, 2);
    buf[7] = '-';
    put(8, day, 2);
    buf[10] = 'T';
    put(11, rem / 3600, 2);
    buf[13] = ':';
    put(14, rem / 60 % 60, 2);
    buf[16] = ':';
    put(17, rem % 60, 2);
    buf[19] = 'Z';
    return QString::fromLatin1(buf, 20);
}

} // namespace signoff
