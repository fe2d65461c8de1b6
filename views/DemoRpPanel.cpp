#include "DemoRpPanel.h"

#include "IdpChangeWatch.h"
#include "Theme.h"
#include "idp/sandbox/SandboxConnector.h"
#include "services/ConnectorService.h"
#include "services/MockRpWorkspace.h"
#include "store/ProfileStore.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace signoff {

namespace {
enum Column
{
    ClientColumn,
    TargetColumn,
    UriColumn,
    ColumnCount
};
} // namespace

DemoRpPanel::DemoRpPanel(const AppContext &app, QWidget *parent)
    : QGroupBox(tr("Sandbox RPs"), parent)
    , m_app(app)
{
    setObjectName(QStringLiteral("demoRpPanel"));
    auto *layout = new QVBoxLayout(this);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("demoRpTable"));
    m_table->setHorizontalHeaderLabels({tr("Client"), tr("Sends to"), tr("Back-channel URI")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(ClientColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(TargetColumn, QHeaderView::ResizeToContents);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    layout->addWidget(m_table, 1);
    auto *buttons = new QHBoxLayout;
    m_point = new QPushButton(tr("Point at &mock RP"), this);
    m_point->setObjectName(QStringLiteral("demoRpPoint"));
    m_point->setToolTip(tr("The selected RP's logout tokens go to the selected mock RP (its client id is set to the "
                           "RP's, so the aud rule checks what the RP would)"));
    m_relay = new QPushButton(tr("Point at rela&y"), this);
    m_relay->setObjectName(QStringLiteral("demoRpRelay"));
    m_relay->setToolTip(tr("The selected mock RP checks each token and forwards it to the RP's own endpoint"));
    m_back = new QPushButton(tr("Point &back"), this);
    m_back->setObjectName(QStringLiteral("demoRpBack"));
    m_back->setToolTip(tr("Restore the RP's own back-channel URI"));
    m_refresh = new QPushButton(tr("Reload"), this);
    m_refresh->setObjectName(QStringLiteral("demoRpRefresh"));
    for (QPushButton *b : {m_point, m_relay, m_back, m_refresh})
        buttons->addWidget(b);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("demoRpStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    connect(m_point, &QPushButton::clicked, this, &DemoRpPanel::pointAtMockRp);
    connect(m_relay, &QPushButton::clicked, this, &DemoRpPanel::pointAtRelay);
    connect(m_back, &QPushButton::clicked, this, &DemoRpPanel::pointBack);
    connect(m_refresh, &QPushButton::clicked, this, &DemoRpPanel::refresh);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &DemoRpPanel::updateButtons);
    // Which mock RP an RP points at follows the mock RPs' state (started, stopped, moved port).
    connect(m_app.mockRps, &services::MockRpWorkspace::changed, this, &DemoRpPanel::showClients);
    watchActiveIdp(this, m_app, [this] {
        m_loadedOnce = false;
        if (isVisible())
            refresh();
    });
    updateButtons();
}

DemoRpPanel::~DemoRpPanel() = default;

void DemoRpPanel::showEvent(QShowEvent *event)
{
    QGroupBox::showEvent(event);
    if (!m_loadedOnce)
        refresh();
}

void DemoRpPanel::setMockRp(int index)
{
    m_mockRp = index;
    updateButtons();
}

QString DemoRpPanel::status() const
{
    return m_status->text();
}

void DemoRpPanel::connectToSandbox()
{
    m_editor.reset();
    m_connector.reset();
    const auto profile = m_app.profiles->find(m_app.profiles->activeProfileId());
    if (!profile || profile->kind != IdpKind::Sandbox)
        return;
    m_connector = m_app.connectors->connect(*profile);
    if (auto *sandbox = qobject_cast<SandboxConnector *>(m_connector.get()))
        m_editor = std::make_unique<SandboxClientEditor>(sandbox->http());
}

void DemoRpPanel::refresh()
{
    m_loadedOnce = true;
    connectToSandbox();
    m_clients.clear();
    showClients();
    if (!m_editor) {
        report(tr("Pointing RPs at a mock RP needs the Sandbox profile; with another IdP, set the RP's back-channel "
                  "URI to the mock RP's endpoint in the IdP's own console."),
               false);
        return;
    }
    setBusy(true);
    report(tr("Loading the sandbox's RPs…"), false);
    m_editor->clients(m_busy, [this](Result<QList<SandboxClientBcl>> r) {
        setBusy(false);
        if (!r) {
            report(r.errorString(), true);
            return;
        }
        m_clients = *r;
        showClients();
        report(QString(), false);
    });
}

void DemoRpPanel::setBusy(bool busy)
{
    // A request that is superseded goes at once (its answer is dropped); one that answered is
    // inside its own callback, so its context goes later.
    if (busy)
        delete m_busy;
    else if (m_busy)
        m_busy->deleteLater();
    m_busy = busy ? new QObject(this) : nullptr;
    updateButtons();
}

void DemoRpPanel::report(const QString &text, bool error)
{
    m_status->setText(text);
    setErrorStyle(m_status, error);
}

int DemoRpPanel::selectedClient() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void DemoRpPanel::updateButtons()
{
    const int row = selectedClient();
    const bool ready = m_editor && !m_busy && row >= 0 && row < m_clients.size();
    const bool mockRp = m_mockRp >= 0 && m_mockRp < m_app.mockRps->count();
    m_point->setEnabled(ready && mockRp);
    m_relay->setEnabled(ready && mockRp && !m_clients[row].defaultUri.isEmpty());
    m_back->setEnabled(ready && !m_clients[row].isDefault());
    m_refresh->setEnabled(!m_busy);
}

QString DemoRpPanel::target(const SandboxClientBcl &c) const
{
    if (c.uri.isEmpty())
        return c.defaultUri.isEmpty() ? tr("nothing (no URI)") : tr("nothing (URI removed)");
    const services::MockRpWorkspace *ws = m_app.mockRps;
    for (int i = 0; i < ws->count(); ++i) {
        const services::MockRpService *s = ws->at(i);
        // A stopped one is recognised by the address it is set to listen on (with a fixed port):
        // its RP's deliveries fail until it runs again.
        const bool running = s->isRunning();
        const services::MockRpConfig &config = running ? s->config() : ws->config(i);
        if ((running ? s->url() : configuredUrl(config)) != c.uri)
            continue;
        // Short: the panel is narrow; where the relay forwards to is in its form.
        const QString name =
            config.forwardUrl.isEmpty() ? tr("mock RP \"%1\"").arg(ws->name(i)) : tr("relay \"%1\"").arg(ws->name(i));
        return running ? name : tr("%1 (stopped)").arg(name);
    }
    return c.uri == c.defaultUri ? tr("its own endpoint") : tr("elsewhere (not a mock RP here)");
}

QUrl DemoRpPanel::configuredUrl(const services::MockRpConfig &config)
{
    if (config.port == 0)
        return QUrl(); // any free port: only the running one knows
    QUrl url;
    url.setScheme(config.tls == services::MockRpConfig::Tls::None ? QStringLiteral("http") : QStringLiteral("https"));
    url.setHost(config.address.toString());
    url.setPort(config.port);
    url.setPath(config.path);
    return url;
}

void DemoRpPanel::showClients()
{
    const int keep = selectedClient();
    m_table->setRowCount(int(m_clients.size()));
    for (int r = 0; r < m_clients.size(); ++r) {
        const SandboxClientBcl &c = m_clients[r];
        const QString uri = c.uri.isEmpty() ? tr("(none)") : c.uri.toString();
        const QStringList cells{c.clientId, target(c), uri};
        const QString tip =
            c.isDefault() ? tr("%1 sends to its own endpoint %2").arg(c.clientId, uri)
                          : tr("%1 sends to %2; its own: %3")
                                .arg(c.clientId, uri, c.defaultUri.isEmpty() ? tr("(none)") : c.defaultUri.toString());
        for (int col = 0; col < ColumnCount; ++col) {
            auto *item = new QTableWidgetItem(cells[col]);
            item->setToolTip(tip);
            QFont f = item->font();
            f.setBold(!c.isDefault());
            item->setFont(f);
            m_table->setItem(r, col, item);
        }
    }
    if (keep >= 0 && keep < m_clients.size())
        m_table->selectRow(keep);
    updateButtons();
}

void DemoRpPanel::apply(const SandboxClientBcl &changed)
{
    for (SandboxClientBcl &c : m_clients)
        if (c.clientId == changed.clientId)
            c = changed;
    showClients();
}

void DemoRpPanel::pointAtMockRp()
{
    point(false);
}

void DemoRpPanel::pointAtRelay()
{
    point(true);
}

void DemoRpPanel::point(bool relay)
{
    const int row = selectedClient();
    services::MockRpWorkspace *ws = m_app.mockRps;
    if (!m_editor || m_busy || row < 0 || m_mockRp < 0 || m_mockRp >= ws->count())
        return;
    const SandboxClientBcl client = m_clients[row];
    if (relay && client.defaultUri.isEmpty()) {
        report(tr("%1 has no endpoint of its own to relay to.").arg(client.clientId), true);
        return;
    }
    // The token's aud is the RP's client id, and a relay forwards to the RP's own endpoint: the
    // mock RP is set up for that RP, and (re)started when that changed anything.
    services::MockRpConfig config = ws->config(m_mockRp);
    config.validator.clientId = client.clientId;
    config.forwardUrl = relay ? client.defaultUri : QUrl();
    const services::MockRpConfig &now = ws->at(m_mockRp)->config();
    const bool restart = !ws->at(m_mockRp)->isRunning() || now.validator.clientId != config.validator.clientId ||
                         now.forwardUrl != config.forwardUrl;
    if (restart) {
        ws->setConfig(m_mockRp, config);
        if (const Status s = ws->start(m_mockRp); !s) {
            report(tr("The mock RP did not start: %1").arg(s.errorString()), true);
            return;
        }
    }
    const QUrl url = ws->at(m_mockRp)->url();
    const QString name = ws->name(m_mockRp);
    setBusy(true);
    report(tr("Pointing %1 at %2…").arg(client.clientId, url.toString()), false);
    m_editor->setBackchannel(
        client.clientId, url, std::nullopt, m_busy, [this, name, relay](Result<SandboxClientBcl> r) {
            setBusy(false);
            if (!r) {
                report(r.errorString(), true);
                return;
            }
            apply(*r);
            report(relay ? tr("%1 now sends its logout tokens to relay \"%2\", which forwards "
                              "them to %3.")
                               .arg(r->clientId, name, r->defaultUri.toString())
                         : tr("%1 now sends its logout tokens to mock RP \"%2\".").arg(r->clientId, name),
                   false);
        });
}

void DemoRpPanel::pointBack()
{
    const int row = selectedClient();
    if (!m_editor || m_busy || row < 0)
        return;
    setBusy(true);
    m_editor->pointBack(m_clients[row], m_busy, [this](Result<SandboxClientBcl> r) {
        setBusy(false);
        if (!r) {
            report(r.errorString(), true);
            return;
        }
        apply(*r);
        report(tr("%1 sends its logout tokens to %2 again.")
                   .arg(r->clientId, r->uri.isEmpty() ? tr("nowhere (it has no URI of its own)") : r->uri.toString()),
               false);
    });
}

} // namespace signoff
