#pragma once

#include <QGroupBox>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace signoff {

class SandboxProcess;

// State, start/stop and the live log of the embedded sandbox IdP.
class SandboxPanel : public QGroupBox
{
    Q_OBJECT
public:
    SandboxPanel(SandboxProcess *sandbox, QWidget *parent = nullptr);

signals:
    void startRequested();

private:
    void refresh();

    SandboxProcess *m_sandbox;
    QLabel *m_state;
    QPushButton *m_start;
    QPushButton *m_stop;
    QPlainTextEdit *m_log;
};

} // namespace signoff
