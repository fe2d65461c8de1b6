#pragma once

#include "LogoutTypes.h"
#include "mockrp/RequestRecord.h"

namespace signoff::logout {

// What a mock RP or the relay saw, as an outcome report for the ledger. The token's jti, sid, sub
// and audience (the client id) let the ledger find the delivery it belongs to; the state is what
// the sender was answered, so only a 2xx answer is ever "delivered".
OutcomeReport mockRpOutcome(const mockrp::RequestRecord &record);

} // namespace signoff::logout
