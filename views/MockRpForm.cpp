#include "MockRpForm.h"

#include "Theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace signoff {

namespace {
using services::MockRpConfig;
using Kind = mockrp::MockRpBehaviour::Kind;

enum KeySource
{
    Discovery,
    Jwks,
    NoKeys
};

QLineEdit *lineEdit(QWidget *parent, const char *name, const QString &placeholder = {})
{
    auto *e = new QLineEdit(parent);
    e->setObjectName(QString::fromLatin1(name));
    e->setPlaceholderText(placeholder);
    return e;
}

QHBoxLayout *row(std::initializer_list<QWidget *> widgets)
{
    auto *r = new QHBoxLayout;
    r->setContentsMargins(0, 0, 0, 0);
    for (QWidget *w : widgets)
        r->addWidget(w, w->inherits("QLineEdit") ? 1 : 0);
    return r;
}

// A row whose field is a layout: QFormLayout gives its label no buddy, so the mnemonic would show
// as a literal '&'.
void labelledRow(QFormLayout *form, const QString &text, QWidget *buddy, QLayout *field)
{
    auto *label = new QLabel(text, buddy->parentWidget());
    label->setBuddy(buddy);
    form->addRow(label, field);
}

// An http(s) URL or nothing; what names the field in the error.
Result<QUrl> optionalUrl(const QString &text, const QString &what)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return QUrl();
    const QUrl url(t, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
        url.host().isEmpty())
        return Result<QUrl>::failure(MockRpForm::tr("%1: \"%2\" is not an http or https URL").arg(what, t.left(200)));
    return url;
}
} // namespace

MockRpForm::MockRpForm(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("mockRpForm"));
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_address = lineEdit(this, "mockRpAddress", QStringLiteral("127.0.0.1"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("mockRpPort"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("any free port"));
    m_path = lineEdit(this, "mockRpPath", QString::fromLatin1(mockrp::kDefaultPath));
    labelledRow(form, tr("Listen &on:"), m_address, row({m_address, new QLabel(tr("port"), this), m_port}));
    form->addRow(tr("Pat&h:"), m_path);

    m_issuer = lineEdit(this, "mockRpIssuer", tr("the IdP's issuer, exactly as in its tokens"));
    m_clientId = lineEdit(this, "mockRpClientId", tr("the RP's client id: the token's aud"));
    form->addRow(tr("&Issuer:"), m_issuer);
    form->addRow(tr("&Client id:"), m_clientId);
    m_keySource = new QComboBox(this);
    m_keySource->setObjectName(QStringLiteral("mockRpKeySource"));
    m_keySource->addItem(tr("Discovery URL"), Discovery);
    m_keySource->addItem(tr("JWKS URI"), Jwks);
    m_keySource->addItem(tr("None (HS* only)"), NoKeys);
    m_keyUrl = lineEdit(this, "mockRpKeyUrl");
    labelledRow(form, tr("&Keys from:"), m_keySource, row({m_keySource, m_keyUrl}));
    m_algorithms = lineEdit(this, "mockRpAlgorithms", QStringLiteral("RS256, ES256"));
    QStringList algs;
    for (const jose::JwsAlg a : jose::allJwsAlgs())
        algs << jose::jwsAlgName(a);
    m_algorithms->setToolTip(tr("Accepted algorithms, comma-separated: %1").arg(algs.join(QStringLiteral(", "))));
    form->addRow(tr("Al&gorithms:"), m_algorithms);
    m_skew = new QSpinBox(this);
    m_skew->setObjectName(QStringLiteral("mockRpClockSkew"));
    m_skew->setRange(0, 86400);
    m_skew->setSuffix(tr(" s"));
    m_allowMissingExp = new QCheckBox(tr("Allow a missing e&xp"), this);
    m_allowMissingExp->setObjectName(QStringLiteral("mockRpAllowMissingExp"));
    m_requireTyp = new QCheckBox(tr("Require typ logout+jwt"), this);
    m_requireTyp->setObjectName(QStringLiteral("mockRpRequireTyp"));
    labelledRow(form, tr("Clock ske&w:"), m_skew, row({m_skew, m_allowMissingExp, m_requireTyp}));
    m_secret = lineEdit(this, "mockRpSecret", tr("only for HS256/384/512; kept in memory, never saved"));
    m_secret->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Client s&ecret:"), m_secret);

    m_behaviour = new QComboBox(this);
    m_behaviour->setObjectName(QStringLiteral("mockRpBehaviour"));
    m_behaviour->addItem(tr("Answer as the rules say (ok)"), int(Kind::Ok));
    m_behaviour->addItem(tr("Answer with status"), int(Kind::Status));
    m_behaviour->addItem(tr("Delay the answer (ms)"), int(Kind::Delay));
    m_behaviour->addItem(tr("Drop the connection"), int(Kind::Drop));
    m_behaviour->addItem(tr("Flaky: fail this % of requests"), int(Kind::Flaky));
    m_behaviourValue = new QSpinBox(this);
    m_behaviourValue->setObjectName(QStringLiteral("mockRpBehaviourValue"));
    m_behaviourValue->setRange(0, 600000);
    labelledRow(form, tr("Beha&viour:"), m_behaviour, row({m_behaviour, m_behaviourValue}));
    m_forward = lineEdit(this, "mockRpForward", tr("relay: forward every token to this URL (optional)"));
    form->addRow(tr("&Relay to:"), m_forward);

    m_tls = new QComboBox(this);
    m_tls->setObjectName(QStringLiteral("mockRpTls"));
    m_tls->addItem(tr("HTTP (no TLS)"), int(MockRpConfig::Tls::None));
    m_tls->addItem(tr("HTTPS, self-signed certificate"), int(MockRpConfig::Tls::SelfSigned));
    m_tls->addItem(tr("HTTPS, certificate and key files"), int(MockRpConfig::Tls::Files));
    form->addRow(tr("&TLS:"), m_tls);
    m_certFile = lineEdit(this, "mockRpCertFile", tr("certificate (PEM)"));
    m_keyFile = lineEdit(this, "mockRpKeyFile", tr("private key (PEM)"));
    m_certBrowse = new QPushButton(tr("…"), this);
    m_keyBrowse = new QPushButton(tr("…"), this);
    form->addRow(QString(), row({m_certFile, m_certBrowse, m_keyFile, m_keyBrowse}));

    m_url = new QLabel(this);
    m_url->setObjectName(QStringLiteral("mockRpUrl"));
    m_url->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Endpoint:"), m_url);
    m_fingerprint = new QLabel(this);
    m_fingerprint->setObjectName(QStringLiteral("mockRpFingerprint"));
    m_fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fingerprint->setWordWrap(true);
    m_copyFingerprint = new QPushButton(tr("Copy"), this);
    m_copyFingerprint->setObjectName(QStringLiteral("mockRpCopyFingerprint"));
    m_copyFingerprint->setToolTip(tr("Copy the certificate's SHA-256 fingerprint"));
    form->addRow(tr("SHA-256:"), row({m_fingerprint, m_copyFingerprint}));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("mockRpError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setErrorStyle(m_error, true);
    m_error->hide();
    form->addRow(m_error);

    connect(m_keySource, &QComboBox::currentIndexChanged, this, &MockRpForm::updateEnabled);
    connect(m_behaviour, &QComboBox::currentIndexChanged, this, &MockRpForm::updateEnabled);
    connect(m_tls, &QComboBox::currentIndexChanged, this, &MockRpForm::updateEnabled);
    connect(m_certBrowse, &QPushButton::clicked, this, [this] { browse(m_certFile, tr("Certificate (PEM)")); });
    connect(m_keyBrowse, &QPushButton::clicked, this, [this] { browse(m_keyFile, tr("Private key (PEM)")); });
    connect(m_copyFingerprint, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_fingerprint->text()); });
    setEndpoint({}, {});
    updateEnabled();
}

