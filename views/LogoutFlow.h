#pragma once

#include "LogoutConfirmDialog.h"
#include "core/Result.h"
#include "idp/IdpTypes.h"
#include "logout/LogoutPlan.h"
#include "services/AppContext.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace signoff {

// One way from "Log out…" to a running logout, for every page that offers it: plan the scope on
// the active profile (LogoutService), show the confirmation, start the run with the chosen
// concurrency. The dialog is opened with open() so the window stays live and tests can answer it.
class LogoutFlow : public QObject
{
    Q_OBJECT
public:
    LogoutFlow(const AppContext &app, QWidget *dialogParent);

    void confirmScope(const logout::LogoutScope &scope);
    void confirmSessions(const QList<IdpSession> &sessions);

    bool isPlanning() const { return m_planning != nullptr; }
    LogoutConfirmDialog *dialog() const { return m_dialog; }

signals:
    void planning(bool busy);
    void failed(const QString &message);
    void started(const QString &runId); // the service's runStarted has the run itself

private:
    bool begin();
    void planned(Result<logout::LogoutPlan> plan);

    AppContext m_app;
    QWidget *m_dialogParent;
    QObject *m_planning = nullptr;
    QPointer<LogoutConfirmDialog> m_dialog;
};

} // namespace signoff
