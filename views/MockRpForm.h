#pragma once

#include "core/Result.h"
#include "services/MockRpService.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace signoff {

// One mock RP's settings as a form: listen address and path, what the validator checks, the
// behaviour, the relay target and TLS. config() reads the fields back (a field that does not parse
// is an error naming it); the running endpoint's URL and certificate fingerprint are shown below.
class MockRpForm : public QWidget
{
    Q_OBJECT
public:
    explicit MockRpForm(QWidget *parent = nullptr);

    void setConfig(const services::MockRpConfig &config);
    Result<services::MockRpConfig> config() const;
    // What the running endpoint uses; empty url: not running.
    void setEndpoint(const QUrl &url, const QString &tlsFingerprint);
    // An error next to the form (check(), start(), the key load); empty hides it.
    void setError(const QString &text);
    QString error() const;

private:
    void updateEnabled();
    void browse(QLineEdit *field, const QString &title);
    Result<mockrp::MockRpBehaviour> behaviour() const;

    QLineEdit *m_address;
    QSpinBox *m_port;
    QLineEdit *m_path;
    QLineEdit *m_issuer;
    QLineEdit *m_clientId;
    QComboBox *m_keySource;
    QLineEdit *m_keyUrl;
    QLineEdit *m_algorithms;
    QSpinBox *m_skew;
    QCheckBox *m_allowMissingExp;
    QCheckBox *m_requireTyp;
    QLineEdit *m_secret;
    QComboBox *m_behaviour;
    QSpinBox *m_behaviourValue;
    QLineEdit *m_forward;
    QComboBox *m_tls;
    QLineEdit *m_certFile;
    QLineEdit *m_keyFile;
    QPushButton *m_certBrowse;
    QPushButton *m_keyBrowse;
    QLabel *m_url;
    QLabel *m_fingerprint;
    QPushButton *m_copyFingerprint;
    QLabel *m_error;
};

} // namespace signoff
