// The logging module as tutorials use it: basicConfig(format=, level=, datefmt=, force=), the
// module-level functions (which configure the root logger on first use, as CPython's do),
// getLogger(name) loggers with their level, and the record fields %(message)s,
// %(levelname)s, %(levelno)s, %(name)s, %(threadName)s, %(thread)d, %(funcName)s,
// %(lineno)d, %(asctime)s, %(created)f, %(msecs)d, %(relativeCreated)d, %(processName)s.
// Records go to stderr (State::error_output). A logging call is one visible operation (OpKind::
// Log) that holds logging's module lock, as CPython's handler does.
#include <algorithm> // transform, find_if
#include <iterator>  // begin, end
#include <cctype>    // tolower
#include <cstdio>    // snprintf
#include <ctime>     // gmtime_r, strftime

#include "model/runtime/machine.hpp" // Machine

namespace rc {

namespace {


std::string level_name(int64_t level) {
    switch (level) {
    case 50: return "CRITICAL";
    case 40: return "ERROR";
    case 30: return "WARNING";
    case 20: return "INFO";
    case 10: return "DEBUG";
    case 0: return "NOTSET";
    default: return "Level " + std::to_string(level);
    }
}

int64_t level_of(BuiltinId id) {
    switch (id) {
    case BuiltinId::LogDebug: return 10;
    case BuiltinId::LogInfo: return 20;
    case BuiltinId::LogWarning: return 30;
    case BuiltinId::LogError:
    case BuiltinId::LogException: return 40;
    default: return 50;
    }
}

int64_t method_level(KnownName k) {
    switch (k) {
    case KnownName::debug: return 10;
    case KnownName::info: return 20;
    case KnownName::warning: return 30;
    case KnownName::error:
    case KnownName::exception: return 40;
    case KnownName::critical: return 50;
    default: return -1;
    }
}

const char* const kUnsupportedFields[] = {"%(pathname)", "%(filename)", "%(module)", "%(process)",
                                          "%(exc_info)", "%(exc_text)", "%(stack_info)",
                                          "%(taskName)", "%(args)", "%(msg)"};

} // namespace

int64_t Machine::parse_level(Value v) {
    if (v.is_int_like()) return v.i;
    if (const std::string* s = str_of(v)) {
        for (int64_t l : {50, 40, 30, 20, 10, 0})
            if (level_name(l) == *s) return l;
        if (*s == "WARN") return 30;
        if (*s == "FATAL") return 50;
        raise(BuiltinId::ValueError, "Unknown level: " + repr(v));
    }
    raise(BuiltinId::TypeError, "Level not an integer or a valid string: " + repr(v));
}

Value Machine::logger_for(const std::string& name) {
    for (auto& [n, id] : st.logging.loggers)
        if (n == name) return Value::object(id);
    LoggerObj l;
    l.name = name;
    ObjectId id = alloc(Object{std::move(l)});
    st.logging.loggers.emplace_back(name, id);
    mark_shared(Value::object(id));
    return Value::object(id);
}

void Machine::emit_log(Value logger, int64_t level, const Args& a, size_t first_message_arg, bool module_level) {
    if (module_level && !st.logging.configured) st.logging.configured = true; // basicConfig()
    if (a.pos.size() <= first_message_arg) {
        std::string fn = first_message_arg ? "log" : level_name(level);
        std::transform(fn.begin(), fn.end(), fn.begin(), [](unsigned char c) { return std::tolower(c); });
        raise(BuiltinId::TypeError, (module_level ? "" : "Logger.") + fn +
                                        "() missing 1 required positional argument: 'msg'");
    }
    const LoggerObj& lg = *get<LoggerObj>(logger);
    const std::string name = lg.name;
    int64_t effective = lg.level != 0 ? lg.level : st.logging.root_level;
    if (name == "root") effective = st.logging.root_level;
    if (level < effective) return;
    std::string format = st.logging.format;
    if (!st.logging.configured) { // logging.lastResort: WARNING and above, the bare message
        if (level < 30) return;
        format = "%(message)s";
    }
    // Keywords reach Logger._log only for a record that is emitted (CPython ignores them otherwise).
    for (auto& [n, v] : a.kw) {
        KnownName k = known_name(n);
        if (k == KnownName::exc_info || k == KnownName::stack_info || k == KnownName::stacklevel ||
            k == KnownName::extra)
            unsupported("logging keyword argument '" + name_of(n) + "'");
        raise(BuiltinId::TypeError, "Logger._log() got an unexpected keyword argument '" + name_of(n) + "'");
    }
    Value msg = a.pos[first_message_arg];
    std::vector<Value> args(a.pos.begin() + static_cast<long>(first_message_arg) + 1, a.pos.end());
    std::string message = str(msg);
    if (!args.empty()) {
        Value fmt_args = args.size() == 1 && get<DictObj>(args[0]) && truthy(args[0]) ? args[0] : new_tuple(args);
        if (!str_of(msg)) unsupported("a logging message that is not a str, with arguments");
        try {
            message = *str_of(percent_format(new_str(message), fmt_args));
        } catch (PyRaise&) {
            unsupported("a logging call whose message does not format (CPython prints a 'Logging error')");
        }
    }
    for (const char* field : kUnsupportedFields)
        if (format.find(field) != std::string::npos)
            unsupported("logging format field " + std::string(field + 1) + ")");
    const double now = static_cast<double>(th().clock_ns) / 1e9;
    Value record = new_dict();
    auto set = [&](const char* key, Value v) { store_subscript(record, new_str(key), v); };
    set("message", new_str(message));
    set("levelname", new_str(level_name(level)));
    set("levelno", Value::integer(level));
    set("name", new_str(name));
    set("threadName", new_str(get<ThreadObj>(Value::object(th().thread_obj))->name));
    set("thread", Value::integer(1000 + tid.value));
    set("processName", new_str("MainProcess"));
    set("lineno", Value::integer(line()));
    set("funcName", new_str(th().frames.empty() ? "<module>" : code().name));
    set("created", Value::floating(kTimeEpoch + now));
    set("msecs", Value::floating(static_cast<double>(static_cast<int64_t>((now - static_cast<int64_t>(now)) * 1000))));
    set("relativeCreated", Value::floating(now * 1000));
    if (format.find("%(asctime)") != std::string::npos) {
        auto secs = static_cast<time_t>(kTimeEpoch + now);
        std::tm tm{};
        gmtime_r(&secs, &tm);
        char buf[128];
        std::string datefmt = st.logging.datefmt.empty() ? "%Y-%m-%d %H:%M:%S" : st.logging.datefmt;
        std::strftime(buf, sizeof buf, datefmt.c_str(), &tm);
        std::string text = buf;
        if (st.logging.datefmt.empty()) {
            char ms[8];
            std::snprintf(ms, sizeof ms, ",%03d", static_cast<int>((now - static_cast<int64_t>(now)) * 1000));
            text += ms;
        }
        set("asctime", new_str(text));
    }
    std::string line_text;
    try {
        line_text = *str_of(percent_format(new_str(format), record)) + "\n";
    } catch (PyRaise&) {
        unsupported("a logging format that does not format (CPython prints a 'Logging error')");
    }
    st.error_output += line_text;
    if (event) event->value = new_str(std::move(line_text));
}

Value Machine::call_logging(BuiltinId id, const Args& a) {
    using S = Sig::Style;
    switch (id) {
    case BuiltinId::LogBasicConfig: {
        static constexpr const char* kNames[] = {"filename", "filemode", "format", "datefmt",
                                                 "style",    "level",    "stream", "handlers",
                                                 "force",    "encoding", "errors"};
        // basicConfig(**kwargs): keywords it does not know raise ValueError once it configures.
        Args known;
        known.pos = a.pos;
        std::string unknown;
        for (const auto& [n, v] : a.kw) {
            const std::string& key = name_of(n);
            if (std::find_if(std::begin(kNames), std::end(kNames), [&](const char* k) { return key == k; }) !=
                std::end(kNames))
                known.kw.emplace_back(n, v);
            else
                unknown += (unknown.empty() ? "" : ", ") + key;
        }
        Bound b = bind(known, Sig{"basicConfig", S::Python,
                                  {kNames[0], kNames[1], kNames[2], kNames[3], kNames[4], kNames[5],
                                   kNames[6], kNames[7], kNames[8], kNames[9], kNames[10]},
                                  0, 0, 0});
        bool force = b.has(8) && truthy(b[8]);
        if (st.logging.configured && !force) return Value::none();
        for (size_t k : {size_t{0}, size_t{1}, size_t{6}, size_t{7}, size_t{9}, size_t{10}})
            if (b.has(k) && !b[k].is_none())
                unsupported("logging.basicConfig(" + std::string(kNames[k]) + "=...)",
                            "racecheck's logging writes to stderr only");
        if (b.has(4) && !(str_of(b[4]) && *str_of(b[4]) == "%"))
            unsupported("logging.basicConfig(style=...) other than '%'");
        st.logging.configured = true;
        st.logging.format = "%(levelname)s:%(name)s:%(message)s";
        st.logging.datefmt.clear();
        if (b.has(2)) {
            if (!str_of(b[2])) raise(BuiltinId::TypeError, "format must be a str");
            st.logging.format = *str_of(b[2]);
        }
        if (b.has(3) && !b[3].is_none()) st.logging.datefmt = str(b[3]);
        if (b.has(5) && !b[5].is_none()) st.logging.root_level = parse_level(b[5]);
        if (!unknown.empty()) raise(BuiltinId::ValueError, "Unrecognised argument(s): " + unknown);
        return Value::none();
    }
    case BuiltinId::LogGetLogger: {
        Bound b = bind(a, Sig{"getLogger", S::Python, {"name"}, 0, 0});
        if (!b.has(0) || b[0].is_none()) return logger_for("root");
        if (!str_of(b[0])) raise(BuiltinId::TypeError, "A logger name must be a string");
        return logger_for(*str_of(b[0]));
    }
    case BuiltinId::LogException: unsupported("logging.exception() (it prints a traceback)");
    case BuiltinId::LogLog: {
        if (a.pos.empty()) raise(BuiltinId::TypeError, "log() missing 2 required positional arguments: 'level' and 'msg'");
        if (a.pos.size() < 2) raise(BuiltinId::TypeError, "log() missing 1 required positional argument: 'msg'");
        if (!a.pos[0].is_int_like()) raise(BuiltinId::TypeError, "level must be an integer");
        emit_log(logger_for("root"), a.pos[0].i, a, 1, true);
        return Value::none();
    }
    default:
        emit_log(logger_for("root"), level_of(id), a, 0, true);
        return Value::none();
    }
}

Value Machine::call_logger_method(Value self, NameId method, const Args& a) {
    KnownName k = known_name(method);
    if (k == KnownName::exception) unsupported("Logger.exception() (it prints a traceback)");
    if (int64_t level = method_level(k); level >= 0) {
        emit_log(self, level, a, 0, false);
        return Value::none();
    }
    if (k == KnownName::log) {
        if (a.pos.empty())
            raise(BuiltinId::TypeError, "Logger.log() missing 2 required positional arguments: 'level' and 'msg'");
        if (a.pos.size() < 2) raise(BuiltinId::TypeError, "Logger.log() missing 1 required positional argument: 'msg'");
        if (!a.pos[0].is_int_like()) raise(BuiltinId::TypeError, "level must be an integer");
        emit_log(self, a.pos[0].i, a, 1, false);
        return Value::none();
    }
    if (k == KnownName::setLevel) {
        Value v = bind(a, Sig{"setLevel", Sig::Style::Takes, {"level"}, 1, 0})[0];
        int64_t level = parse_level(v);
        if (get<LoggerObj>(self)->name == "root") st.logging.root_level = level;
        else get<LoggerObj>(self)->level = level;
        return Value::none();
    }
    no_attribute(self, method);
}

} // namespace rc
