#include "Theme.h"

#include "logout/LogoutTypes.h"

#include <QApplication>
#include <QIcon>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QWidget>

#include <cmath>

namespace signoff {

QColor errorTextColor(const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Window);
    const bool dark = window.lightness() < 128;
    // A red that reads as an error, moved towards white (dark windows) or black (light ones) until it
    // has WCAG AA contrast (4.5:1) on this window, whatever the theme's exact greys are.
    QColor c = dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20);
    for (int i = 0; i < 20 && contrastRatio(c, window) < 4.5; ++i)
        c = dark ? c.lighter(110) : c.darker(115);
    return c;
}

namespace {
// Moves a colour towards white (dark backgrounds) or black (light ones) until it has WCAG AA
// contrast (4.5:1) on that background, whatever the theme's exact greys are.
QColor readableOn(QColor c, const QColor &background)
{
    const bool dark = background.lightness() < 128;
    for (int i = 0; i < 20 && contrastRatio(c, background) < 4.5; ++i)
        c = dark ? c.lighter(110) : c.darker(115);
    return c;
}
} // namespace

QColor deliveryStateColor(logout::DeliveryState state, const QPalette &palette)
{
    using logout::DeliveryState;
    const QColor base = palette.color(QPalette::Base);
    const bool dark = base.lightness() < 128;
    switch (state) {
    case DeliveryState::Delivered:
        return readableOn(dark ? QColor(0x81, 0xc9, 0x95) : QColor(0x1b, 0x7f, 0x3b), base);
    case DeliveryState::Failed:
    case DeliveryState::TimedOut: {
        QPalette onBase = palette;
        onBase.setColor(QPalette::Window, base);
        return errorTextColor(onBase);
    }
    case DeliveryState::Unconfirmed:
        return readableOn(dark ? QColor(0xff, 0xc1, 0x07) : QColor(0x9a, 0x5b, 0x00), base);
    case DeliveryState::Skipped:
        return readableOn(palette.color(QPalette::PlaceholderText), base);
    case DeliveryState::Pending:
        break;
    }
    return palette.color(QPalette::Text);
}

QIcon deliveryStateIcon(logout::DeliveryState state, const QStyle *style)
{
    using logout::DeliveryState;
    switch (state) {
    case DeliveryState::Delivered:
        return style->standardIcon(QStyle::SP_DialogApplyButton);
    case DeliveryState::Failed:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case DeliveryState::TimedOut:
        return style->standardIcon(QStyle::SP_BrowserStop);
    case DeliveryState::Unconfirmed:
        return style->standardIcon(QStyle::SP_MessageBoxQuestion);
    case DeliveryState::Skipped:
        return style->standardIcon(QStyle::SP_MediaSkipForward);
    case DeliveryState::Pending:
        break;
    }
    return style->standardIcon(QStyle::SP_BrowserReload);
}

void setErrorStyle(QWidget *widget, bool error)
{
    QPalette p = widget->parentWidget() ? widget->parentWidget()->palette() : widget->palette();
    if (error)
        p.setColor(QPalette::WindowText, errorTextColor(p));
    widget->setPalette(p);
}

QString appearanceKey()
{
    return QStringLiteral("ui/appearance");
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2b), base(0x1e, 0x1e, 0x1e), text(0xe8, 0xe8, 0xe8);
    const QColor disabled(0x80, 0x80, 0x80), highlight(0x35, 0x84, 0xe4);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

void applyAppearance(const QString &appearance)
{
    if (appearance != QLatin1String("light") && appearance != QLatin1String("dark"))
        return;
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(appearance == QLatin1String("dark") ? darkPalette()
                                                                 : QApplication::style()->standardPalette());
}

double contrastRatio(const QColor &a, const QColor &b)
{
    auto luminance = [](const QColor &c) {
        auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace signoff
