#include "RelyingPartyModel.h"

namespace signoff {

RelyingPartyModel::RelyingPartyModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RelyingPartyModel::setRelyingParties(QList<LintedRelyingParty> rps)
{
    beginResetModel();
    m_rps = std::move(rps);
    endResetModel();
}

int RelyingPartyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rps.size());
}

int RelyingPartyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

std::optional<LintFinding::Severity> RelyingPartyModel::worst(const QList<LintFinding> &findings)
{
    std::optional<LintFinding::Severity> w;
    for (const LintFinding &f : findings)
        if (!w || int(f.severity) < int(*w))
            w = f.severity;
    return w;
}

QString RelyingPartyModel::findingsSummary(const QList<LintFinding> &findings)
{
    int errors = 0, warnings = 0, infos = 0;
    for (const LintFinding &f : findings)
        (f.severity == LintFinding::Severity::Error     ? errors
         : f.severity == LintFinding::Severity::Warning ? warnings
                                                        : infos)++;
    QStringList parts;
    if (errors)
        parts << tr("%n error(s)", nullptr, errors);
    if (warnings)
        parts << tr("%n warning(s)", nullptr, warnings);
    if (infos)
        parts << tr("%n note(s)", nullptr, infos);
    return parts.isEmpty() ? tr("OK") : parts.join(QStringLiteral(", "));
}

QVariant RelyingPartyModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const LintedRelyingParty &l = m_rps[index.row()];
    if (role == WorstSeverityRole) {
        const auto w = worst(l.findings);
        return w ? int(*w) : -1;
    }
    if (role == Qt::ToolTipRole && index.column() == FindingsColumn) {
        QStringList lines;
        for (const LintFinding &f : l.findings)
            lines << QStringLiteral("%1: %2").arg(severityLabel(f.severity), f.message);
        return lines.join(QLatin1Char('\n'));
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case ClientIdColumn:
        return l.rp.clientId;
    case NameColumn:
        return l.rp.name;
    case UriColumn:
        return l.rp.backchannelLogoutUri.isEmpty() ? tr("(none)") : l.rp.backchannelLogoutUri;
    case SessionRequiredColumn:
        return l.rp.sessionRequired ? tr("yes") : tr("no");
    case SessionsColumn:
        return l.rp.sessionCount ? QVariant(*l.rp.sessionCount) : QVariant(tr("unknown"));
    case FindingsColumn:
        return findingsSummary(l.findings);
    }
    return {};
}

QVariant RelyingPartyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ClientIdColumn:
        return tr("Client id");
    case NameColumn:
        return tr("Name");
    case UriColumn:
        return tr("Back-channel logout URI");
    case SessionRequiredColumn:
        return tr("sid required");
    case SessionsColumn:
        return tr("Sessions");
    case FindingsColumn:
        return tr("Findings");
    }
    return {};
}

} // namespace signoff
