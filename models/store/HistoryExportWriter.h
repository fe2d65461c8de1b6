#pragma once

#include "core/Result.h"
#include "logout/LogoutTypes.h"

#include <QString>

#include <memory>

namespace signoff {

// Writes an export delivery by delivery, so a run of any size never has to be held whole;
// the file appears only when finish() succeeded (the old file stays if anything fails).
// JSON: {"format":"signoff-history","version":1,"token_signatures":"redacted",
//        "deliveries":[...],"runs":[...]}
class HistoryExportWriter
{
public:
    HistoryExportWriter(const QString &file, bool json);
    ~HistoryExportWriter();

    Status open();
    Status add(const logout::Delivery &delivery);
    // The runs the deliveries belong to (JSON only), then the file is committed.
    Status finish(const QList<logout::RunInfo> &runs);

private:
    Status write(const QByteArray &bytes);

    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace signoff
