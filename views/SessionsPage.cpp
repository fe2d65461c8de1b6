#include "SessionsPage.h"

#include "ErrorBanner.h"
#include "IdpChangeWatch.h"
#include "LogoutFlow.h"
#include "Theme.h"
#include "idp/sandbox/SandboxProcess.h"
#include "items/SessionModel.h"
#include "services/ConnectorService.h"
#include "services/SandboxController.h"
#include "store/ProfileStore.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace signoff {

namespace {
constexpr int kFlushMs = 100;
}

namespace {
// Greys the cells of fields the IdP does not expose with the palette's placeholder colour, so the
// theme decides; the cell's text says it in words too.
class NotExposedDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(SessionModel::NotExposedRole).toBool())
            option->palette.setBrush(QPalette::Text, option->palette.brush(QPalette::PlaceholderText));
    }
};
} // namespace

SessionsPage::SessionsPage(const AppContext &app, QWidget *parent)
    : QWidget(parent)
    , m_app(app)
    , m_model(new SessionModel(this))
    , m_filter(new SessionFilterModel(m_model, this))
{
    setObjectName(QStringLiteral("sessionsPage"));
    m_flush = new QTimer(this);
    m_flush->setSingleShot(true);
    m_flush->setInterval(kFlushMs);
    connect(m_flush, &QTimer::timeout, this, &SessionsPage::flushPending);
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("sessionScope"));
    m_scope->setToolTip(tr("Whose sessions: every RP, one RP, or one user"));
    m_scope->addItem(tr("All relying parties"), QString());
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("sessionUser"));
    m_user->setPlaceholderText(tr("User id or name (Enter): that user's sessions"));
    m_user->setClearButtonEnabled(true);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("sessionFilter"));
    m_search->setPlaceholderText(tr("Filter by user, IP or RP (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    auto *refreshButton = new QPushButton(tr("&Refresh"), this);
    refreshButton->setObjectName(QStringLiteral("sessionsRefresh"));
    refreshButton->setToolTip(tr("Reload from the IdP (F5)"));
    top->addWidget(new QLabel(tr("&RP:"), this));
    qobject_cast<QLabel *>(top->itemAt(0)->widget())->setBuddy(m_scope);
    top->addWidget(m_scope);
    top->addWidget(m_user, 1);
    top->addWidget(m_search, 2);
    top->addWidget(refreshButton);
    layout->addLayout(top);

    auto *status = new QHBoxLayout;
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("sessionCount"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("sessionProgress"));
    m_progress->setMaximumWidth(240);
    m_progress->setTextVisible(false);
    m_progress->hide();
    status->addWidget(m_count, 1);
    status->addWidget(m_progress);
    layout->addLayout(status);
    m_limits = new QLabel(this);
    m_limits->setObjectName(QStringLiteral("sessionLimits"));
    m_limits->setWordWrap(true);
    m_limits->hide();
    layout->addWidget(m_limits);
    m_banner = new ErrorBanner(this);
    layout->addWidget(m_banner);
    layout->addWidget(buildLogoutRow());

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("sessionsTable"));
    m_table->setModel(m_filter);
    m_table->setItemDelegate(new NotExposedDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights and interactive column widths: a ResizeToContents header would measure
    // every one of 100,000 rows on each page.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (auto [col, width] : {std::pair{SessionModel::UserColumn, 200},
                              {SessionModel::IpColumn, 150},
                              {SessionModel::StartedColumn, 160},
                              {SessionModel::LastAccessColumn, 160}})
        m_table->setColumnWidth(col, width);
    m_details = new QTextBrowser(this);
    m_details->setObjectName(QStringLiteral("sessionDetails"));
    m_details->setPlaceholderText(tr("Select a session to see its details; Ctrl+C copies the selected rows."));
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_details);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    connect(refreshButton, &QPushButton::clicked, this, &SessionsPage::refresh);
    connect(new QShortcut(QKeySequence::Refresh, this), &QShortcut::activated, this, &SessionsPage::refresh);
    connect(new QShortcut(QKeySequence::Find, this), &QShortcut::activated, m_search,
            [this] { m_search->setFocus(Qt::ShortcutFocusReason); });
    auto *copy = new QShortcut(QKeySequence::Copy, m_table);
    copy->setContext(Qt::WidgetShortcut);
    connect(copy, &QShortcut::activated, this, &SessionsPage::copySelection);
    for (const QKeySequence &key : {QKeySequence(QKeySequence::Delete), QKeySequence(Qt::CTRL | Qt::Key_L)}) {
        auto *logOut = new QShortcut(key, m_table);
        logOut->setContext(Qt::WidgetShortcut);
        connect(logOut, &QShortcut::activated, this, &SessionsPage::logOutSelection);
    }
    connect(m_banner, &ErrorBanner::retryRequested, this, &SessionsPage::refresh);
    connect(m_scope, &QComboBox::activated, this, &SessionsPage::refresh);
    connect(m_user, &QLineEdit::returnPressed, this, &SessionsPage::refresh);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &t) {
        m_filter->setText(t);
        updateCount();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SessionsPage::showDetails);
    watchActiveIdp(this, m_app, [this] {
        m_loadedOnce = false;
        if (isVisible())
            refresh();
    });
}

