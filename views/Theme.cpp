#include "Theme.h"

#include <QPalette>
#include <QWidget>

namespace signoff {

QColor errorTextColor(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    // Material's error reds: the dark-theme one keeps 4.5:1 contrast on a dark window.
    return dark ? QColor(0xcf, 0x66, 0x79) : QColor(0xb0, 0x00, 0x20);
}

void setErrorStyle(QWidget *widget, bool error)
{
    QPalette p = widget->parentWidget() ? widget->parentWidget()->palette() : widget->palette();
    if (error)
        p.setColor(QPalette::WindowText, errorTextColor(p));
    widget->setPalette(p);
}

} // namespace signoff
