#include "SecretStore.h"

#include <QEventLoop>

namespace signoff {

Status SecretStore::writeSync(const QString &key, const QString &secret)
{
    QEventLoop loop;
    Status result;
    write(key, secret, &loop, [&](Status s) {
        result = std::move(s);
        loop.quit();
    });
    loop.exec();
    return result;
}

Result<QString> SecretStore::readSync(const QString &key)
{
    QEventLoop loop;
    Result<QString> result = Result<QString>::failure(QString());
    read(key, &loop, [&](Result<QString> r) {
        result = std::move(r);
        loop.quit();
    });
    loop.exec();
    return result;
}

Status SecretStore::removeSync(const QString &key)
{
    QEventLoop loop;
    Status result;
    remove(key, &loop, [&](Status s) {
        result = std::move(s);
        loop.quit();
    });
    loop.exec();
    return result;
}

} // namespace signoff
