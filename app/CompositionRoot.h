#pragma once

#include "services/AppContext.h"

#include <QString>

class QCoreApplication;

namespace signoff {

// Creates the long-lived objects once and hands them down: the one network manager, the
// settings, the profile store, the keychain and the services built on them. Nothing below app/
// creates these itself.
struct CompositionRoot
{
    explicit CompositionRoot(QCoreApplication &app);
    ~CompositionRoot();

    AppContext context;
    QString language; // the language in use after installing translators
};

} // namespace signoff
