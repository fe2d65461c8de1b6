#pragma once

#include "EmptyStatePage.h"

namespace signoff {

struct AppContext;

// Until its feature lands the page says what will appear here (see EmptyStatePage).
class RelyingPartiesPage : public EmptyStatePage
{
    Q_OBJECT
public:
    explicit RelyingPartiesPage(const AppContext &app, QWidget *parent = nullptr);
};

} // namespace signoff
