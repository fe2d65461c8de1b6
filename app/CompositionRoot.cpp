#include "CompositionRoot.h"

#include "core/Logging.h"
#include "core/Translations.h"
#include "idp/sandbox/SandboxProcess.h"
#include "logout/MockRpOutcome.h"
#include "services/ConnectorService.h"
#include "services/HistoryRetention.h"
#include "services/LogoutService.h"
#include "services/MockRequestRecorder.h"
#include "services/MockRpWorkspace.h"
#include "services/ProfileService.h"
#include "services/SandboxController.h"
#include "store/HistoryStore.h"
#include "store/HistoryWriter.h"
#include "store/ProfileStore.h"
#include "store/SecretStore.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSettings>

void signoffLinkTranslations();

namespace signoff {

namespace {
Status closedHistory()
{
    return Status::failure(QCoreApplication::translate("signoff::HistoryStore", "The history is closed"));
}
} // namespace

CompositionRoot::CompositionRoot(QCoreApplication &app)
{
    signoffLinkTranslations();
    QCoreApplication::setOrganizationName(QStringLiteral("Signoff"));
    QCoreApplication::setApplicationName(QStringLiteral("Signoff"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SIGNOFF_VERSION));

    // INI in the user's config folder ($XDG_CONFIG_HOME/Signoff/Signoff.ini): readable, so
    // anyone can check that no secret is in it.
    auto *settings = new QSettings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("Signoff"),
                                   QStringLiteral("Signoff"), &app);
    language = installTranslators(app, settings->value(QStringLiteral("ui/language")).toString());
    auto *nam = new QNetworkAccessManager(&app);
    auto *profiles = new ProfileStore(settings, &app);
    profiles->ensureSandboxProfile();
    auto *secrets = new KeychainSecretStore(&app);
    auto *sandbox = new SandboxProcess(nam, SandboxProcess::Options{}, &app);
    context.settings = settings;
    context.nam = nam;
    context.profiles = profiles;
    context.secrets = secrets;
    context.profileService = new ProfileService(profiles, secrets, &app);
    context.sandbox = new SandboxController(sandbox, secrets, nam, &app);
    context.connectors = new ConnectorService(nam, secrets, context.sandbox, &app);
    context.mockRps = new services::MockRpWorkspace(nam, Clock::system(), &app);
    context.mockRps->persistIn(settings);
    context.logout = new services::LogoutService(context.connectors, Clock::system(), &app);
    context.logout->setProfileStore(profiles);
    // What the console's mock RPs and relays see is an outcome source for every live run.
    QObject::connect(context.mockRps, &services::MockRpWorkspace::requestRecorded, context.logout,
                     [logout = context.logout](int, const mockrp::RequestRecord &record) {
                         logout->ingest({logout::mockRpOutcome(record)});
                     });
    openHistory();
}

void CompositionRoot::openHistory()
{
    // Without a history Signoff still works (logout runs are shown, not kept): the pages and
    // commands that need it say why it is missing.
    auto opened = HistoryStore::open(HistoryStore::defaultPath());
    if (!opened) {
        context.historyError = opened.errorString();
        qCWarning(lcStore) << "history unavailable:" << context.historyError;
        return;
    }
    history = std::move(opened).value();
    context.history = history.get();
    context.logout->setCommitHook(commitHook());
    mockRequests = std::make_unique<MockRequestRecorder>(context.mockRps, context.history);
    retention = std::make_unique<HistoryRetention>(context.history, context.settings);
    QObject::connect(retention.get(), &HistoryRetention::failed, retention.get(),
                     [](const QString &message) { qCWarning(lcStore) << "history retention:" << message; });
    retention->start();
}

// Every run writes through the history before it shows a change, so what was shown survives a
// kill. The writer's thread does the writing, so a flood of outcomes does not freeze the window;
// without it (its connection could not be opened) the GUI thread writes.
logout::LogoutRun::CommitHook CompositionRoot::commitHook()
{
    auto writer = HistoryWriter::open(history->path());
    if (writer) {
        historyWriter = std::move(writer).value();
        return [writer = QPointer<HistoryWriter>(historyWriter.get()), context = QPointer<QObject>(context.logout)](
                   const logout::RunInfo &run, const QList<logout::Delivery> &rows,
                   logout::LogoutRun::Committed committed) {
            if (writer && context)
                writer->save(run, rows, context, std::move(committed));
            else
                committed(closedHistory());
        };
    }
    qCWarning(lcStore) << "history writer unavailable, writing on the GUI thread:" << writer.errorString();
    return
        [store = std::weak_ptr<HistoryStore>(history)](const logout::RunInfo &run, const QList<logout::Delivery> &rows,
                                                       logout::LogoutRun::Committed committed) {
            const auto open = store.lock();
            committed(open ? open->save(run, rows) : closedHistory());
        };
}

CompositionRoot::~CompositionRoot()
{
    // Its services use the network manager, which, made earlier, would go first among app's children.
    delete context.mockRps;
}

} // namespace signoff
