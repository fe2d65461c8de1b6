#pragma once

namespace signoff::mockrp {

// Per-thread state in the mock RP (the endpoints' record shards) is indexed by a slot: 0 for
// every thread that is not a connection thread, 1..kMaxThreadSlots for connection threads,
// which MockRpServer numbers as it starts them.
inline constexpr int kMaxThreadSlots = 64;

int threadSlot();
void setThreadSlot(int slot); // clamped into 0..kMaxThreadSlots

} // namespace signoff::mockrp
