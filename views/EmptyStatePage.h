#pragma once

#include <QWidget>

namespace signoff {

// A page that is not built yet says honestly what will appear there, instead of showing
// an empty table that looks like "no data".
class EmptyStatePage : public QWidget
{
    Q_OBJECT
public:
    EmptyStatePage(const QString &title, const QString &explanation, QWidget *parent = nullptr);
};

} // namespace signoff
