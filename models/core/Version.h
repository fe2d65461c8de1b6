#pragma once

#include <QString>

namespace signoff {

// Versions of what Signoff is built on, for the About dialog and `signoffctl --version`.
struct Versions
{
    QString signoff;
    QString qtRuntime;
    QString qtBuild;
    QString openssl;
    QString qtkeychain;
};

Versions versions();

} // namespace signoff
