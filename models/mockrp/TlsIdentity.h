#pragma once

#include "core/Result.h"

#include <QSslCertificate>
#include <QSslKey>
#include <QStringList>

namespace signoff::mockrp {

struct TlsIdentity
{
    QSslCertificate certificate;
    QSslKey key;
};

// A fresh EC P-256 key and a self-signed certificate (30 days) whose subjectAltName lists the
// given host names and IP addresses. Made on demand, never written to disk.
Result<TlsIdentity> generateSelfSigned(const QStringList &hosts, int validDays = 30);
Result<TlsIdentity> loadTlsIdentity(const QString &certFile, const QString &keyFile);
// "AB:CD:..." SHA-256 of the DER certificate: what a client pins or compares.
QString sha256Fingerprint(const QSslCertificate &certificate);

} // namespace signoff::mockrp
