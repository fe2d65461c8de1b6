#include "MockRpsPage.h"

#include "DemoRpPanel.h"
#include "MockRequestDetails.h"
#include "MockRpForm.h"
#include "Theme.h"
#include "items/MockRequestModel.h"
#include "services/MockRpWorkspace.h"
#include "store/ProfileStore.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace signoff {

namespace {
// The verdict with an icon and, for an invalid token, the palette's error colour: never colour alone.
class VerdictBadgeModel : public QIdentityProxyModel
{
public:
    VerdictBadgeModel(QWidget *view, QObject *parent)
        : QIdentityProxyModel(parent)
        , m_view(view)
    {}
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (index.column() != MockRequestModel::VerdictColumn ||
            (role != Qt::DecorationRole && role != Qt::ForegroundRole))
            return QIdentityProxyModel::data(index, role);
        const QString outcome = QIdentityProxyModel::data(index, MockRequestModel::OutcomeRole).toString();
        if (role == Qt::ForegroundRole)
            return outcome == QLatin1String("invalid") ? QVariant(errorTextColor(m_view->palette())) : QVariant();
        return m_view->style()->standardIcon(outcome == QLatin1String("valid")     ? QStyle::SP_DialogApplyButton
                                             : outcome == QLatin1String("invalid") ? QStyle::SP_MessageBoxCritical
                                                                                   : QStyle::SP_MessageBoxWarning);
    }

private:
    QWidget *m_view;
};

QPushButton *button(QWidget *parent, const QString &text, const char *name, const QString &tip)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(QString::fromLatin1(name));
    b->setToolTip(tip);
    return b;
}
} // namespace

MockRpsPage::MockRpsPage(const AppContext &app, QWidget *parent)
    : QWidget(parent)
    , m_app(app)
    , m_requests(new MockRequestModel(this))
{
    setObjectName(QStringLiteral("mockRpsPage"));
    auto *layout = new QVBoxLayout(this);
    if (!m_app.mockRps) {
        // A window built without the composition root's workspace (some tests) has nothing to show.
        layout->addWidget(new QLabel(tr("No mock RP workspace."), this));
        return;
    }
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(buildTop());
    split->addWidget(buildRequests());
    // Proportions until the page is first laid out: the form's height above, the rest for requests.
    split->setSizes({430, 370});
    layout->addWidget(split, 1);

    auto shortcut = [this](const QKeySequence &keys, auto slot) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_N), &MockRpsPage::addMockRp);
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_R), &MockRpsPage::toggleRunning);
    // Delete removes a mock RP only from the list: in a text field it deletes text.
    auto *del = new QShortcut(QKeySequence::Delete, m_list);
    del->setContext(Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &MockRpsPage::removeMockRp);

    services::MockRpWorkspace *ws = m_app.mockRps;
    connect(ws, &services::MockRpWorkspace::changed, this, &MockRpsPage::showMockRps);
    connect(ws, &services::MockRpWorkspace::configChanged, this, [this](int index) {
        if (index == currentMockRp())
            showCurrent();
    });
    connect(ws, &services::MockRpWorkspace::requestRecorded, this,
            [this](int index, const mockrp::RequestRecord &record) {
                m_requests->append(m_app.mockRps->name(index), record);
            });
    connect(ws, &services::MockRpWorkspace::keysLoaded, this, [this](int index, const Status &s) {
        if (index == currentMockRp() && !s)
            m_form->setError(tr("The keys could not be loaded, so every signature fails: %1").arg(s.errorString()));
    });
    connect(m_list, &QListWidget::currentRowChanged, this, &MockRpsPage::showCurrent);
    showMockRps();
    if (ws->count() > 0)
        setCurrentMockRp(0);
}

MockRpsPage::~MockRpsPage() = default;

QWidget *MockRpsPage::buildTop()
{
    auto *top = new QSplitter(Qt::Horizontal, this);
    auto *left = new QWidget(top);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_list = new QListWidget(left);
    m_list->setObjectName(QStringLiteral("mockRpList"));
    m_list->setMinimumHeight(m_list->fontMetrics().height() * 4);
    leftLayout->addWidget(m_list, 1);
    auto *buttons = new QHBoxLayout;
    auto *add = button(left, tr("&Add"), "mockRpAdd", tr("Add a mock RP with the active profile's defaults (Ctrl+N)"));
    m_remove = button(left, tr("Remove"), "mockRpRemove", tr("Stop and remove the selected mock RP (Delete)"));
    m_start = button(left, tr("&Start"), "mockRpStart", tr("Start or stop the selected mock RP (Ctrl+R)"));
    buttons->addWidget(add);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_start);
    leftLayout->addLayout(buttons);
    m_demo = new DemoRpPanel(m_app, left);
    leftLayout->addWidget(m_demo, 3);
    top->addWidget(left);

    auto *right = new QWidget(top);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_form = new MockRpForm(right);
    auto *scroll = new QScrollArea(right);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    rightLayout->addWidget(scroll, 1);
    auto *applyRow = new QHBoxLayout;
    applyRow->addStretch(1);
    m_apply =
        button(right, tr("A&pply"), "mockRpApply", tr("Keep these settings; a running mock RP restarts with them"));
    applyRow->addWidget(m_apply);
    rightLayout->addLayout(applyRow);
    top->addWidget(right);
    top->setStretchFactor(0, 2);
    top->setStretchFactor(1, 3);

    connect(add, &QPushButton::clicked, this, &MockRpsPage::addMockRp);
    connect(m_remove, &QPushButton::clicked, this, &MockRpsPage::removeMockRp);
    connect(m_start, &QPushButton::clicked, this, &MockRpsPage::toggleRunning);
    connect(m_apply, &QPushButton::clicked, this, &MockRpsPage::applyForm);
    return top;
}

