#pragma once

#include "idp/RpLint.h"

#include <QAbstractTableModel>

namespace signoff {

struct LintedRelyingParty
{
    RelyingParty rp;
    QList<LintFinding> findings;
};

// The active IdP's relying parties with their lint; replaced as a whole when the list is reloaded.
class RelyingPartyModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        ClientIdColumn,
        NameColumn,
        UriColumn,
        SessionRequiredColumn,
        SessionsColumn,
        FindingsColumn,
        ColumnCount
    };
    enum Role
    {
        WorstSeverityRole = Qt::UserRole + 1 // int of LintFinding::Severity, -1 when clean
    };

    explicit RelyingPartyModel(QObject *parent = nullptr);
    void setRelyingParties(QList<LintedRelyingParty> rps);
    const LintedRelyingParty &at(int row) const { return m_rps[row]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static std::optional<LintFinding::Severity> worst(const QList<LintFinding> &findings);
    static QString findingsSummary(const QList<LintFinding> &findings);

private:
    QList<LintedRelyingParty> m_rps;
};

} // namespace signoff
