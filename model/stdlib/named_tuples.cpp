// Named tuples of the library (CPython's collections.namedtuple and structseq types): a TupleObj
// whose `named` class gives its fields, repr and type, and is a tuple for everything else
// (indexing, unpacking, len, ==). And time.gmtime/localtime/strftime/ctime, which make and read
// struct_time: racecheck's clock is virtual (time.time() starts at 1700000000.0, see
// runtime/exec.cpp) and its time zone is UTC, so what they print differs from CPython's real
// time, as time.time() does (tests/cpython/deviations.txt).
#include "model/stdlib/named_tuples.hpp"

#include <cmath> // floor
#include <ctime> // gmtime_r, strftime

#include "model/runtime/machine.hpp" // Machine

namespace rc {

namespace {

using S = Sig::Style;

const char* const kStructTimeFields[] = {"tm_year", "tm_mon",  "tm_mday", "tm_hour", "tm_min",
                                         "tm_sec",  "tm_wday", "tm_yday", "tm_isdst"};
const char* const kDoneFields[] = {"done", "not_done"};

/// time_t of a seconds argument (None: the thread's virtual clock), floored as CPython's
/// _PyTime_ObjectToTime_t does.
time_t seconds_of(Machine& m, Value v) {
    if (v.is_unbound() || v.is_none())
        return static_cast<time_t>(std::floor(kTimeEpoch + static_cast<double>(m.th().clock_ns) / 1e9));
    if (v.is_int_like()) return static_cast<time_t>(v.i);
    if (v.tag == VTag::Float) {
        if (!std::isfinite(v.f)) m.raise(BuiltinId::ValueError, "Invalid value NaN (not a number)");
        return static_cast<time_t>(std::floor(v.f));
    }
    m.raise(BuiltinId::TypeError, "'" + m.type_name(v) + "' object cannot be interpreted as an integer");
}

Value struct_time(Machine& m, time_t t) {
    std::tm tm{};
    if (!gmtime_r(&t, &tm)) m.raise(BuiltinId::OverflowError, "timestamp out of range for platform time_t");
    std::vector<Value> items = {Value::integer(tm.tm_year + 1900), Value::integer(tm.tm_mon + 1),
                                Value::integer(tm.tm_mday),        Value::integer(tm.tm_hour),
                                Value::integer(tm.tm_min),         Value::integer(tm.tm_sec),
                                Value::integer((tm.tm_wday + 6) % 7), Value::integer(tm.tm_yday + 1),
                                Value::integer(0)};
    Value out = m.new_tuple(std::move(items));
    m.get<TupleObj>(out)->named = BuiltinId::StructTime;
    return out;
}

std::tm tm_of(Machine& m, Value t, const char* who) {
    auto* tu = m.get<TupleObj>(t);
    if (!tu || tu->named != BuiltinId::StructTime)
        m.unsupported(std::string(who) + "() with a time tuple that is not a time.struct_time",
                      "pass the struct_time that time.gmtime() or time.localtime() returns");
    const std::vector<Value>& x = tu->items;
    std::tm tm{};
    tm.tm_year = static_cast<int>(x[0].i - 1900);
    tm.tm_mon = static_cast<int>(x[1].i - 1);
    tm.tm_mday = static_cast<int>(x[2].i);
    tm.tm_hour = static_cast<int>(x[3].i);
    tm.tm_min = static_cast<int>(x[4].i);
    tm.tm_sec = static_cast<int>(x[5].i);
    tm.tm_wday = static_cast<int>((x[6].i + 1) % 7);
    tm.tm_yday = static_cast<int>(x[7].i - 1);
    tm.tm_isdst = 0;
    return tm;
}

std::string format_tm(Machine& m, const std::string& fmt, const std::tm& tm) {
    if (fmt.find("%Z") != std::string::npos)
        m.unsupported("time.strftime() with %Z", "racecheck's time zone is UTC; CPython prints the zone's name");
    if (fmt.empty()) return "";
    std::vector<char> buf(256 + fmt.size() * 16);
    for (;;) {
        size_t n = std::strftime(buf.data(), buf.size(), fmt.c_str(), &tm);
        if (n > 0 || buf.size() > (1u << 20)) return std::string(buf.data(), n);
        buf.resize(buf.size() * 4);
    }
}

} // namespace

Value named_tuple_field(Machine& m, Value tuple, const std::string& name) {
    const TupleObj& t = *m.get<TupleObj>(tuple);
    if (t.named == BuiltinId::DoneAndNotDone) {
        for (size_t i = 0; i < 2; ++i)
            if (name == kDoneFields[i]) return t.items[i];
        if (name == "_fields") return m.new_tuple({m.new_str(kDoneFields[0]), m.new_str(kDoneFields[1])});
    } else if (t.named == BuiltinId::StructTime) {
        for (size_t i = 0; i < 9; ++i)
            if (name == kStructTimeFields[i]) return t.items[i];
        if (name == "tm_gmtoff") return Value::integer(0);
        if (name == "tm_zone")
            m.unsupported("struct_time.tm_zone", "racecheck's time zone is UTC; CPython names the zone");
    }
    return Value::unbound();
}

std::string named_tuple_repr(Machine& m, Value tuple) {
    const TupleObj t = *m.get<TupleObj>(tuple); // a copy: repr() may grow the heap
    const bool done = t.named == BuiltinId::DoneAndNotDone;
    std::string out = done ? "DoneAndNotDoneFutures(" : "time.struct_time(";
    for (size_t i = 0; i < t.items.size(); ++i) {
        if (i) out += ", ";
        out += std::string(done ? kDoneFields[i] : kStructTimeFields[i]) + "=" + m.repr(t.items[i]);
    }
    return out + ")";
}

Value time_builtin(Machine& m, BuiltinId id, const Args& a) {
    switch (id) {
    case BuiltinId::TimeGmtime:
    case BuiltinId::TimeLocaltime: {
        Bound b = m.bind(a, Sig{id == BuiltinId::TimeGmtime ? "gmtime" : "localtime", S::Takes, {"seconds"}, 0, 1});
        return struct_time(m, seconds_of(m, b[0]));
    }
    case BuiltinId::TimeCtime: {
        Bound b = m.bind(a, Sig{"ctime", S::Takes, {"seconds"}, 0, 1});
        time_t t = seconds_of(m, b[0]);
        std::tm tm{};
        if (!gmtime_r(&t, &tm)) m.raise(BuiltinId::OverflowError, "timestamp out of range for platform time_t");
        return m.new_str(format_tm(m, "%a %b %e %H:%M:%S %Y", tm));
    }
    case BuiltinId::TimeStrftime: {
        Bound b = m.bind(a, Sig{"strftime", S::Takes, {"format", "tuple"}, 1, 2});
        const std::string* fmt = m.str_of(b[0]);
        if (!fmt) m.raise(BuiltinId::TypeError, "strftime() argument 1 must be str, not " + m.type_name(b[0]));
        std::string f = *fmt;
        std::tm tm{};
        if (b.has(1)) {
            tm = tm_of(m, b[1], "strftime");
        } else {
            time_t t = seconds_of(m, Value::none());
            gmtime_r(&t, &tm);
        }
        return m.new_str(format_tm(m, f, tm));
    }
    default: break;
    }
    RC_CHECK(false, "time_builtin: not a time builtin");
    return Value::none();
}

} // namespace rc