QWidget *MockRpsPage::buildRequests()
{
    auto *split = new QSplitter(Qt::Horizontal, this);
    auto *left = new QWidget(split);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *countRow = new QHBoxLayout;
    m_count = new QLabel(left);
    m_count->setObjectName(QStringLiteral("mockRequestCount"));
    auto *clear = button(left, tr("C&lear"), "mockRequestsClear", tr("Forget the requests listed here"));
    countRow->addWidget(m_count, 1);
    countRow->addWidget(clear);
    leftLayout->addLayout(countRow);
    m_table = new QTableView(left);
    m_table->setObjectName(QStringLiteral("mockRequestTable"));
    auto *badges = new VerdictBadgeModel(m_table, this);
    badges->setSourceModel(m_requests);
    m_table->setModel(badges);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights and set widths: measuring contents would visit every one of 100,000 rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Widths from what the cells hold at most (plus room for the verdict's icon).
    const QFontMetrics fm = m_table->fontMetrics();
    for (auto [col, sample] : {std::pair{MockRequestModel::TimeColumn, "00:00:00.000"},
                               {MockRequestModel::MockRpColumn, "relay to demo"},
                               {MockRequestModel::PeerColumn, "127.0.0.1:65535"},
                               {MockRequestModel::StatusColumn, "Status"},
                               {MockRequestModel::VerdictColumn, "invalid"},
                               {MockRequestModel::FailedRulesColumn, "signature, aud"},
                               {MockRequestModel::LatencyColumn, "Latency"}})
        m_table->setColumnWidth(col, fm.horizontalAdvance(QString::fromLatin1(sample)) +
                                         (col == MockRequestModel::VerdictColumn ? 3 : 1) * fm.height());
    leftLayout->addWidget(m_table, 1);
    split->addWidget(left);
    m_details = new MockRequestDetails(split);
    split->addWidget(m_details);
    // As proportions until the page is first laid out: the table's eight columns get the room.
    split->setSizes({3 * width(), 2 * width()});

    connect(clear, &QPushButton::clicked, m_requests, &MockRequestModel::clear);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MockRpsPage::showDetails);
    // New rows keep the view at the bottom when it was there: a live list follows the newest.
    auto atBottom = std::make_shared<bool>(true);
    connect(m_requests, &QAbstractItemModel::rowsAboutToBeInserted, this, [this, atBottom] {
        const QScrollBar *bar = m_table->verticalScrollBar();
        *atBottom = bar->value() == bar->maximum();
    });
    connect(m_requests, &QAbstractItemModel::rowsInserted, this, [this, atBottom] {
        if (*atBottom && !m_table->currentIndex().isValid())
            m_table->scrollToBottom();
        updateCount();
    });
    connect(m_requests, &QAbstractItemModel::rowsRemoved, this, &MockRpsPage::updateCount);
    connect(m_requests, &QAbstractItemModel::modelReset, this, [this] {
        m_details->clear();
        updateCount();
    });
    updateCount();
    return split;
}

int MockRpsPage::currentMockRp() const
{
    return m_list->currentRow();
}

void MockRpsPage::setCurrentMockRp(int index)
{
    m_list->setCurrentRow(index);
}

services::MockRpConfig MockRpsPage::defaultConfig() const
{
    // What the active profile's IdP sends: its issuer and keys. The sandbox's issuer is its URL;
    // its client signoff-mock-rp sends to 127.0.0.1:9401/backchannel-logout by default.
    services::MockRpConfig c;
    c.validator.algorithms = {jose::JwsAlg::RS256, jose::JwsAlg::ES256};
    const auto profile = m_app.profiles->find(m_app.profiles->activeProfileId());
    if (!profile)
        return c;
    QString issuer = profile->baseUrl.toString(QUrl::StripTrailingSlash);
    if (profile->kind == IdpKind::Keycloak && !profile->realm.isEmpty())
        issuer += QStringLiteral("/realms/") + profile->realm;
    c.validator.issuer = issuer;
    c.discoveryUrl = QUrl(issuer + QStringLiteral("/.well-known/openid-configuration"));
    if (profile->kind == IdpKind::Sandbox)
        c.validator.clientId = QStringLiteral("signoff-mock-rp");
    // Side by side: each new mock RP gets the next port after the ones already configured.
    for (int i = 0; i < m_app.mockRps->count(); ++i)
        if (m_app.mockRps->config(i).port >= c.port && m_app.mockRps->config(i).port < 65535)
            c.port = m_app.mockRps->config(i).port + 1;
    return c;
}

