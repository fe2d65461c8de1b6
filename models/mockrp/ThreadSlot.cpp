#include "ThreadSlot.h"

#include <algorithm>

namespace signoff::mockrp {

namespace {
thread_local int t_slot = 0;
} // namespace

int threadSlot()
{
    return t_slot;
}

void setThreadSlot(int slot)
{
    t_slot = std::clamp(slot, 0, kMaxThreadSlots);
}

} // namespace signoff::mockrp
