#include "LogoutConfirmDialog.h"

#include "Theme.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace signoff {

LogoutConfirmDialog::LogoutConfirmDialog(const logout::LogoutPlan &plan, QSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_sessions(int(plan.sessions.size()))
    , m_needsCount(plan.needsTypedCount())
    , m_canEnd(plan.support.endsSessions && !plan.sessions.isEmpty())
{
    setObjectName(QStringLiteral("logoutConfirmDialog"));
    setWindowTitle(tr("Log out — %1").arg(plan.profile.name));
    auto *layout = new QVBoxLayout(this);
    const QLocale l;
    auto *headline =
        new QLabel(tr("<b>Log out %1 session(s) of %2 user(s)</b> — %3")
                       .arg(l.toString(m_sessions), l.toString(plan.users), plan.scope.describe().toHtmlEscaped()),
                   this);
    headline->setObjectName(QStringLiteral("logoutHeadline"));
    headline->setWordWrap(true);
    layout->addWidget(headline);

    int notified = 0;
    for (const auto &rp : plan.rps)
        notified += rp.notified ? 1 : 0;
    auto *rpLine = new QLabel(tr("%1 of %2 relying parties will be notified; the others will not, for the reasons "
                                 "below.")
                                  .arg(notified)
                                  .arg(plan.rps.size()),
                              this);
    rpLine->setWordWrap(true);
    layout->addWidget(rpLine);
    m_rps = new QTableWidget(this);
    m_rps->setObjectName(QStringLiteral("logoutRps"));
    fillRps(plan);
    layout->addWidget(m_rps, 1);

    QStringList notes = plan.notes;
    if (!plan.support.endsSessions)
        notes.prepend(plan.support.noTokensReason);
    else if (!plan.support.sendsTokens && !plan.support.noTokensReason.isEmpty())
        notes.prepend(plan.support.noTokensReason);
    if (!notes.isEmpty()) {
        auto *n = new QLabel(notes.join(QLatin1Char('\n')), this);
        n->setObjectName(QStringLiteral("logoutNotes"));
        n->setWordWrap(true);
        setErrorStyle(n, !plan.support.endsSessions || !plan.support.sendsTokens);
        layout->addWidget(n);
    }

    auto *form = new QFormLayout;
    m_concurrency = new QSpinBox(this);
    m_concurrency->setObjectName(QStringLiteral("logoutConcurrency"));
    m_concurrency->setRange(1, 64);
    m_concurrency->setValue(m_settings ? m_settings->value(concurrencyKey(), kDefaultConcurrency).toInt()
                                       : kDefaultConcurrency);
    m_concurrency->setToolTip(tr("How many sessions are ended at the same time"));
    form->addRow(tr("&Concurrency:"), m_concurrency);
    if (m_needsCount) {
        m_typedCount = new QLineEdit(this);
        m_typedCount->setObjectName(QStringLiteral("logoutTypedCount"));
        m_typedCount->setPlaceholderText(QString::number(m_sessions));
        form->addRow(tr("Type the number of sessions (%1) to confirm:").arg(m_sessions), m_typedCount);
        connect(m_typedCount, &QLineEdit::textChanged, this, &LogoutConfirmDialog::updateStartButton);
    }
    layout->addLayout(form);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto *start = m_buttons->addButton(tr("&Log out %n session(s)", nullptr, m_sessions), QDialogButtonBox::AcceptRole);
    start->setObjectName(QStringLiteral("logoutStart"));
    m_buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    updateStartButton();
    resize(720, 480);
    if (m_typedCount)
        m_typedCount->setFocus();
}

QString LogoutConfirmDialog::concurrencyKey()
{
    return QStringLiteral("logout/concurrency");
}

int LogoutConfirmDialog::concurrency() const
{
    return m_concurrency->value();
}

void LogoutConfirmDialog::fillRps(const logout::LogoutPlan &plan)
{
    m_rps->setColumnCount(4);
    m_rps->setHorizontalHeaderLabels({tr("Relying party"), tr("Sessions"), tr("Notified"), tr("Why not")});
    m_rps->setRowCount(int(plan.rps.size()));
    m_rps->verticalHeader()->hide();
    m_rps->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rps->setSelectionBehavior(QAbstractItemView::SelectRows);
    for (int i = 0; i < plan.rps.size(); ++i) {
        const auto &rp = plan.rps.at(i);
        auto *name = new QTableWidgetItem(rp.name.isEmpty() || rp.name == rp.clientId
                                              ? rp.clientId
                                              : QStringLiteral("%1 (%2)").arg(rp.clientId, rp.name));
        m_rps->setItem(i, 0, name);
        auto *count = new QTableWidgetItem(QLocale().toString(rp.sessions));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_rps->setItem(i, 1, count);
        const auto state = rp.notified ? logout::DeliveryState::Pending : logout::DeliveryState::Skipped;
        auto *notified =
            new QTableWidgetItem(deliveryStateIcon(rp.notified ? logout::DeliveryState::Delivered : state, style()),
                                 rp.notified ? tr("yes") : tr("no"));
        if (!rp.notified)
            notified->setForeground(errorTextColor(palette()));
        m_rps->setItem(i, 2, notified);
        auto *why = new QTableWidgetItem(rp.reason);
        if (!rp.findingCodes.isEmpty())
            why->setToolTip(rp.findingCodes.join(QStringLiteral(", ")));
        m_rps->setItem(i, 3, why);
    }
    m_rps->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_rps->horizontalHeader()->setStretchLastSection(true);
}

void LogoutConfirmDialog::updateStartButton()
{
    bool ok = m_canEnd;
    if (m_typedCount)
        ok = ok && m_typedCount->text().trimmed() == QString::number(m_sessions);
    m_buttons->findChild<QPushButton *>(QStringLiteral("logoutStart"))->setEnabled(ok);
}

void LogoutConfirmDialog::accept()
{
    if (!m_buttons->findChild<QPushButton *>(QStringLiteral("logoutStart"))->isEnabled())
        return; // Enter in the count field must not start a run the button would not
    if (m_settings)
        m_settings->setValue(concurrencyKey(), concurrency());
    QDialog::accept();
}

} // namespace signoff
