#include "AboutDialog.h"

#include "core/Version.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

namespace signoff {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Signoff"));
    setObjectName(QStringLiteral("aboutDialog"));
    const Versions v = versions();
    auto *layout = new QVBoxLayout(this);
    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/signoff.png")).pixmap(64, 64));
    layout->addWidget(icon, 0, Qt::AlignHCenter);
    auto *text = new QLabel(this);
    text->setObjectName(QStringLiteral("aboutText"));
    text->setTextFormat(Qt::RichText);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->setText(tr("<h2>Signoff %1</h2>"
                     "<p>A console for OpenID Connect back-channel logout: who is signed in where, "
                     "force sign-outs, and whether every relying party was told.</p>"
                     "<table>"
                     "<tr><td>Qt</td><td>%2 (built with %3)</td></tr>"
                     "<tr><td>OpenSSL</td><td>%4</td></tr>"
                     "<tr><td>QtKeychain</td><td>%5</td></tr>"
                     "</table>")
                      .arg(v.signoff, v.qtRuntime, v.qtBuild, v.openssl.toHtmlEscaped(), v.qtkeychain));
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace signoff
