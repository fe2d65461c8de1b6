#pragma once

#include "core/Result.h"
#include "idp/IdpConnector.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

#include <optional>

// Runs the event loop until an asynchronous connector call answers; the deadline only bounds a
// connector that never answers (a failure), it is not a timing expectation.
inline constexpr int kAnswerBoundMs = 60000;

template <typename T, typename Call> signoff::Result<T> await(Call call)
{
    std::optional<signoff::Result<T>> out;
    QObject context;
    call(&context, [&out](signoff::Result<T> r) { out = std::move(r); });
    QDeadlineTimer deadline(kAnswerBoundMs);
    while (!out && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    if (!out)
        return signoff::Error{QStringLiteral("test: the connector never answered")};
    return std::move(*out);
}

struct Listing
{
    QList<QList<signoff::IdpSession>> pages;
    QList<signoff::ListProgress> progress;
    std::optional<signoff::Status> status;

    QList<signoff::IdpSession> all() const
    {
        QList<signoff::IdpSession> out;
        for (const auto &p : pages)
            out += p;
        return out;
    }
};

inline Listing listSessions(signoff::IdpConnector &connector, const signoff::SessionQuery &query)
{
    Listing listing;
    QObject context;
    connector.sessions(
        query, &context,
        [&listing](const QList<signoff::IdpSession> &page, signoff::ListProgress progress) {
            listing.pages.append(page);
            listing.progress.append(progress);
        },
        [&listing](signoff::Status status) { listing.status = status; });
    QDeadlineTimer deadline(kAnswerBoundMs);
    while (!listing.status && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    if (!listing.status)
        listing.status = signoff::Status::failure(QStringLiteral("test: the listing never ended"));
    return listing;
}

// A secret source that answers queued, like the keychain.
inline auto secretOf(const QString &secret)
{
    return [secret](QObject *context, std::function<void(signoff::Result<QString>)> done) {
        QMetaObject::invokeMethod(
            context, [secret, done] { done(secret); }, Qt::QueuedConnection);
    };
}
