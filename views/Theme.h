#pragma once

#include <QColor>

class QPalette;
class QWidget;

namespace signoff {

// The one place colours with a meaning come from, derived from the widget's palette so that dark
// themes stay readable: red text on a dark window is lightened, never hard-coded.
QColor errorTextColor(const QPalette &palette);
// Shows a label's (or any widget's) text as an error, or back in the palette's normal colour.
void setErrorStyle(QWidget *widget, bool error);

} // namespace signoff
