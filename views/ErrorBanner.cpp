#include "ErrorBanner.h"

#include "Theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace signoff {

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("errorBanner"));
    setFrameShape(QFrame::StyledPanel);
    auto *row = new QHBoxLayout(this);
    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(20, 20));
    row->addWidget(icon);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("errorText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setErrorStyle(m_text, true);
    row->addWidget(m_text, 1);
    m_retry = new QPushButton(tr("&Retry"), this);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    row->addWidget(m_retry);
    connect(m_retry, &QPushButton::clicked, this, &ErrorBanner::retryRequested);
    hide();
}

void ErrorBanner::showError(const QString &text)
{
    m_text->setText(text);
    show();
}

QString ErrorBanner::text() const
{
    return isVisible() ? m_text->text() : QString();
}

} // namespace signoff
