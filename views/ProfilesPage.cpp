#include "ProfilesPage.h"

#include "ProfileDialog.h"
#include "SandboxPanel.h"
#include "Theme.h"
#include "idp/IdpConnector.h"
#include "items/ProfileListModel.h"
#include "services/AppContext.h"
#include "services/ConnectorService.h"
#include "services/ProfileService.h"
#include "services/SandboxController.h"
#include "store/ProfileStore.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

namespace signoff {

ProfilesPage::ProfilesPage(const AppContext &app, QWidget *parent)
    : QWidget(parent)
    , m_app(app)
    , m_store(app.profiles)
    , m_service(app.profileService)
    , m_model(new ProfileListModel(app.profiles, this))
    , m_confirm([this](const QString &title, const QString &text) {
        return QMessageBox::question(this, title, text) == QMessageBox::Yes;
    })
{
    setObjectName(QStringLiteral("profilesPage"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("A profile says how Signoff reaches an IdP's admin API. Secrets are kept only in the "
                                "OS keychain."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("profilesTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ProfileListModel::UrlColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table, 1);

    auto *buttons = new QHBoxLayout;
    auto button = [this, buttons](const char *object, const QString &text, const QKeySequence &key) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(QString::fromLatin1(object));
        if (!key.isEmpty()) {
            b->setToolTip(
                tr("%1 (%2)").arg(text.simplified().remove(QLatin1Char('&')), key.toString(QKeySequence::NativeText)));
            auto *sc = new QShortcut(key, this);
            connect(sc, &QShortcut::activated, b, &QPushButton::click);
        }
        buttons->addWidget(b);
        return b;
    };
    m_add = button("addButton", tr("&Add…"), QKeySequence::New);
    m_edit = button("editButton", tr("&Edit…"), QKeySequence(Qt::Key_F2));
    m_duplicate = button("duplicateButton", tr("D&uplicate…"), QKeySequence(Qt::CTRL | Qt::Key_D));
    m_remove = button("removeButton", tr("&Remove"), QKeySequence::Delete);
    buttons->addStretch(1);
    m_test = button("testButton", tr("&Test connection"), QKeySequence(Qt::CTRL | Qt::Key_T));
    m_use = button("useButton", tr("&Use this profile"), QKeySequence(Qt::CTRL | Qt::Key_Return));
    layout->addLayout(buttons);

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("resultLabel"));
    m_result->setWordWrap(true);
    layout->addWidget(m_result);

    m_sandboxPanel = new SandboxPanel(app.sandbox->process(), this);
    m_sandboxPanel->hide();
    layout->addWidget(m_sandboxPanel, 1);

    connect(m_add, &QPushButton::clicked, this, &ProfilesPage::addProfile);
    connect(m_edit, &QPushButton::clicked, this, &ProfilesPage::editProfile);
    connect(m_duplicate, &QPushButton::clicked, this, &ProfilesPage::duplicateProfile);
    connect(m_remove, &QPushButton::clicked, this, &ProfilesPage::removeProfile);
    connect(m_test, &QPushButton::clicked, this, &ProfilesPage::testConnection);
    connect(m_use, &QPushButton::clicked, this, &ProfilesPage::activateProfile);
    connect(m_table, &QTableView::doubleClicked, this, &ProfilesPage::editProfile);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ProfilesPage::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ProfilesPage::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ProfilesPage::updateButtons);
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    updateButtons();
}

ProfilesPage::~ProfilesPage() = default;

QString ProfilesPage::currentId() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_model->idAt(rows.first().row());
}

void ProfilesPage::updateButtons()
{
    const auto p = m_store->find(currentId());
    m_edit->setEnabled(p.has_value());
    m_duplicate->setEnabled(p.has_value() && !p->builtin);
    m_remove->setEnabled(p.has_value() && !p->builtin);
    m_test->setEnabled(p.has_value());
    m_use->setEnabled(p.has_value());
    m_sandboxPanel->setVisible(p && p->kind == IdpKind::Sandbox);
}

void ProfilesPage::select(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_table->selectRow(row);
}

void ProfilesPage::showDialog(ProfileDialog *dialog)
{
    // open() rather than exec(): the event loop keeps running, so tests can fill the dialog
    // and the live parts of the window keep updating behind it.
    m_dialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        select(dialog->savedId());
        emit message(tr("Saved profile \"%1\".").arg(dialog->profile().name));
    });
    connect(dialog, &QObject::destroyed, this, [this] { m_dialog = nullptr; });
    dialog->open();
}

void ProfilesPage::addProfile()
{
    Profile p;
    showDialog(new ProfileDialog(ProfileDialog::Mode::Add, p, m_service, this));
}

void ProfilesPage::editProfile()
{
    const auto p = m_store->find(currentId());
    if (p)
        showDialog(new ProfileDialog(ProfileDialog::Mode::Edit, *p, m_service, this));
}

void ProfilesPage::duplicateProfile()
{
    const auto src = m_store->find(currentId());
    const auto copy = m_store->prepareCopy(currentId());
    if (!src || !copy || src->builtin)
        return;
    auto *dialog = new ProfileDialog(ProfileDialog::Mode::Add, *copy, m_service, this);
    showDialog(dialog);
    // The copy reuses the original's secret unless the user types another one.
    m_service->readSecret(src->id, dialog, [dialog](Result<QString> secret) {
        auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("secretEdit"));
        if (secret.ok() && edit && edit->text().isEmpty())
            edit->setText(secret.value());
    });
}

void ProfilesPage::removeProfile()
{
    const auto p = m_store->find(currentId());
    if (!p || p->builtin)
        return;
    if (!m_confirm(tr("Remove profile"),
                   tr("Remove the profile \"%1\" and delete its secret from the keychain?").arg(p->name)))
        return;
    const QString name = p->name;
    m_service->remove(p->id, this, [this, name](Status s) {
        setErrorStyle(m_result, !s);
        m_result->setText(s ? tr("Removed profile \"%1\".").arg(name) : s.errorString());
    });
}

void ProfilesPage::testConnection()
{
    const auto p = m_store->find(currentId());
    if (!p)
        return;
    // One test at a time; a new one (or another profile's) supersedes the one under way.
    m_testConnector = m_app.connectors->connect(*p);
    setErrorStyle(m_result, false);
    m_result->setText(tr("Testing %1…").arg(p->baseUrl.toString()));
    m_test->setEnabled(false);
    const QString name = p->name;
    m_testConnector->testConnection(m_testConnector.get(), [this, name](Result<ConnectionReport> r) {
        m_test->setEnabled(true);
        setErrorStyle(m_result, !r);
        if (!r) {
            m_result->setText(tr("\"%1\": %2").arg(name, r.errorString()));
            return;
        }
        QStringList lines{tr("Connected to %1 (%2).")
                              .arg(r->facts.issuer.isEmpty() ? name : r->facts.issuer,
                                   r->facts.version.isEmpty() ? tr("version not reported") : r->facts.version)};
        if (r->relyingParties)
            lines << tr("%n relying part(ies).", nullptr, *r->relyingParties);
        if (r->sessions)
            lines << tr("%n active session(s).", nullptr, int(qMin<qint64>(*r->sessions, INT_MAX)));
        lines << r->notes; // the connector's limitations are among them
        m_result->setText(lines.join(QLatin1Char(' ')));
    });
}

void ProfilesPage::activateProfile()
{
    const QString id = currentId();
    if (!id.isEmpty())
        emit activateRequested(id);
}

} // namespace signoff
