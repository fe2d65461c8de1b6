#pragma once

#include "EmptyStatePage.h"

namespace signoff {

struct AppContext;

// Until its feature lands the page says what will appear here (see EmptyStatePage).
class DeliveriesPage : public EmptyStatePage
{
    Q_OBJECT
public:
    explicit DeliveriesPage(const AppContext &app, QWidget *parent = nullptr);
};

} // namespace signoff
