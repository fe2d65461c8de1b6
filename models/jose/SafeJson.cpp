#include "SafeJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace signoff::jose {

namespace {
// lupdate files these strings under the context named here, as they are looked up at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(signoff::jose::SafeJson)
};

// Depth is checked before the real parse so a 100k-deep "[[[[..." never reaches the parser.
bool depthWithin(QByteArrayView text, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > maxDepth)
                return false;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return true;
}
// Builds the document from SAX events (cheaper than nlohmann's callback parser, which runs a
// std::function per event) and refuses duplicate member names as they are inserted.
struct DomBuilder
{
    using json = nlohmann::json;
    json root;
    std::vector<json *> open; // the containers being filled, innermost last
    json *member = nullptr;   // the object member the next value goes to (after key())
    bool duplicate = false;
    bool failed = false;
    std::string duplicateName;

    json *slot()
    {
        if (open.empty())
            return &root;
        json *top = open.back();
        if (top->is_array()) {
            top->get_ref<json::array_t &>().emplace_back();
            return &top->get_ref<json::array_t &>().back();
        }
        return std::exchange(member, nullptr);
    }
    template <typename V> bool value(V &&v)
    {
        json *s = slot();
        if (!s)
            return false;
        *s = json(std::forward<V>(v));
        return true;
    }
    bool null() { return value(nullptr); }
    bool boolean(bool v) { return value(v); }
    bool number_integer(json::number_integer_t v) { return value(v); }
    bool number_unsigned(json::number_unsigned_t v) { return value(v); }
    bool number_float(json::number_float_t v, const json::string_t &) { return value(v); }
    // Strings and keys are copied, not moved out of the lexer: moving takes the lexer's buffer
    // with them, and the lexer then regrows one from nothing for the next token (several
    // allocations per member instead of at most one).
    bool string(json::string_t &v) { return value(std::as_const(v)); }
    bool binary(json::binary_t &) { return false; }
    bool start_object(std::size_t)
    {
        json *s = slot();
        if (!s)
            return false;
        *s = json::object();
        open.push_back(s);
        return true;
    }
    bool key(json::string_t &k)
    {
        auto &members = open.back()->get_ref<json::object_t &>();
        auto [it, inserted] = members.emplace(std::as_const(k), nullptr);
        if (!inserted) {
            duplicate = true;
            duplicateName = it->first;
            return false;
        }
        member = &it->second;
        return true;
    }
    bool end_object()
    {
        open.pop_back();
        return true;
    }
    bool start_array(std::size_t)
    {
        json *s = slot();
        if (!s)
            return false;
        *s = json::array();
        open.push_back(s);
        return true;
    }
    bool end_array()
    {
        open.pop_back();
        return true;
    }
    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &)
    {
        failed = true;
        return false;
    }
};
} // namespace

