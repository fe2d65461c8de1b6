#pragma once

#include <QList>
#include <QString>

class QWidget;

namespace signoff {

struct AppContext;

struct PageEntry
{
    QString title;
    QWidget *widget;
};

// The console's pages in navigation order (Ctrl+1 … Ctrl+6): the one place pages are registered.
// Each page takes what it needs from the application context.
QList<PageEntry> createPages(const AppContext &app, QWidget *parent);

} // namespace signoff
