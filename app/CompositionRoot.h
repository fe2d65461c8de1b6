#pragma once

#include "logout/LogoutRun.h"
#include "services/AppContext.h"

#include <QString>

#include <memory>

class QCoreApplication;

namespace signoff {

class HistoryStore;
class HistoryWriter;
class HistoryRetention;
class MockRequestRecorder;

// Creates the long-lived objects once and hands them down: the one network manager, the
// settings, the profile store, the keychain and the services built on them. Nothing below app/
// creates these itself.
struct CompositionRoot
{
    explicit CompositionRoot(QCoreApplication &app);
    ~CompositionRoot();

    AppContext context;
    // context.history points here; shared so that a run outliving the root finds it gone, not dangling.
    std::shared_ptr<HistoryStore> history;
    // Logout runs' changes go through it (its own connection, its own thread); made after history,
    // so gone before it: what it still had queued is written first.
    std::unique_ptr<HistoryWriter> historyWriter;
    std::unique_ptr<HistoryRetention> retention;
    std::unique_ptr<MockRequestRecorder> mockRequests; // the Mock RPs page's requests into the history
    QString language;                                  // the language in use after installing translators

private:
    void openHistory();
    logout::LogoutRun::CommitHook commitHook();
};

} // namespace signoff
