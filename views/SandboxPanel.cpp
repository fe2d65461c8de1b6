#include "SandboxPanel.h"

#include "Theme.h"

#include "idp/sandbox/SandboxProcess.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace signoff {

SandboxPanel::SandboxPanel(SandboxProcess *sandbox, QWidget *parent)
    : QGroupBox(tr("Sandbox IdP"), parent)
    , m_sandbox(sandbox)
{
    setObjectName(QStringLiteral("sandboxPanel"));
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("sandboxState"));
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(m_state, 1);
    m_start = new QPushButton(tr("Start"), this);
    m_start->setObjectName(QStringLiteral("sandboxStart"));
    m_stop = new QPushButton(tr("Stop"), this);
    m_stop->setObjectName(QStringLiteral("sandboxStop"));
    row->addWidget(m_start);
    row->addWidget(m_stop);
    layout->addLayout(row);
    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("sandboxLog"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(500);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setPlaceholderText(tr("The sandbox's log appears here once it starts."));
    layout->addWidget(m_log);
    for (const QString &line : sandbox->log())
        m_log->appendPlainText(line);

    connect(m_start, &QPushButton::clicked, this, &SandboxPanel::startRequested);
    connect(m_stop, &QPushButton::clicked, sandbox, &SandboxProcess::stop);
    connect(sandbox, &SandboxProcess::stateChanged, this, &SandboxPanel::refresh);
    connect(sandbox, &SandboxProcess::logLine, m_log, &QPlainTextEdit::appendPlainText);
    refresh();
}

void SandboxPanel::refresh()
{
    using S = SandboxProcess::State;
    const S s = m_sandbox->state();
    m_state->setText(m_sandbox->stateText());
    setErrorStyle(m_state, s == S::Failed);
    m_start->setEnabled(s == S::Stopped || s == S::Failed);
    // An external sandbox is not ours to stop; stopping only detaches from it.
    m_stop->setEnabled(s == S::Running || s == S::External || s == S::Starting);
    m_stop->setText(s == S::External ? tr("Detach") : tr("Stop"));
}

} // namespace signoff