QString toQString(const std::string &s)
{
    // QString::fromUtf8 drops a leading byte-order mark; a claim compared byte for byte must
    // not be shown without it ("iss is \"x\", expected \"x\"" would be baffling).
    if (s.size() >= 3 && s.compare(0, 3, "\xEF\xBB\xBF") == 0)
        return QChar(0xFEFF) + QString::fromUtf8(s.data() + 3, qsizetype(s.size()) - 3);
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

Result<nlohmann::json> parseJson(QByteArrayView text, JsonLimits limits)
{
    if (text.size() > limits.maxBytes)
        return Result<nlohmann::json>::failure(Tr::tr("JSON document too large (%1 bytes)").arg(text.size()));
    if (!depthWithin(text, limits.maxDepth))
        return Result<nlohmann::json>::failure(Tr::tr("JSON nested deeper than %1 levels").arg(limits.maxDepth));

    DomBuilder dom;
    dom.open.reserve(size_t(std::max(limits.maxDepth, 0)) + 1);
    try {
        const char *begin = text.data();
        const bool ok = nlohmann::json::sax_parse(begin, begin + text.size(), &dom);
        if (dom.duplicate)
            return Result<nlohmann::json>::failure(
                Tr::tr("JSON member \"%1\" appears more than once").arg(toQString(dom.duplicateName).left(64)));
        if (!ok || dom.failed)
            return Result<nlohmann::json>::failure(Tr::tr("not valid JSON"));
        return std::move(dom.root);
    } catch (const std::exception &e) {
        // Only allocation failures can land here: parse errors are reported to the handler.
        return Result<nlohmann::json>::failure(Tr::tr("JSON could not be parsed: %1").arg(QString::fromUtf8(e.what())));
    }
}

Result<nlohmann::json> parseJsonObject(QByteArrayView text, JsonLimits limits)
{
    auto r = parseJson(text, limits);
    if (r && !r->is_object())
        return Result<nlohmann::json>::failure(Tr::tr("JSON value is not an object"));
    return r;
}

const std::string *stringRef(const nlohmann::json &obj, const char *name)
{
    if (!obj.is_object())
        return nullptr;
    const auto it = obj.find(name);
    if (it == obj.end() || !it->is_string())
        return nullptr;
    return &it->get_ref<const std::string &>();
}

std::optional<QString> stringMember(const nlohmann::json &obj, const char *name)
{
    const std::string *s = stringRef(obj, name);
    if (!s)
        return std::nullopt;
    return toQString(*s);
}

NumericDate numericDateMember(const nlohmann::json &obj, const char *name)
{
    constexpr qint64 maxSecs = 253402300799; // 9999-12-31T23:59:59Z
    if (!obj.is_object())
        return {0, NumericDateError::Missing};
    const auto it = obj.find(name);
    if (it == obj.end())
        return {0, NumericDateError::Missing};
    if (it->is_number_unsigned()) {
        const auto v = it->get<std::uint64_t>();
        if (v > std::uint64_t(maxSecs))
            return {0, NumericDateError::OutOfRange};
        return {qint64(v), NumericDateError::None};
    }
    if (it->is_number_integer()) {
        const auto v = it->get<std::int64_t>();
        if (v < 0 || v > maxSecs)
            return {0, NumericDateError::OutOfRange};
        return {qint64(v), NumericDateError::None};
    }
    if (it->is_number_float()) {
        const double v = it->get<double>();
        if (!std::isfinite(v) || v < 0 || v > double(maxSecs))
            return {0, NumericDateError::OutOfRange};
        return {qint64(std::floor(v)), NumericDateError::None};
    }
    return {0, NumericDateError::NotANumber};
}

QJsonValue toQJson(const nlohmann::json &value)
{
    // The values come from parseJson, whose depth bound keeps this recursion shallow.
    switch (value.type()) {
    case nlohmann::json::value_t::null:
        return QJsonValue(QJsonValue::Null);
    case nlohmann::json::value_t::boolean:
        return value.get<bool>();
    case nlohmann::json::value_t::number_integer:
        return double(value.get<std::int64_t>());
    case nlohmann::json::value_t::number_unsigned:
        return double(value.get<std::uint64_t>());
    case nlohmann::json::value_t::number_float:
        return value.get<double>();
    case nlohmann::json::value_t::string:
        return toQString(value.get_ref<const std::string &>());
    case nlohmann::json::value_t::array: {
        QJsonArray a;
        for (const auto &v : value)
            a.append(toQJson(v));
        return a;
    }
    case nlohmann::json::value_t::object: {
        QJsonObject o;
        for (auto it = value.begin(); it != value.end(); ++it)
            o.insert(toQString(it.key()), toQJson(it.value()));
        return o;
    }
    default:
        return QJsonValue(QJsonValue::Undefined);
    }
}

QJsonObject toQJsonObject(const nlohmann::json &value)
{
    return value.is_object() ? toQJson(value).toObject() : QJsonObject();
}

} // namespace signoff::jose
