#pragma once

#include "EmptyStatePage.h"

namespace signoff {

struct AppContext;

// Until its feature lands the page says what will appear here (see EmptyStatePage).
class HistoryPage : public EmptyStatePage
{
    Q_OBJECT
public:
    explicit HistoryPage(const AppContext &app, QWidget *parent = nullptr);
};

} // namespace signoff
