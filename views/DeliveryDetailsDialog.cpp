#include "DeliveryDetailsDialog.h"

#include "jose/Base64Url.h"

#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace signoff {

namespace {
QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString pre(const QJsonObject &o)
{
    return QStringLiteral("<pre>%1</pre>")
        .arg(esc(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented))));
}

// The token's header and claims as a source received them; from the verdicts' copy when the
// token itself was not kept.
std::pair<QJsonObject, QJsonObject> decodedToken(const logout::Delivery &d)
{
    const QList<QByteArray> parts = d.logoutToken.split('.');
    if (parts.size() == 3) {
        auto part = [](const QByteArray &b64) {
            const auto raw = jose::base64UrlDecode(b64);
            return raw ? QJsonDocument::fromJson(*raw).object() : QJsonObject();
        };
        const QJsonObject header = part(parts.at(0)), claims = part(parts.at(1));
        if (!header.isEmpty() || !claims.isEmpty())
            return {header, claims};
    }
    return {d.validation.value(QStringLiteral("header")).toObject(),
            d.validation.value(QStringLiteral("claims")).toObject()};
}

QString verdictTable(const QJsonObject &validation)
{
    const QJsonArray verdicts = validation.value(QStringLiteral("verdicts")).toArray();
    if (verdicts.isEmpty())
        return {};
    QString html = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr><th>%1</th><th>%2</th>"
                                  "<th>%3</th></tr>")
                       .arg(DeliveryDetailsDialog::tr("Rule"), DeliveryDetailsDialog::tr("Result"),
                            DeliveryDetailsDialog::tr("Why"));
    for (const QJsonValue &v : verdicts) {
        const QJsonObject o = v.toObject();
        const QString result = o.value(QStringLiteral("result")).toString();
        const QString shown =
            result == QLatin1String("fail") ? QStringLiteral("<b>%1</b>").arg(esc(result)) : esc(result);
        html += QStringLiteral("<tr><td><code>%1</code></td><td>%2</td><td>%3</td></tr>")
                    .arg(esc(o.value(QStringLiteral("rule")).toString()), shown,
                         esc(o.value(QStringLiteral("message")).toString()));
    }
    return html + QStringLiteral("</table>");
}
} // namespace

DeliveryDetailsDialog::DeliveryDetailsDialog(QWidget *parent)
    : QDialog(parent)
    , m_view(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("deliveryDetailsDialog"));
    setWindowTitle(tr("Delivery details"));
    m_view->setObjectName(QStringLiteral("deliveryDetails"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(720, 640);
}

void DeliveryDetailsDialog::setDelivery(const logout::Delivery &delivery)
{
    m_view->setHtml(html(delivery));
}

QString DeliveryDetailsDialog::text() const
{
    return m_view->toPlainText();
}

QString DeliveryDetailsDialog::html(const logout::Delivery &d)
{
    const QLocale l;
    QString html =
        QStringLiteral("<h3>%1 → %2</h3>").arg(esc(d.userName.isEmpty() ? d.userId : d.userName), esc(d.clientId));
    html += QStringLiteral("<p>%1<br/>%2<br/>%3<br/>%4</p>")
                .arg(tr("State: <b>%1</b> (decided by %2)")
                         .arg(esc(logout::deliveryStateLabel(d.state)), logout::outcomeSourceId(d.source)),
                     tr("HTTP status: %1, latency: %2")
                         .arg(d.httpStatus ? QString::number(*d.httpStatus) : tr("none"),
                              d.latencyMs ? tr("%1 ms").arg(l.toString(*d.latencyMs, 'f', 1)) : tr("none")),
                     tr("Session %1, user id %2, sid %3")
                         .arg(esc(d.sessionId), esc(d.userId), d.sid.isEmpty() ? tr("unknown") : esc(d.sid)),
                     tr("Run %1; reported by: %2")
                         .arg(esc(d.runId),
                              esc(d.sources.isEmpty() ? tr("nobody yet") : d.sources.join(QStringLiteral(", ")))));
    if (!d.error.isEmpty())
        html += QStringLiteral("<h4>%1</h4><p>%2</p>").arg(tr("Error or reason"), esc(d.error));
    const auto [header, claims] = decodedToken(d);
    if (header.isEmpty() && claims.isEmpty()) {
        html += QStringLiteral("<h4>%1</h4><p>%2</p>")
                    .arg(tr("Logout token"),
                         tr("No source saw the token: point the RP's back-channel URI at a mock RP or the relay to "
                            "see it."));
    } else {
        html += QStringLiteral("<h4>%1</h4>%2<h4>%3</h4>%4")
                    .arg(tr("Logout token header"), pre(header), tr("Logout token claims"), pre(claims));
        if (!d.tokenJti.isEmpty())
            html += QStringLiteral("<p>%1</p>").arg(tr("jti: %1").arg(esc(d.tokenJti)));
    }
    if (!d.validation.isEmpty()) {
        const bool valid = d.validation.value(QStringLiteral("valid")).toBool();
        html += QStringLiteral("<h4>%1</h4><p>%2</p>%3")
                    .arg(tr("Validation"),
                         valid ? tr("The token passed every rule.") : tr("The token failed at least one rule."),
                         verdictTable(d.validation));
    }
    return html;
}

} // namespace signoff
