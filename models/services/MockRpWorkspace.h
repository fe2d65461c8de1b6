#pragma once

#include "MockRpService.h"

#include <QObject>

#include <memory>
#include <vector>

class QSettings;

namespace signoff::services {

// The console's set of mock RPs (the Mock RPs page): several MockRpService instances, each with a
// name, started, stopped and reconfigured independently. Every request any of them answers is
// announced once, for the page, the history and the live logout runs.
//
// Configs are kept in QSettings under mockrps/ without the HS* client secret: that one lives in
// memory only, for as long as the console runs (a restarted console asks for it again).
class MockRpWorkspace : public QObject
{
    Q_OBJECT
public:
    explicit MockRpWorkspace(QNetworkAccessManager *nam, const Clock *clock = Clock::system(),
                             QObject *parent = nullptr);
    ~MockRpWorkspace() override;

    // Adds the mock RPs kept in settings (stopped) and writes every later change there.
    void persistIn(QSettings *settings);
    // Starts those that were running when the console last quit (startError() tells what failed).
    // The console calls it; signoffctl does not, so its own mock RP never meets the console's.
    void resumeRunning();

    int count() const;
    MockRpService *at(int index) const;
    QString name(int index) const;
    int indexOf(const QString &name) const;
    int indexOf(const MockRpService *service) const;
    // A name no mock RP has yet: base, else "base 2", "base 3", …
    QString freeName(const QString &base) const;
    // Adds a stopped mock RP with config; returns its index. A taken name gets a number appended.
    int add(const QString &name, const MockRpConfig &config);
    void remove(int index);

    // The settings the next start uses; a running mock RP keeps those it started with until then.
    const MockRpConfig &config(int index) const;
    void setConfig(int index, const MockRpConfig &config);
    // setConfig(), and a running mock RP takes it: a new behaviour at once, anything else by a
    // restart (which fails like start()).
    Status reconfigure(int index, const MockRpConfig &config);
    // Starts (or restarts) with config(index).
    Status start(int index);
    void stop(int index);
    // Why the last start failed; empty after a successful one.
    QString startError(int index) const;

signals:
    void changed();                // added, removed, reconfigured, started, stopped
    void configChanged(int index); // setConfig()
    // index: the mock RP that answered it.
    void requestRecorded(int index, const signoff::mockrp::RequestRecord &record);
    void keysLoaded(int index, const signoff::Status &status);

private:
    struct Entry
    {
        QString name;
        MockRpConfig config;
        std::unique_ptr<MockRpService> service;
        bool startAtLaunch = false; // started, not stopped since
        QString startError;
    };
    void save() const;
    void load();

    QNetworkAccessManager *m_nam;
    const Clock *m_clock;
    QSettings *m_settings = nullptr;
    std::vector<Entry> m_entries;
};

} // namespace signoff::services
