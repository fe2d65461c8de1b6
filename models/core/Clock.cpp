#include "Clock.h"

namespace signoff {

const Clock *Clock::system()
{
    static const SystemClock clock;
    return &clock;
}

} // namespace signoff
