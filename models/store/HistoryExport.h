#pragma once

#include "core/Result.h"
#include "logout/LogoutTypes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace signoff {

// Turns history rows into files an administrator can hand on: a logout token keeps its header
// and claims (what support needs) but loses its signature, so an export can never be replayed
// against an RP; CSV fields are quoted and cannot start a spreadsheet formula.
class HistoryExport
{
public:
    // "header.payload.<redacted>" for a compact JWS; anything else (malformed, JWE) wholly "<redacted>".
    static QString redactToken(const QByteArray &token);
    // One RFC 4180 field: quoted when it holds a comma, quote or line break; a leading = + - @
    // tab or CR gets a ' in front so a spreadsheet shows it as text.
    static QString csvField(const QString &value);

    static QStringList csvColumns();
    static QByteArray csvHeader();                        // the column line, CRLF-terminated
    static QByteArray csvLine(const logout::Delivery &d); // one delivery, CRLF-terminated
    static QJsonObject json(const logout::RunInfo &run);
    static QJsonObject json(const logout::Delivery &delivery);
};

} // namespace signoff
