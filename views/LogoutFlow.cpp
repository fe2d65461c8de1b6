#include "LogoutFlow.h"

#include "LogoutConfirmDialog.h"
#include "services/LogoutService.h"
#include "store/ProfileStore.h"

#include <QWidget>

namespace signoff {

LogoutFlow::LogoutFlow(const AppContext &app, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_app(app)
    , m_dialogParent(dialogParent)
{}

bool LogoutFlow::begin()
{
    if (!m_app.logout) {
        emit failed(tr("Logout is not available in this build."));
        return false;
    }
    if (!m_app.profiles->find(m_app.profiles->activeProfileId())) {
        emit failed(tr("No active profile: choose one on the Profiles page."));
        return false;
    }
    delete m_planning; // a newer request supersedes one still being planned
    m_planning = new QObject(this);
    emit planning(true);
    return true;
}

void LogoutFlow::confirmScope(const logout::LogoutScope &scope)
{
    if (!begin())
        return;
    m_app.logout->plan(*m_app.profiles->find(m_app.profiles->activeProfileId()), scope, m_planning,
                       [this](Result<logout::LogoutPlan> plan) { planned(std::move(plan)); });
}

void LogoutFlow::confirmSessions(const QList<IdpSession> &sessions)
{
    if (sessions.isEmpty()) {
        emit failed(tr("Select the sessions to log out first."));
        return;
    }
    if (!begin())
        return;
    m_app.logout->planSessions(*m_app.profiles->find(m_app.profiles->activeProfileId()), sessions, m_planning,
                               [this](Result<logout::LogoutPlan> plan) { planned(std::move(plan)); });
}

void LogoutFlow::planned(Result<logout::LogoutPlan> plan)
{
    m_planning->deleteLater();
    m_planning = nullptr;
    emit planning(false);
    if (!plan) {
        emit failed(tr("Could not prepare the logout: %1").arg(plan.errorString()));
        return;
    }
    delete m_dialog;
    auto *dialog = new LogoutConfirmDialog(*plan, m_app.settings, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    auto kept = std::make_shared<logout::LogoutPlan>(std::move(plan).value());
    connect(dialog, &QDialog::accepted, this, [this, dialog, kept] {
        logout::LogoutRun::Options options;
        options.concurrency = dialog->concurrency();
        if (logout::LogoutRun *run = m_app.logout->start(std::move(*kept), options))
            emit started(run->info().id);
    });
    dialog->open();
}

} // namespace signoff
