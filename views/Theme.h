#pragma once

#include <QColor>

class QIcon;
class QPalette;
class QString;
class QStyle;
class QWidget;

namespace signoff::logout {
enum class DeliveryState;
}

namespace signoff {

// The one place colours with a meaning come from, derived from the widget's palette so that dark
// themes stay readable: red text on a dark window is lightened, never hard-coded.
QColor errorTextColor(const QPalette &palette);
// Shows a label's (or any widget's) text as an error, or back in the palette's normal colour.
void setErrorStyle(QWidget *widget, bool error);
// A delivery state's colour on the palette's Base (tables) and its icon; always shown with the
// state's text, never colour alone. Failed and timed out use the error colour.
QColor deliveryStateColor(logout::DeliveryState state, const QPalette &palette);
QIcon deliveryStateIcon(logout::DeliveryState state, const QStyle *style);

// "ui/appearance": empty (the desktop's), "light" or "dark" (Fusion with a dark palette). Applied
// at start, before any window exists, so every palette-derived colour follows it.
QString appearanceKey();
void applyAppearance(const QString &appearance);
QPalette darkPalette();
// WCAG contrast ratio of two colours (1 … 21).
double contrastRatio(const QColor &a, const QColor &b);

} // namespace signoff
