#include "RelyingPartiesPage.h"

#include "ErrorBanner.h"
#include "IdpChangeWatch.h"
#include "LogoutFlow.h"
#include "Theme.h"
#include "idp/sandbox/SandboxProcess.h"
#include "items/RelyingPartyModel.h"
#include "services/ConnectorService.h"
#include "services/SandboxController.h"
#include "store/ProfileStore.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace signoff {

namespace {
// Lint badges: an icon, a colour from the palette and the text, never colour alone.
class LintBadgeModel : public QIdentityProxyModel
{
public:
    LintBadgeModel(QWidget *view, QObject *parent)
        : QIdentityProxyModel(parent)
        , m_view(view)
    {}
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (index.column() != RelyingPartyModel::FindingsColumn ||
            (role != Qt::DecorationRole && role != Qt::ForegroundRole))
            return QIdentityProxyModel::data(index, role);
        const int worst = QIdentityProxyModel::data(index, RelyingPartyModel::WorstSeverityRole).toInt();
        if (role == Qt::ForegroundRole)
            return worst == int(LintFinding::Severity::Error) ? QVariant(errorTextColor(m_view->palette()))
                                                              : QVariant();
        const QStyle::StandardPixmap icon =
            worst == int(LintFinding::Severity::Error)     ? QStyle::SP_MessageBoxCritical
            : worst == int(LintFinding::Severity::Warning) ? QStyle::SP_MessageBoxWarning
            : worst == int(LintFinding::Severity::Info)    ? QStyle::SP_MessageBoxInformation
                                                           : QStyle::SP_DialogApplyButton;
        return m_view->style()->standardIcon(icon);
    }

private:
    QWidget *m_view;
};
} // namespace

RelyingPartiesPage::RelyingPartiesPage(const AppContext &app, QWidget *parent)
    : QWidget(parent)
    , m_app(app)
    , m_model(new RelyingPartyModel(this))
{
    setObjectName(QStringLiteral("relyingPartiesPage"));
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("rpStatus"));
    top->addWidget(m_status, 1);
    auto *refreshButton = new QPushButton(tr("&Refresh"), this);
    refreshButton->setObjectName(QStringLiteral("rpRefresh"));
    refreshButton->setToolTip(tr("Reload the relying parties (F5)"));
    auto *logOutAll = new QPushButton(tr("&Log out every session of this RP…"), this);
    logOutAll->setObjectName(QStringLiteral("rpLogoutAll"));
    logOutAll->setToolTip(tr("End every session that includes the selected relying party"));
    top->addWidget(logOutAll);
    top->addWidget(refreshButton);
    layout->addLayout(top);
    m_banner = new ErrorBanner(this);
    layout->addWidget(m_banner);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("rpTable"));
    m_table->setModel(new LintBadgeModel(m_table, this));
    static_cast<QIdentityProxyModel *>(m_table->model())->setSourceModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(RelyingPartyModel::UriColumn, QHeaderView::Stretch);
    m_details = new QTextBrowser(this);
    m_details->setObjectName(QStringLiteral("rpDetails"));
    m_details->setPlaceholderText(tr("Select a relying party to see what each finding means and how to fix it."));
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    connect(refreshButton, &QPushButton::clicked, this, &RelyingPartiesPage::refresh);
    m_logout = new LogoutFlow(m_app, this);
    connect(logOutAll, &QPushButton::clicked, this, &RelyingPartiesPage::logOutEverySession);
    connect(m_logout, &LogoutFlow::failed, m_banner, &ErrorBanner::showError);
    connect(new QShortcut(QKeySequence::Refresh, this), &QShortcut::activated, this, &RelyingPartiesPage::refresh);
    connect(m_banner, &ErrorBanner::retryRequested, this, &RelyingPartiesPage::refresh);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RelyingPartiesPage::showDetails);
    watchActiveIdp(this, m_app, [this] {
        m_loadedOnce = false;
        if (isVisible())
            refresh();
    });
}

RelyingPartiesPage::~RelyingPartiesPage() = default;

void RelyingPartiesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loadedOnce)
        refresh();
}

void RelyingPartiesPage::refresh()
{
    const auto profile = m_app.profiles->find(m_app.profiles->activeProfileId());
    if (!profile) {
        m_status->setText(tr("No active profile: choose one on the Profiles page."));
        return;
    }
    m_loadedOnce = true;
    delete m_loading; // a reload supersedes one still under way
    m_loading = new QObject(this);
    m_banner->hide();
    m_status->setText(tr("Loading the relying parties of %1…").arg(profile->name));
    m_connector = m_app.connectors->connect(*profile);
    const QString name = profile->name;
    m_app.connectors->relyingParties(m_connector.get(), m_loading, [this, name](Result<ConnectorService::RpReport> r) {
        m_loading->deleteLater();
        m_loading = nullptr;
        if (!r) {
            m_status->setText(tr("Could not load the relying parties of %1.").arg(name));
            m_banner->showError(r.errorString());
            return;
        }
        QList<LintedRelyingParty> rows;
        int withErrors = 0;
        for (const auto &l : r->rps) {
            rows.append({l.rp, l.findings});
            withErrors += RelyingPartyModel::worst(l.findings) == LintFinding::Severity::Error ? 1 : 0;
        }
        m_model->setRelyingParties(rows);
        m_status->setText(tr("%1: relying parties: %2; with settings that break logout: %3")
                              .arg(name)
                              .arg(rows.size())
                              .arg(withErrors));
        if (!rows.isEmpty())
            m_table->selectRow(0);
    });
}

void RelyingPartiesPage::logOutEverySession()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_banner->showError(tr("Select the relying party whose sessions to log out first."));
        return;
    }
    logout::LogoutScope scope;
    scope.kind = logout::LogoutScope::Kind::RelyingParty;
    scope.clientId = m_model->at(current.row()).rp.clientId;
    m_logout->confirmScope(scope);
}

void RelyingPartiesPage::showDetails()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    const LintedRelyingParty &l = m_model->at(current.row());
    QString html = QStringLiteral("<h3>%1</h3><p>%2<br/>%3</p>")
                       .arg(l.rp.name.toHtmlEscaped(), tr("Client id: %1").arg(l.rp.clientId.toHtmlEscaped()),
                            tr("Back-channel logout URI: %1")
                                .arg(l.rp.backchannelLogoutUri.isEmpty() ? tr("(none)")
                                                                         : l.rp.backchannelLogoutUri.toHtmlEscaped()));
    if (l.findings.isEmpty())
        html += QStringLiteral("<p>") + tr("No findings: nothing in its settings stops back-channel logout.") +
                QStringLiteral("</p>");
    for (const LintFinding &f : l.findings)
        html += QStringLiteral("<p><b>%1 — %2</b> <code>%3</code><br/>%4<br/><i>%5</i></p>")
                    .arg(severityLabel(f.severity), f.message.toHtmlEscaped(), f.code, tr("How to fix:"),
                         f.fix.toHtmlEscaped());
    m_details->setHtml(html);
}

} // namespace signoff
