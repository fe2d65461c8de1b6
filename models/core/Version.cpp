#include "Version.h"

#include <openssl/crypto.h>
#include <qt6keychain/qkeychain_export.h>

#include <QtGlobal>

namespace signoff {

Versions versions()
{
    Versions v;
    v.signoff = QStringLiteral(SIGNOFF_VERSION);
    v.qtRuntime = QString::fromLatin1(qVersion());
    v.qtBuild = QStringLiteral(QT_VERSION_STR);
    v.openssl = QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
    v.qtkeychain = QStringLiteral(SIGNOFF_QTKEYCHAIN_VERSION);
    return v;
}

} // namespace signoff
