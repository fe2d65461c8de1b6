#pragma once

#include "idp/sandbox/SandboxClientEditor.h"
#include "services/AppContext.h"
#include "services/MockRpService.h"

#include <QGroupBox>

#include <memory>

class QLabel;
class QPushButton;
class QTableWidget;

namespace signoff {

class IdpConnector;

// For the sandbox profile: which demo RP sends its logout tokens where, and one click to point
// one at the selected local mock RP (or at it as a relay to the RP's own endpoint) and back.
class DemoRpPanel : public QGroupBox
{
    Q_OBJECT
public:
    explicit DemoRpPanel(const AppContext &app, QWidget *parent = nullptr);
    ~DemoRpPanel() override;

    void setMockRp(int index); // the page's selection; -1: none
    const QList<SandboxClientBcl> &clients() const { return m_clients; }
    bool isBusy() const { return m_busy != nullptr; }
    QString status() const;

public slots:
    void refresh();
    void pointAtMockRp();
    void pointAtRelay();
    void pointBack();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void connectToSandbox();
    void point(bool relay);
    void setBusy(bool busy);
    void report(const QString &text, bool error);
    void apply(const SandboxClientBcl &changed);
    void showClients();
    int selectedClient() const;
    QString target(const SandboxClientBcl &client) const;
    static QUrl configuredUrl(const services::MockRpConfig &config);
    void updateButtons();

    AppContext m_app;
    std::unique_ptr<IdpConnector> m_connector;
    std::unique_ptr<SandboxClientEditor> m_editor;
    QList<SandboxClientBcl> m_clients;
    int m_mockRp = -1;
    bool m_loadedOnce = false;
    QObject *m_busy = nullptr; // the request in flight's context: deleting it drops the answer
    QTableWidget *m_table;
    QPushButton *m_point;
    QPushButton *m_relay;
    QPushButton *m_back;
    QPushButton *m_refresh;
    QLabel *m_status;
};

} // namespace signoff
