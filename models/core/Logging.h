#pragma once

#include <QLoggingCategory>

// Diagnostics go to categories so they can be switched on per area (QT_LOGGING_RULES).
// Nothing logged here may contain a secret or a full token signature.
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcKeychain)
Q_DECLARE_LOGGING_CATEGORY(lcJose)
Q_DECLARE_LOGGING_CATEGORY(lcMockRp)
Q_DECLARE_LOGGING_CATEGORY(lcIdp)
Q_DECLARE_LOGGING_CATEGORY(lcSandbox)
