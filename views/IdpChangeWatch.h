#pragma once

#include <functional>

class QWidget;

namespace signoff {

struct AppContext;

// Calls changed (on page) when what the active profile's IdP shows may have changed: another
// profile became active, or the sandbox profile's IdP came up (it may still be starting when a
// page is first shown). Pages reload then, or at their next showing.
void watchActiveIdp(QWidget *page, const AppContext &app, std::function<void()> changed);

} // namespace signoff
