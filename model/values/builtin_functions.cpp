// Python's builtin functions (print, len, range, sum, ...) and the time module.
#include <algorithm> // stable_sort, reverse
#include <cmath>     // round, nearbyint
#include <cstdio>    // snprintf (round)
#include <cstdlib>   // strtod (round)

#include "model/runtime/machine.hpp" // Machine

namespace rc {

namespace {

constexpr double kEpoch = 1'700'000'000.0; // time.time() at virtual clock 0

bool is_threading_constructor(BuiltinId id) {
    switch (id) {
    case BuiltinId::Thread:
    case BuiltinId::Lock:
    case BuiltinId::RLock:
    case BuiltinId::Condition:
    case BuiltinId::Semaphore:
    case BuiltinId::BoundedSemaphore:
    case BuiltinId::Event:
    case BuiltinId::Barrier:
    case BuiltinId::Local:
    case BuiltinId::Queue:
    case BuiltinId::ThreadPoolExecutor:
    case BuiltinId::AsCompleted:
    case BuiltinId::RcPoolNext:
    case BuiltinId::RcPoolSubmit:
    case BuiltinId::RcFutureFn:
    case BuiltinId::RcFutureArgs:
    case BuiltinId::RcFutureKwargs:
    case BuiltinId::RcFutureFinish:
    case BuiltinId::RcFutureFail:
        return true;
    default: return false;
    }
}

} // namespace

Value Machine::call_builtin(BuiltinId id, const Args& a) {
    if (is_exception_class(id)) {
        Value exc = make_exception(id, "");
        get<ExceptionObj>(exc)->args = a.pos;
        return exc;
    }
    if (is_threading_constructor(id)) return construct_sync(id, a);
    auto one = [&](const char* name) {
        check_arity(name, a, 1, 1);
        return a.pos[0];
    };
    switch (id) {
    case BuiltinId::Print: {
        std::string sep = " ", end = "\n";
        for (auto& [n, v] : a.kw) {
            auto k = static_cast<KnownName>(n.value);
            if (k == KnownName::sep && !v.is_none()) sep = str(v);
            else if (k == KnownName::end && !v.is_none()) end = str(v);
            else if (k != KnownName::flush && k != KnownName::sep && k != KnownName::end)
                raise(BuiltinId::TypeError, "'" + prog.name_of(n) + "' is an invalid keyword argument for print() in racecheck");
        }
        std::string text;
        for (size_t i = 0; i < a.pos.size(); ++i) {
            if (i) text += sep;
            text += str(a.pos[i]);
            if (text.size() > interp.limits().max_string) reserve_string(text.size()); // exceeds
        }
        text += end;
        charge(text.size()); // the output is part of the program's memory
        st.output += text;
        digest_output(st, text);
        if (event) event->value = new_str(std::move(text));
        return Value::none();
    }
    case BuiltinId::Len: return Value::integer(length(one("len")));
    case BuiltinId::Range: {
        check_arity("range", a, 1, 3);
        int64_t start = 0, stop, step = 1;
        if (a.pos.size() == 1) stop = to_index(a.pos[0], "range() arguments");
        else {
            start = to_index(a.pos[0], "range() arguments");
            stop = to_index(a.pos[1], "range() arguments");
            if (a.pos.size() == 3) step = to_index(a.pos[2], "range() arguments");
        }
        if (step == 0) raise(BuiltinId::ValueError, "range() arg 3 must not be zero");
        return Value::object(alloc(Object{RangeObj{start, stop, step}}));
    }
    case BuiltinId::Sum: {
        check_arity("sum", a, 1, 2);
        Value acc = a.get(1, KnownName::start, Value::integer(0));
        for (Value x : collect(a.pos[0])) acc = binary(ast::BinOpKind::Add, acc, x, false);
        return acc;
    }
    case BuiltinId::Min:
    case BuiltinId::Max: {
        const char* name = id == BuiltinId::Min ? "min" : "max";
        if (a.pos.empty()) raise(BuiltinId::TypeError, std::string(name) + " expected at least 1 argument, got 0");
        for (auto& [n, v] : a.kw)
            if (static_cast<KnownName>(n.value) != KnownName::default_)
                raise(BuiltinId::TypeError, std::string(name) + "() keyword '" + prog.name_of(n) + "' is outside racecheck's subset");
        std::vector<Value> items = a.pos.size() == 1 ? collect(a.pos[0]) : a.pos;
        if (items.empty()) {
            for (auto& [n, v] : a.kw) return v;
            raise(BuiltinId::ValueError, std::string(name) + "() iterable argument is empty");
        }
        Value best = items[0];
        for (size_t i = 1; i < items.size(); ++i) {
            if (id == BuiltinId::Min ? less(items[i], best) : less(best, items[i])) best = items[i];
        }
        return best;
    }
    case BuiltinId::Abs: {
        Value v = one("abs");
        if (v.is_int_like()) return v.i < 0 ? unary(ast::UnaryOpKind::Neg, v) : Value::integer(v.i);
        if (v.tag == VTag::Float) return Value::floating(std::fabs(v.f));
        raise(BuiltinId::TypeError, "bad operand type for abs(): '" + type_name(v) + "'");
    }
    case BuiltinId::Str:
        check_arity("str", a, 0, 1);
        return a.pos.empty() ? new_str("") : (str_of(a.pos[0]) ? a.pos[0] : new_str(str(a.pos[0])));
    case BuiltinId::Repr: return new_str(repr(one("repr")));
    case BuiltinId::Int: {
        check_arity("int", a, 0, 1);
        if (a.pos.empty()) return Value::integer(0);
        Value v = a.pos[0];
        if (v.is_int_like()) return Value::integer(v.i);
        if (v.tag == VTag::Float) {
            if (!(v.f > -9.2e18 && v.f < 9.2e18)) raise(BuiltinId::OverflowError, "cannot convert float to a 64-bit integer");
            return Value::integer(static_cast<int64_t>(v.f));
        }
        if (auto* s = str_of(v)) {
            std::string t = *s;
            size_t b = t.find_first_not_of(" \t\n"), e = t.find_last_not_of(" \t\n");
            if (b != std::string::npos) t = t.substr(b, e - b + 1);
            try {
                size_t used = 0;
                long long x = std::stoll(t, &used, 10);
                if (used == t.size() && !t.empty()) return Value::integer(x);
            } catch (...) {
            }
            raise(BuiltinId::ValueError, "invalid literal for int() with base 10: " + repr(v));
        }
        raise(BuiltinId::TypeError, "int() argument must be a string or a real number, not '" + type_name(v) + "'");
    }
    case BuiltinId::Float: {
        check_arity("float", a, 0, 1);
        if (a.pos.empty()) return Value::floating(0);
        if (auto* s = str_of(a.pos[0])) {
            try {
                size_t used = 0;
                double x = std::stod(*s, &used);
                if (used == s->size()) return Value::floating(x);
            } catch (...) {
            }
            raise(BuiltinId::ValueError, "could not convert string to float: " + repr(a.pos[0]));
        }
        return Value::floating(to_float(a.pos[0], "float() argument"));
    }
    case BuiltinId::Bool:
        check_arity("bool", a, 0, 1);
        return Value::boolean(!a.pos.empty() && truthy(a.pos[0]));
    case BuiltinId::List:
        check_arity("list", a, 0, 1);
        return new_list(a.pos.empty() ? std::vector<Value>{} : collect(a.pos[0]));
    case BuiltinId::Tuple:
        check_arity("tuple", a, 0, 1);
        if (!a.pos.empty() && get<TupleObj>(a.pos[0])) return a.pos[0];
        return new_tuple(a.pos.empty() ? std::vector<Value>{} : collect(a.pos[0]));
    case BuiltinId::Dict: {
        check_arity("dict", a, 0, 1);
        Value d = new_dict();
        if (!a.pos.empty()) {
            if (auto* src = get<DictObj>(a.pos[0])) {
                auto items = src->items;
                get<DictObj>(d)->items = std::move(items);
            } else {
                for (Value pair : collect(a.pos[0])) {
                    std::vector<Value> kv = collect(pair);
                    if (kv.size() != 2) raise(BuiltinId::ValueError, "dictionary update sequence element has length " + std::to_string(kv.size()) + "; 2 is required");
                    store_subscript(d, kv[0], kv[1]);
                }
            }
        }
        for (auto& [n, v] : a.kw) store_subscript(d, new_str(prog.name_of(n)), v);
        return d;
    }
    case BuiltinId::Enumerate: {
        check_arity("enumerate", a, 1, 2);
        int64_t start = a.pos.size() > 1 ? to_index(a.pos[1], "enumerate start") : 0;
        std::vector<Value> out;
        for (Value x : collect(a.pos[0])) out.push_back(new_tuple({Value::integer(start++), x}));
        return get_iter(new_list(std::move(out)));
    }
    case BuiltinId::Zip: {
        std::vector<std::vector<Value>> cols;
        for (Value v : a.pos) cols.push_back(collect(v));
        std::vector<Value> out;
        size_t n = cols.empty() ? 0 : SIZE_MAX;
        for (auto& c : cols) n = std::min(n, c.size());
        for (size_t i = 0; i < n; ++i) {
            std::vector<Value> row;
            for (auto& c : cols) row.push_back(c[i]);
            out.push_back(new_tuple(std::move(row)));
        }
        return get_iter(new_list(std::move(out)));
    }
    case BuiltinId::Sorted: {
        check_arity("sorted", a, 1, 1);
        std::vector<Value> v = collect(a.pos[0]);
        bool rev = false;
        for (auto& [n, x] : a.kw) {
            if (static_cast<KnownName>(n.value) == KnownName::reverse) rev = truthy(x);
            else raise(BuiltinId::TypeError, "sorted() keyword '" + prog.name_of(n) + "' is outside racecheck's subset");
        }
        std::stable_sort(v.begin(), v.end(), [&](Value x, Value y) { return rev ? less(y, x) : less(x, y); });
        return new_list(std::move(v));
    }
    case BuiltinId::Reversed: {
        std::vector<Value> v = collect(one("reversed"));
        std::reverse(v.begin(), v.end());
        return get_iter(new_list(std::move(v)));
    }
    case BuiltinId::Any:
    case BuiltinId::All: {
        bool any = id == BuiltinId::Any;
        for (Value x : collect(one(any ? "any" : "all")))
            if (truthy(x) == any) return Value::boolean(any);
        return Value::boolean(!any);
    }
    case BuiltinId::Round: {
        check_arity("round", a, 1, 2);
        Value v = a.pos[0];
        if (a.pos.size() == 1 || a.pos[1].is_none()) {
            if (v.is_int_like()) return Value::integer(v.i);
            return Value::integer(static_cast<int64_t>(std::nearbyint(to_float(v, "round()"))));
        }
        int64_t nd = to_index(a.pos[1], "round() ndigits");
        if (v.is_int_like()) return Value::integer(v.i);
        double x = to_float(v, "round()");
        // CPython (floatobject.c): past 323 digits a double is already exact, and before -308
        // every double rounds to zero (keeping its sign).
        if (!std::isfinite(x) || nd > 323) return Value::floating(x);
        if (nd < -308) return Value::floating(0.0 * x);
        if (nd >= 0) {
            // printf rounds the exact binary value half-to-even, as CPython's round() does;
            // 309 integer digits, the point and 323 decimals fit.
            char buf[700];
            std::snprintf(buf, sizeof buf, "%.*f", static_cast<int>(nd), x);
            return Value::floating(std::strtod(buf, nullptr));
        }
        double scale = std::pow(10.0, static_cast<double>(nd));
        return Value::floating(std::nearbyint(x * scale) / scale);
    }
    case BuiltinId::Divmod: {
        check_arity("divmod", a, 2, 2);
        return new_tuple({binary(ast::BinOpKind::FloorDiv, a.pos[0], a.pos[1], false),
                          binary(ast::BinOpKind::Mod, a.pos[0], a.pos[1], false)});
    }
    case BuiltinId::Isinstance: {
        check_arity("isinstance", a, 2, 2);
        Value v = a.pos[0], cls = a.pos[1];
        std::vector<Value> classes = get<TupleObj>(cls) ? get<TupleObj>(cls)->items : std::vector<Value>{cls};
        for (Value c : classes) {
            if (c.tag != VTag::Builtin) raise(BuiltinId::TypeError, "isinstance() arg 2 must be a type or tuple of types");
            BuiltinId b = c.builtin_id();
            if (auto* e = get<ExceptionObj>(v)) {
                if (is_exception_class(b) && exception_matches(e->type, b)) return Value::boolean(true);
                continue;
            }
            std::string tn = type_name(v);
            if (tn == builtin_name(b) || (b == BuiltinId::Int && v.tag == VTag::Bool) ||
                (b == BuiltinId::Lock && tn == "lock"))
                return Value::boolean(true);
        }
        return Value::boolean(false);
    }
    case BuiltinId::CurrentThread: return Value::object(th().thread_obj);
    case BuiltinId::MainThread: return Value::object(st.threads[0].thread_obj);
    case BuiltinId::ActiveCount: {
        if (step_event) step_event->read_threads = true;
        int64_t n = 0;
        for (ThreadId t : st.live_threads) n += st.thread(t).status != ThreadStatus::NotStarted;
        return Value::integer(n);
    }
    case BuiltinId::GetIdent:
        if (step_event) step_event->observed_identity = true;
        return Value::integer(1000 + tid.value);
    case BuiltinId::Sleep: {
        check_arity("sleep", a, 1, 1);
        double secs = to_float(a.pos[0], "sleep() argument");
        if (secs < 0) raise(BuiltinId::ValueError, "sleep length must be non-negative");
        th().clock_ns += static_cast<int64_t>(secs * 1e9);
        return Value::none();
    }
    case BuiltinId::Time:
        return Value::floating(kEpoch + static_cast<double>(th().clock_ns) / 1e9);
    case BuiltinId::Monotonic:
    case BuiltinId::PerfCounter:
        return Value::floating(static_cast<double>(th().clock_ns) / 1e9);
    default: break;
    }
    raise(BuiltinId::TypeError, "'" + std::string(builtin_name(id)) + "' is not callable in racecheck");
}

} // namespace rc