void MockRpForm::browse(QLineEdit *field, const QString &title)
{
    const QString file =
        QFileDialog::getOpenFileName(this, title, field->text(), tr("PEM files (*.pem *.crt *.key);;All files (*)"));
    if (!file.isEmpty())
        field->setText(file);
}

void MockRpForm::updateEnabled()
{
    m_keyUrl->setEnabled(m_keySource->currentData().toInt() != NoKeys);
    m_keyUrl->setPlaceholderText(m_keySource->currentData().toInt() == Jwks
                                     ? tr("https://idp.example/jwks")
                                     : tr("https://idp.example/.well-known/openid-configuration"));
    // The value's range follows the behaviour, so the spin box cannot hold what parse() refuses.
    const auto kind = Kind(m_behaviour->currentData().toInt());
    m_behaviourValue->setEnabled(kind == Kind::Status || kind == Kind::Delay || kind == Kind::Flaky);
    if (kind == Kind::Status)
        m_behaviourValue->setRange(200, 599);
    else if (kind == Kind::Flaky)
        m_behaviourValue->setRange(0, 100);
    else
        m_behaviourValue->setRange(0, 600000);
    const bool files = m_tls->currentData().toInt() == int(MockRpConfig::Tls::Files);
    for (QWidget *w : {static_cast<QWidget *>(m_certFile), static_cast<QWidget *>(m_keyFile),
                       static_cast<QWidget *>(m_certBrowse), static_cast<QWidget *>(m_keyBrowse)})
        w->setEnabled(files);
}

