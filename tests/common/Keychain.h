#pragma once

#include <QTest>
#include <QtGlobal>

// Keychain tests need a real, unlocked Secret Service (scripts/test starts gnome-keyring in a
// private D-Bus session). Under that command they must run; elsewhere they skip with a reason.
#define SIGNOFF_REQUIRE_SECRET_SERVICE()                                                                               \
    do {                                                                                                               \
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {                                                 \
            if (qEnvironmentVariableIntValue("SIGNOFF_REQUIRE_KEYCHAIN"))                                              \
                QFAIL("SIGNOFF_REQUIRE_KEYCHAIN is set but there is no D-Bus session: run scripts/test");              \
            QSKIP("no D-Bus session with a Secret Service; run the suite through scripts/test");                       \
        }                                                                                                              \
    } while (false)