SessionsPage::~SessionsPage() = default;

QWidget *SessionsPage::buildLogoutRow()
{
    auto *box = new QWidget(this);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    auto *selection = new QPushButton(tr("&Log out…"), box);
    selection->setObjectName(QStringLiteral("sessionsLogout"));
    selection->setToolTip(tr("Log out the selected sessions (Delete or Ctrl+L); select in a filtered list to log out "
                             "what the filter shows"));
    auto *user = new QPushButton(tr("Log out &user…"), box);
    user->setObjectName(QStringLiteral("sessionsLogoutUser"));
    user->setToolTip(tr("Log out every session of the selected session's user"));
    m_logoutStatus = new QLabel(box);
    m_logoutStatus->setObjectName(QStringLiteral("sessionsLogoutStatus"));
    m_logoutStatus->setWordWrap(true);
    row->addWidget(selection);
    row->addWidget(user);
    row->addWidget(m_logoutStatus, 1);

    m_logout = new LogoutFlow(m_app, this);
    connect(selection, &QPushButton::clicked, this, &SessionsPage::logOutSelection);
    connect(user, &QPushButton::clicked, this, &SessionsPage::logOutUser);
    connect(m_logout, &LogoutFlow::planning, this, [this](bool busy) {
        setErrorStyle(m_logoutStatus, false);
        m_logoutStatus->setText(busy ? tr("Working out who will be notified…") : QString());
    });
    connect(m_logout, &LogoutFlow::failed, this, [this](const QString &message) {
        m_logoutStatus->setText(message);
        setErrorStyle(m_logoutStatus, true);
    });
    return box;
}

QList<IdpSession> SessionsPage::selectedSessions() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<IdpSession> out;
    out.reserve(rows.size());
    for (const QModelIndex &r : std::as_const(rows))
        out.append(m_model->at(m_filter->mapToSource(r).row()));
    return out;
}

void SessionsPage::logOutSelection()
{
    m_logout->confirmSessions(selectedSessions());
}

void SessionsPage::logOutUser()
{
    const QList<IdpSession> selected = selectedSessions();
    if (selected.isEmpty()) {
        m_logoutStatus->setText(tr("Select a session of the user to log out first."));
        setErrorStyle(m_logoutStatus, true);
        return;
    }
    logout::LogoutScope scope;
    scope.kind = logout::LogoutScope::Kind::User;
    scope.user = selected.first().userId;
    m_logout->confirmScope(scope);
}

void SessionsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loadedOnce)
        refresh();
}

void SessionsPage::loadRps()
{
    // The RP choice is filled from the IdP once per profile; the current choice survives reloads.
    m_app.connectors->relyingParties(m_connector.get(), this, [this](Result<ConnectorService::RpReport> r) {
        if (!r)
            return; // the session listing reports the same failure
        const QString keep = m_scope->currentData().toString();
        while (m_scope->count() > 1)
            m_scope->removeItem(1);
        for (const auto &l : r->rps)
            m_scope->addItem(l.rp.name.isEmpty() ? l.rp.clientId
                                                 : QStringLiteral("%1 (%2)").arg(l.rp.clientId, l.rp.name),
                             l.rp.clientId);
        m_scope->setCurrentIndex(qMax(0, m_scope->findData(keep)));
    });
}