void MockRpForm::setConfig(const MockRpConfig &c)
{
    m_address->setText(c.address.toString());
    m_port->setValue(c.port);
    m_path->setText(c.path);
    m_issuer->setText(c.validator.issuer);
    m_clientId->setText(c.validator.clientId);
    const KeySource source = !c.discoveryUrl.isEmpty() ? Discovery : !c.jwksUri.isEmpty() ? Jwks : NoKeys;
    m_keySource->setCurrentIndex(m_keySource->findData(source));
    m_keyUrl->setText((source == Discovery ? c.discoveryUrl : c.jwksUri).toString());
    QStringList algs;
    for (const jose::JwsAlg a : c.validator.algorithms)
        algs << jose::jwsAlgName(a);
    m_algorithms->setText(algs.join(QStringLiteral(", ")));
    m_skew->setValue(int(c.validator.clockSkewSecs));
    m_allowMissingExp->setChecked(c.validator.allowMissingExp);
    m_requireTyp->setChecked(c.validator.requireTyp);
    m_secret->setText(QString::fromUtf8(c.validator.clientSecret));
    m_behaviour->setCurrentIndex(m_behaviour->findData(int(c.behaviour.kind)));
    m_behaviourValue->setValue(c.behaviour.value);
    m_forward->setText(c.forwardUrl.toString());
    m_tls->setCurrentIndex(m_tls->findData(int(c.tls)));
    m_certFile->setText(c.tlsCertFile);
    m_keyFile->setText(c.tlsKeyFile);
    updateEnabled();
}

Result<mockrp::MockRpBehaviour> MockRpForm::behaviour() const
{
    mockrp::MockRpBehaviour b;
    b.kind = Kind(m_behaviour->currentData().toInt());
    if (m_behaviourValue->isEnabled())
        b.value = m_behaviourValue->value();
    // Through parse(), so the form accepts exactly what `signoffctl mock-rp --behaviour` does.
    const auto parsed = mockrp::MockRpBehaviour::parse(b.toString());
    if (!parsed)
        return Result<mockrp::MockRpBehaviour>::failure(tr("Behaviour: %1").arg(parsed.errorString()));
    return parsed;
}

Result<MockRpConfig> MockRpForm::config() const
{
    using R = Result<MockRpConfig>;
    MockRpConfig c;
    const QString address = m_address->text().trimmed();
    c.address = QHostAddress(address.isEmpty() ? QStringLiteral("127.0.0.1") : address);
    if (c.address.isNull())
        return R::failure(tr("Listen on: \"%1\" is not an IP address").arg(address.left(100)));
    c.port = quint16(m_port->value());
    c.path = m_path->text().trimmed().isEmpty() ? QString::fromLatin1(mockrp::kDefaultPath) : m_path->text().trimmed();
    c.validator.issuer = m_issuer->text().trimmed();
    c.validator.clientId = m_clientId->text().trimmed();
    const auto keyUrl = optionalUrl(m_keyUrl->text(), m_keySource->currentText());
    if (!keyUrl && m_keySource->currentData().toInt() != NoKeys)
        return keyUrl.error();
    if (m_keySource->currentData().toInt() == Discovery)
        c.discoveryUrl = *keyUrl;
    else if (m_keySource->currentData().toInt() == Jwks)
        c.jwksUri = *keyUrl;
    c.validator.algorithms.clear();
    for (const QString &name : m_algorithms->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto alg = jose::jwsAlgFromName(name.trimmed());
        if (!alg)
            return R::failure(tr("Algorithms: \"%1\" is not a JWS algorithm (%2)")
                                  .arg(name.trimmed().left(40), m_algorithms->toolTip()));
        if (!c.validator.algorithms.contains(*alg))
            c.validator.algorithms << *alg;
    }
    c.validator.clockSkewSecs = m_skew->value();
    c.validator.allowMissingExp = m_allowMissingExp->isChecked();
    c.validator.requireTyp = m_requireTyp->isChecked();
    c.validator.clientSecret = m_secret->text().toUtf8();
    const auto b = behaviour();
    if (!b)
        return b.error();
    c.behaviour = *b;
    const auto forward = optionalUrl(m_forward->text(), tr("Relay to"));
    if (!forward)
        return forward.error();
    c.forwardUrl = *forward;
    c.tls = MockRpConfig::Tls(m_tls->currentData().toInt());
    c.tlsCertFile = m_certFile->text().trimmed();
    c.tlsKeyFile = m_keyFile->text().trimmed();
    return c;
}

void MockRpForm::setEndpoint(const QUrl &url, const QString &tlsFingerprint)
{
    m_url->setText(url.isEmpty() ? tr("not running") : url.toString());
    m_fingerprint->setText(tlsFingerprint.isEmpty() ? tr("(no TLS)") : tlsFingerprint);
    m_copyFingerprint->setEnabled(!tlsFingerprint.isEmpty());
}

void MockRpForm::setError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

QString MockRpForm::error() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

} // namespace signoff
