#include "EmptyStatePage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace signoff {

EmptyStatePage::EmptyStatePage(const QString &title, const QString &explanation, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    auto *heading = new QLabel(title, this);
    QFont f = heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.5);
    f.setBold(true);
    heading->setFont(f);
    heading->setAlignment(Qt::AlignCenter);
    auto *text = new QLabel(explanation, this);
    text->setObjectName(QStringLiteral("emptyStateText"));
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    text->setFixedWidth(520); // a word-wrapped label squeezed by an alignment flag would clip its text
    // A hidden stacked page gets no height-for-width pass, so reserve the wrapped height up front.
    text->setMinimumHeight(text->heightForWidth(text->width()));
    layout->addWidget(heading);
    layout->addWidget(text, 0, Qt::AlignHCenter);
    layout->addStretch(2);
}

} // namespace signoff