void SessionsPage::refresh()
{
    const auto profile = m_app.profiles->find(m_app.profiles->activeProfileId());
    if (!profile) {
        m_count->setText(tr("No active profile: choose one on the Profiles page."));
        return;
    }
    const bool newConnector = !m_loadedOnce || !m_connector;
    m_loadedOnce = true;
    delete m_loading; // a reload supersedes one still under way (its pages are dropped)
    m_loading = new QObject(this);
    if (newConnector) {
        m_connector = m_app.connectors->connect(*profile);
        // What this IdP cannot do is said where it matters (Logto walks users, Hydra needs a user).
        const QStringList limits = m_connector->limitations();
        m_limits->setText(limits.join(QLatin1Char(' ')));
        m_limits->setVisible(!limits.isEmpty());
        loadRps();
    }
    m_banner->hide();
    m_pending.clear();
    m_flush->stop();
    m_model->clear();
    m_total.reset();
    m_progress->setRange(0, 0);
    m_progress->show();
    SessionQuery query;
    query.clientId = m_scope->currentData().toString();
    query.user = m_user->text().trimmed();
    query.pageSize = 1000;
    updateCount();
    QObject *load = m_loading;
    m_connector->sessions(
        query, load,
        [this](const QList<IdpSession> &page, ListProgress p) {
            // The first page shows at once; later ones are gathered and enter the model at most
            // every kFlushMs, so a fast IdP does not make the table relayout and repaint per page.
            m_pending += page;
            if (m_model->rowCount() == 0)
                flushPending();
            else if (!m_flush->isActive())
                m_flush->start();
            m_total = p.total;
            if (p.total && *p.total > 0) {
                m_progress->setRange(0, int(qMin<qint64>(*p.total, INT_MAX)));
                m_progress->setValue(int(qMin<qint64>(p.received, INT_MAX)));
            }
            updateCount();
        },
        [this, load](Status s) {
            flushPending();
            load->deleteLater();
            m_loading = nullptr;
            m_progress->hide();
            updateCount();
            if (!s)
                m_banner->showError(
                    tr("Loading stopped after %n session(s): %1", nullptr, m_model->rowCount()).arg(s.errorString()));
        });
}

void SessionsPage::flushPending()
{
    m_flush->stop();
    if (m_pending.isEmpty())
        return;
    m_model->append(m_pending);
    m_pending.clear();
    updateCount();
}

void SessionsPage::updateCount()
{
    const QLocale l;
    const int loaded = m_model->rowCount();
    QString text = m_loading ? (m_total ? tr("Loading… %1 of %2 sessions").arg(l.toString(loaded), l.toString(*m_total))
                                        : tr("Loading… %1 sessions").arg(l.toString(loaded)))
                             : tr("%1 sessions").arg(l.toString(loaded));
    if (!m_filter->text().isEmpty())
        text += tr(" — %1 match the filter").arg(l.toString(m_filter->rowCount()));
    m_count->setText(text);
}

void SessionsPage::showDetails()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_details->clear();
        return;
    }
    if (rows.size() > 1) {
        m_details->setPlainText(tr("%n sessions selected.", nullptr, int(rows.size())));
        return;
    }
    const IdpSession &s = m_model->at(m_filter->mapToSource(rows.first()).row());
    QString html =
        QStringLiteral("<p><b>%1</b> (%2)<br/>%3</p><ul>")
            .arg(s.userName.toHtmlEscaped(), s.userId.toHtmlEscaped(), tr("Session %1").arg(s.id.toHtmlEscaped()));
    for (const SessionRp &rp : s.rps)
        html += QStringLiteral("<li>%1 — sid %2</li>")
                    .arg(rp.clientId.toHtmlEscaped(), rp.sid ? rp.sid->toHtmlEscaped() : SessionModel::notExposed());
    m_details->setHtml(html + QStringLiteral("</ul>"));
}

void SessionsPage::copySelection()
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList lines;
    for (const QModelIndex &r : rows) {
        const IdpSession &s = m_model->at(m_filter->mapToSource(r).row());
        lines << QStringList{s.id,
                             s.userId,
                             s.userName,
                             s.ip.value_or(QString()),
                             s.started ? s.started->toString(Qt::ISODate) : QString(),
                             s.lastAccess ? s.lastAccess->toString(Qt::ISODate) : QString(),
                             SessionModel::rpList(s)}
                     .join(QLatin1Char('\t'));
    }
    QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
}

} // namespace signoff
