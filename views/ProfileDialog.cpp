#include "ProfileDialog.h"

#include "Theme.h"
#include "services/ProfileService.h"
#include "store/ProfileStore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

namespace signoff {

ProfileDialog::ProfileDialog(Mode mode, const Profile &profile, ProfileService *service, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_original(profile)
    , m_service(service)
{
    setObjectName(QStringLiteral("profileDialog"));
    setWindowTitle(mode == Mode::Add ? tr("Add profile") : tr("Edit profile \"%1\"").arg(profile.name));
    setMinimumWidth(520);
    auto *form = new QFormLayout(this);

    auto line = [this](const char *object, const QString &text) {
        auto *e = new QLineEdit(text, this);
        e->setObjectName(QString::fromLatin1(object));
        return e;
    };
    m_name = line("nameEdit", profile.name);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kindCombo"));
    for (IdpKind k : {IdpKind::Keycloak, IdpKind::Logto, IdpKind::Hydra, IdpKind::Sandbox})
        m_kind->addItem(idpKindLabel(k), idpKindId(k));
    m_kind->setCurrentIndex(m_kind->findData(idpKindId(profile.kind)));
    m_kind->setEnabled(!profile.builtin);
    m_url = line("urlEdit", profile.baseUrl.toString());
    m_url->setPlaceholderText(QStringLiteral("https://idp.example.com"));
    m_realm = line("realmEdit", profile.realm);
    m_auth = new QComboBox(this);
    m_auth->setObjectName(QStringLiteral("authCombo"));
    m_auth->addItem(authMethodLabel(AuthMethod::ClientCredentials), authMethodId(AuthMethod::ClientCredentials));
    m_auth->addItem(authMethodLabel(AuthMethod::Password), authMethodId(AuthMethod::Password));
    m_auth->setCurrentIndex(profile.authMethod == AuthMethod::Password ? 1 : 0);
    m_clientId = line("clientIdEdit", profile.clientId);
    m_username = line("usernameEdit", profile.username);
    m_secret = line("secretEdit", QString());
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(mode == Mode::Edit ? tr("Leave empty to keep the secret in the keychain")
                                                    : tr("Stored only in the OS keychain"));
    m_caFile = line("caFileEdit", profile.caFile);
    m_pin = line("pinEdit", profile.pinnedSha256);
    m_pin->setPlaceholderText(tr("optional: SHA-256 of the server certificate"));

    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile);
    auto *browse = new QToolButton(this);
    browse->setText(tr("Browse…"));
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Extra CA certificates"), QString(),
                                                       tr("PEM certificates (*.pem *.crt);;All files (*)"));
        if (!f.isEmpty())
            m_caFile->setText(f);
    });
    caRow->addWidget(browse);

    m_realmLabel = new QLabel(tr("&Realm:"), this);
    m_realmLabel->setBuddy(m_realm);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&IdP:"), m_kind);
    form->addRow(tr("Base &URL:"), m_url);
    form->addRow(m_realmLabel, m_realm);
    form->addRow(tr("Admin &auth:"), m_auth);
    form->addRow(tr("&Client id:"), m_clientId);
    form->addRow(tr("&Username:"), m_username);
    form->addRow(tr("&Secret:"), m_secret);
    form->addRow(tr("Extra &CA file:"), caRow);
    form->addRow(tr("&Pinned SHA-256:"), m_pin);

    m_errors = new QLabel(this);
    m_errors->setObjectName(QStringLiteral("errorLabel"));
    m_errors->setWordWrap(true);
    setErrorStyle(m_errors, true);
    m_errors->hide();
    form->addRow(m_errors);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(m_buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ProfileDialog::onKindChanged);
    connect(m_auth, &QComboBox::currentIndexChanged, this, &ProfileDialog::onKindChanged);
    onKindChanged();
}

Profile ProfileDialog::profile() const
{
    Profile p = m_original;
    p.name = m_name->text().trimmed();
    parseIdpKind(m_kind->currentData().toString(), &p.kind);
    p.baseUrl = QUrl(m_url->text().trimmed(), QUrl::StrictMode);
    p.realm = m_realm->text().trimmed();
    parseAuthMethod(m_auth->currentData().toString(), &p.authMethod);
    p.clientId = m_clientId->text().trimmed();
    p.username = m_username->text().trimmed();
    p.caFile = m_caFile->text().trimmed();
    p.pinnedSha256 = m_pin->text().trimmed();
    return p;
}

void ProfileDialog::onKindChanged()
{
    IdpKind kind = IdpKind::Keycloak;
    parseIdpKind(m_kind->currentData().toString(), &kind);
    const bool password = m_auth->currentData().toString() == QLatin1String("password");
    m_realmLabel->setText(kind == IdpKind::Logto ? tr("&Tenant:") : tr("&Realm:"));
    m_realm->setEnabled(kind == IdpKind::Keycloak || kind == IdpKind::Logto);
    m_realm->setPlaceholderText(kind == IdpKind::Keycloak ? QStringLiteral("master")
                                : kind == IdpKind::Logto  ? tr("default (self-hosted)")
                                                          : QString());
    m_username->setEnabled(password);
    if (kind == IdpKind::Sandbox && m_url->text().isEmpty())
        m_url->setText(QStringLiteral("http://127.0.0.1:%1").arg(kSandboxDefaultPort));
}

void ProfileDialog::showIssues(const QStringList &messages, const QString &firstField)
{
    m_errors->setText(messages.join(QLatin1Char('\n')));
    m_errors->setVisible(!messages.isEmpty());
    const QHash<QString, QWidget *> fields{
        {QStringLiteral("name"), m_name},         {QStringLiteral("baseUrl"), m_url},
        {QStringLiteral("realm"), m_realm},       {QStringLiteral("clientId"), m_clientId},
        {QStringLiteral("username"), m_username}, {QStringLiteral("secret"), m_secret},
        {QStringLiteral("caFile"), m_caFile},     {QStringLiteral("pinnedSha256"), m_pin},
        {QStringLiteral("authMethod"), m_auth}};
    if (QWidget *w = fields.value(firstField))
        w->setFocus();
}

void ProfileDialog::setBusy(bool busy, const QString &text)
{
    m_buttons->setEnabled(!busy);
    setErrorStyle(m_errors, !busy);
    if (busy) {
        m_errors->setText(text);
        m_errors->show();
    }
}

void ProfileDialog::submit()
{
    ProfileService::SaveRequest request{profile(), m_secret->text(), m_mode == Mode::Add, false};
    if (const auto issues = m_service->validate(request); !issues.isEmpty()) {
        showIssues(issueMessages(issues), issues.first().field);
        return;
    }
    setBusy(true, request.secret.isEmpty() ? tr("Saving…") : tr("Saving the secret in the keychain…"));
    m_service->save(request, this, [this](ProfileService::SaveOutcome out) {
        setBusy(false);
        if (!out.saved) {
            showIssues(issueMessages(out.issues), out.issues.value(0).field);
            return;
        }
        m_savedId = out.saved->id;
        m_secret->clear();
        accept();
    });
}

} // namespace signoff
