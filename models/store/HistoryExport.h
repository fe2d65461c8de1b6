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
    static QString csv(const QList<logout::Delivery> &deliveries);
    static QJsonObject json(const logout::RunInfo &run);
    static QJsonObject json(const logout::Delivery &delivery);
    // {"format":"signoff-history","version":1,"runs":[...],"deliveries":[...]}
    static QByteArray jsonDocument(const QList<logout::RunInfo> &runs, const QList<logout::Delivery> &deliveries);

    // Writes atomically (the old file stays if anything fails).
    static Status write(const QString &file, const QByteArray &bytes);
};

} // namespace signoff
