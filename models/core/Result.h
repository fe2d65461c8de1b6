#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace signoff {

// Errors are values in core: nothing is thrown into a slot, every caller sees the failure.
struct Error
{
    QString message; // user-facing, already translated where it was made
    int code = 0;    // optional domain code (HTTP status, errno, ...)
};

template <typename T> class Result
{
public:
    Result(T value)
        : m_v(std::move(value))
    {}
    Result(Error error)
        : m_v(std::move(error))
    {}

    static Result failure(QString message, int code = 0) { return Result(Error{std::move(message), code}); }

    bool ok() const { return std::holds_alternative<T>(m_v); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_v); }
    T &value() & { return std::get<T>(m_v); }
    T &&value() && { return std::get<T>(std::move(m_v)); }
    const T *operator->() const { return &std::get<T>(m_v); }
    const T &operator*() const { return value(); }

    const Error &error() const { return std::get<Error>(m_v); }
    QString errorString() const { return ok() ? QString() : error().message; }

private:
    std::variant<T, Error> m_v;
};

// For operations that produce nothing but may fail.
class Status
{
public:
    Status() = default;
    Status(Error error)
        : m_error(std::move(error))
    {}
    static Status failure(QString message, int code = 0) { return Status(Error{std::move(message), code}); }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }
    QString errorString() const { return ok() ? QString() : m_error->message; }

private:
    std::optional<Error> m_error;
};

} // namespace signoff
