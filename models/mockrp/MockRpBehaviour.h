#pragma once

#include "core/Result.h"

#include <QString>

namespace signoff::mockrp {

// Fault injection, applied after validation so verdicts are always recorded:
// ok | status:N | delay:MS | drop | flaky:P
struct MockRpBehaviour
{
    enum class Kind
    {
        Ok,
        Status,
        Delay,
        Drop,
        Flaky
    };
    Kind kind = Kind::Ok;
    int value = 0; // status code, milliseconds or percent

    static Result<MockRpBehaviour> parse(QStringView text);
    QString toString() const;
};

} // namespace signoff::mockrp
