#include "Logging.h"

Q_LOGGING_CATEGORY(lcStore, "signoff.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKeychain, "signoff.keychain", QtInfoMsg)
Q_LOGGING_CATEGORY(lcJose, "signoff.jose", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMockRp, "signoff.mockrp", QtInfoMsg)
Q_LOGGING_CATEGORY(lcIdp, "signoff.idp", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSandbox, "signoff.sandbox", QtInfoMsg)