void MockRpsPage::addMockRp()
{
    const int index = m_app.mockRps->add(tr("Mock RP"), defaultConfig());
    setCurrentMockRp(index);
    m_form->setFocus(Qt::ShortcutFocusReason);
}

void MockRpsPage::removeMockRp()
{
    const int index = currentMockRp();
    if (index < 0)
        return;
    m_app.mockRps->remove(index);
    setCurrentMockRp(qMin(index, m_app.mockRps->count() - 1));
    showCurrent(); // also when the list is empty now and no row change is signalled
}

bool MockRpsPage::applyForm()
{
    const int index = currentMockRp();
    if (index < 0)
        return false;
    const auto config = m_form->config();
    if (!config) {
        m_form->setError(config.errorString());
        return false;
    }
    if (const Status s = config->check(); !s) {
        m_form->setError(s.errorString());
        return false;
    }
    m_form->setError(QString());
    services::MockRpWorkspace *ws = m_app.mockRps;
    // Only a running mock RP can fail here (its restart).
    if (const Status s = ws->reconfigure(index, *config); !s) {
        m_form->setError(tr("The mock RP stopped: it could not restart with these settings: %1").arg(s.errorString()));
        return false;
    }
    return true;
}

void MockRpsPage::toggleRunning()
{
    const int index = currentMockRp();
    if (index < 0)
        return;
    services::MockRpWorkspace *ws = m_app.mockRps;
    if (ws->at(index)->isRunning()) {
        ws->stop(index);
        return;
    }
    if (!applyForm())
        return;
    if (const Status s = ws->start(index); !s)
        m_form->setError(tr("The mock RP did not start: %1").arg(s.errorString()));
}

void MockRpsPage::showMockRps()
{
    services::MockRpWorkspace *ws = m_app.mockRps;
    const int keep = currentMockRp();
    const QSignalBlocker block(m_list);
    while (m_list->count() > ws->count())
        delete m_list->takeItem(m_list->count() - 1);
    for (int i = 0; i < ws->count(); ++i) {
        const services::MockRpService *s = ws->at(i);
        const QString text = s->isRunning() ? tr("%1 — running at %2").arg(ws->name(i), s->url().toString())
                                            : tr("%1 — stopped").arg(ws->name(i));
        if (i >= m_list->count())
            m_list->addItem(text);
        else
            m_list->item(i)->setText(text);
        m_list->item(i)->setIcon(style()->standardIcon(s->isRunning() ? QStyle::SP_MediaPlay : QStyle::SP_MediaStop));
    }
    m_list->setCurrentRow(qMin(keep, ws->count() - 1));
    showEndpoint();
}

void MockRpsPage::showCurrent()
{
    const int index = currentMockRp();
    const bool any = index >= 0;
    m_form->setEnabled(any);
    m_apply->setEnabled(any);
    m_remove->setEnabled(any);
    m_start->setEnabled(any);
    m_demo->setMockRp(index);
    // Why it is not running, if a start failed (also one at launch).
    m_form->setError(any && !m_app.mockRps->at(index)->isRunning() ? m_app.mockRps->startError(index) : QString());
    if (any)
        m_form->setConfig(m_app.mockRps->config(index));
    showEndpoint();
}

void MockRpsPage::showEndpoint()
{
    const int index = currentMockRp();
    const services::MockRpService *s = index >= 0 ? m_app.mockRps->at(index) : nullptr;
    const bool running = s && s->isRunning();
    m_form->setEndpoint(running ? s->url() : QUrl(), running ? s->tlsFingerprint() : QString());
    m_start->setText(running ? tr("&Stop") : tr("&Start"));
    m_demo->setMockRp(index);
}

void MockRpsPage::showDetails()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    const MockRequestModel::Row &row = m_requests->at(current.row());
    if (const mockrp::RequestRecord *record = m_requests->record(current.row()))
        m_details->showRecord(row.mockRp, *record);
    else
        m_details->showUnavailable(tr("The details of the last %1 requests are kept; this one is older.")
                                       .arg(QLocale().toString(m_requests->detailCapacity())));
}

void MockRpsPage::updateCount()
{
    const QLocale l;
    QString text = tr("%1 requests").arg(l.toString(m_requests->rowCount()));
    if (m_requests->droppedCount() > 0)
        text += tr(" (%1 older ones left the list)").arg(l.toString(m_requests->droppedCount()));
    m_count->setText(text);
}

} // namespace signoff
