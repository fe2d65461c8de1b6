#include "HistoryExportWriter.h"

#include "HistoryExport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace signoff {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(signoff::HistoryStore)
};
} // namespace

struct HistoryExportWriter::Impl
{
    QSaveFile out;
    bool json = false;
    bool first = true;

    explicit Impl(const QString &file)
        : out(file)
    {}
};

HistoryExportWriter::HistoryExportWriter(const QString &file, bool json)
    : d(std::make_unique<Impl>(file))
{
    d->json = json;
}

HistoryExportWriter::~HistoryExportWriter() = default;

Status HistoryExportWriter::write(const QByteArray &bytes)
{
    if (d->out.write(bytes) != bytes.size())
        return Status::failure(Tr::tr("Cannot write %1: %2").arg(d->out.fileName(), d->out.errorString()));
    return {};
}

Status HistoryExportWriter::open()
{
    if (!d->out.open(QIODevice::WriteOnly))
        return Status::failure(Tr::tr("Cannot write %1: %2").arg(d->out.fileName(), d->out.errorString()));
    if (!d->json)
        return write(HistoryExport::csvHeader());
    return write(QByteArrayLiteral("{\"format\":\"signoff-history\",\"version\":1,"
                                   "\"token_signatures\":\"redacted\",\"deliveries\":["));
}

Status HistoryExportWriter::add(const logout::Delivery &delivery)
{
    if (!d->json)
        return write(HistoryExport::csvLine(delivery));
    QByteArray bytes = d->first ? QByteArrayLiteral("\n") : QByteArrayLiteral(",\n");
    d->first = false;
    bytes += QJsonDocument(HistoryExport::json(delivery)).toJson(QJsonDocument::Compact);
    return write(bytes);
}

Status HistoryExportWriter::finish(const QList<logout::RunInfo> &runs)
{
    if (d->json) {
        QJsonArray runArray;
        for (const auto &r : runs)
            runArray.append(HistoryExport::json(r));
        if (Status s = write(QByteArrayLiteral("\n],\"runs\":") +
                             QJsonDocument(runArray).toJson(QJsonDocument::Compact) + QByteArrayLiteral("}\n"));
            !s)
            return s;
    }
    if (!d->out.commit())
        return Status::failure(Tr::tr("Cannot write %1: %2").arg(d->out.fileName(), d->out.errorString()));
    return {};
}

} // namespace signoff
