#include "MockRequestDetails.h"

#include "mockrp/RequestRecord.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace signoff {

namespace {
QString pre(const QJsonObject &o)
{
    return QStringLiteral("<pre>%1</pre>")
        .arg(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)).toHtmlEscaped());
}

QString verdictTable(const jose::ValidationReport &report)
{
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\" border=\"1\"><tr><th>%1</th><th>%2</th>"
                                  "<th>%3</th><th>%4</th></tr>")
                       .arg(MockRequestDetails::tr("Rule"), MockRequestDetails::tr("Result"),
                            MockRequestDetails::tr("Reason"), MockRequestDetails::tr("Message"));
    for (const jose::Verdict &v : report.verdicts) {
        const QString level = jose::verdictLevelId(v.level);
        const QString result = v.level == jose::VerdictLevel::Fail ? QStringLiteral("<b>%1</b>").arg(level) : level;
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                    .arg(QString(jose::ruleId(v.rule)), result, QString(v.reason).toHtmlEscaped(),
                         v.message.toHtmlEscaped());
    }
    return html + QStringLiteral("</table>");
}
} // namespace

MockRequestDetails::MockRequestDetails(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("mockRequestDetails"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_details = new QTextBrowser(this);
    m_details->setObjectName(QStringLiteral("mockRequestText"));
    m_details->setPlaceholderText(tr("Select a request to see its token, claims and every rule's verdict."));
    layout->addWidget(m_details, 1);
    auto *tokenRow = new QHBoxLayout;
    auto *label = new QLabel(tr("Raw token:"), this);
    m_token = new QPlainTextEdit(this);
    m_token->setObjectName(QStringLiteral("mockRequestToken"));
    m_token->setReadOnly(true);
    m_token->setMaximumHeight(m_token->fontMetrics().height() * 4);
    label->setBuddy(m_token);
    m_copy = new QPushButton(tr("Copy token"), this);
    m_copy->setObjectName(QStringLiteral("mockRequestCopyToken"));
    tokenRow->addWidget(label);
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_copy);
    layout->addLayout(tokenRow);
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(token()); });
    clear();
}

void MockRequestDetails::clear()
{
    m_details->clear();
    m_token->clear();
    m_copy->setEnabled(false);
}

void MockRequestDetails::showUnavailable(const QString &why)
{
    clear();
    m_details->setPlainText(why);
}

void MockRequestDetails::showRecord(const QString &mockRp, const mockrp::RequestRecord &r)
{
    QString html = QStringLiteral("<p><b>%1</b> — %2 %3 %4<br/>%5</p>")
                       .arg(mockRp.toHtmlEscaped(), QString::fromLatin1(r.method).toHtmlEscaped(),
                            QString::fromLatin1(r.target).toHtmlEscaped(), r.peer.toHtmlEscaped(),
                            tr("answered %1 after %2 ms (rules alone: %3; behaviour %4)")
                                .arg(r.dropped ? tr("nothing (dropped)") : QString::number(r.status))
                                .arg(r.latencyMs)
                                .arg(r.verdictStatus)
                                .arg(r.behaviour.toHtmlEscaped()));
    if (!r.requestError.isEmpty())
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("Refused before any token was read: %1").arg(r.requestError.toHtmlEscaped()));
    if (r.tokenSeen) {
        html += QStringLiteral("<p><b>%1</b></p>")
                    .arg(r.report.valid
                             ? tr("The logout token is valid.")
                             : tr("The logout token is invalid: %1").arg(r.report.errorDescription().toHtmlEscaped()));
        html += QStringLiteral("<h4>%1</h4>").arg(tr("Verdicts")) + verdictTable(r.report);
        html += QStringLiteral("<h4>%1</h4>").arg(tr("Header")) + pre(r.report.header());
        html += QStringLiteral("<h4>%1</h4>").arg(tr("Claims")) + pre(r.report.claims());
        if (!r.report.keyUsed.isEmpty())
            html += QStringLiteral("<p>%1</p>").arg(tr("Verified with key %1").arg(r.report.keyUsed.toHtmlEscaped()));
    }
    if (r.relay) {
        const QString outcome = r.relay->status == 0
                                    ? tr("no answer: %1").arg(r.relay->error)
                                    : tr("%1 after %2 ms").arg(r.relay->status).arg(r.relay->latencyMs);
        html += QStringLiteral("<h4>%1</h4><p>%2<br/>%3</p>")
                    .arg(tr("Relay"), r.relay->url.toString().toHtmlEscaped(), outcome.toHtmlEscaped());
    }
    m_details->setHtml(html);
    // Latin-1: byte for byte what was sent (a compact JWS is ASCII).
    m_token->setPlainText(QString::fromLatin1(r.logoutToken));
    m_copy->setEnabled(r.tokenSeen);
}

QString MockRequestDetails::text() const
{
    return m_details->toPlainText();
}

QString MockRequestDetails::token() const
{
    return m_token->toPlainText();
}

} // namespace signoff
