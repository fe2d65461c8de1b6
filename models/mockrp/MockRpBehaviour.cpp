#include "MockRpBehaviour.h"

#include <QCoreApplication>

namespace signoff::mockrp {

namespace {
// lupdate files these strings under the context named here, as they are looked up at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(signoff::mockrp::MockRpBehaviour)
};
} // namespace

Result<MockRpBehaviour> MockRpBehaviour::parse(QStringView text)
{
    const QStringView t = text.trimmed();
    const qsizetype colon = t.indexOf(QLatin1Char(':'));
    const QStringView name = colon < 0 ? t : t.first(colon);
    const QStringView arg = colon < 0 ? QStringView() : t.sliced(colon + 1);
    bool ok = false;
    const int n = arg.toInt(&ok);
    MockRpBehaviour b;
    if (name == QLatin1String("ok") && colon < 0) {
        return b;
    }
    if (name == QLatin1String("drop") && colon < 0) {
        b.kind = Kind::Drop;
        return b;
    }
    if (name == QLatin1String("status")) {
        if (!ok || n < 200 || n > 599)
            return Result<MockRpBehaviour>::failure(Tr::tr("status:N needs a status code from 200 to 599"));
        b.kind = Kind::Status;
        b.value = n;
        return b;
    }
    if (name == QLatin1String("delay")) {
        if (!ok || n < 0 || n > 600000)
            return Result<MockRpBehaviour>::failure(Tr::tr("delay:MS needs milliseconds from 0 to 600000"));
        b.kind = Kind::Delay;
        b.value = n;
        return b;
    }
    if (name == QLatin1String("flaky")) {
        if (!ok || n < 0 || n > 100)
            return Result<MockRpBehaviour>::failure(Tr::tr("flaky:P needs a percentage from 0 to 100"));
        b.kind = Kind::Flaky;
        b.value = n;
        return b;
    }
    return Result<MockRpBehaviour>::failure(
        Tr::tr("unknown behaviour \"%1\"; use ok, status:N, delay:MS, drop or flaky:P").arg(t.left(40)));
}

QString MockRpBehaviour::toString() const
{
    switch (kind) {
    case Kind::Ok:
        return QStringLiteral("ok");
    case Kind::Status:
        return QStringLiteral("status:%1").arg(value);
    case Kind::Delay:
        return QStringLiteral("delay:%1").arg(value);
    case Kind::Drop:
        return QStringLiteral("drop");
    case Kind::Flaky:
        return QStringLiteral("flaky:%1").arg(value);
    }
    return QString();
}

} // namespace signoff::mockrp
