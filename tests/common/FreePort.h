#pragma once

#include <QHostAddress>
#include <QTcpServer>

// A loopback port nobody listens on right now, for a server the test starts itself.
inline int freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}
