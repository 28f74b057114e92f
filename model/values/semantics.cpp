// Python value semantics for the subset: truth, equality, ordering, arithmetic (64-bit ints that
// raise OverflowError instead of wrapping), str()/repr(), and the format-spec mini-language.
#include <algorithm> // find (repr guard)
#include <charconv> // to_chars for float repr
#include <cmath>    // floor, fmod, isinf, isnan, pow
#include <cstdio>   // snprintf for exponents and escapes

#include "model/runtime/machine.hpp" // Machine

namespace rc {

namespace {

bool is_num(Value v) {
    return v.tag == VTag::Int || v.tag == VTag::Bool || v.tag == VTag::Float;
}

} // namespace

/// Python's repr(float): shortest round-trip digits, fixed notation for 1e-4 <= |x| < 1e16.
std::string float_repr(double x) {
    if (std::isnan(x)) return "nan";
    if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
    std::string sci(buf, res.ptr);
    // sci is like "-1.2345e+06" or "5e-05": split mantissa digits and exponent
    size_t e = sci.find('e');
    std::string mant = sci.substr(0, e);
    int exp = std::stoi(sci.substr(e + 1));
    bool neg = !mant.empty() && mant[0] == '-';
    if (neg) mant.erase(0, 1);
    std::string digits;
    for (char c : mant)
        if (c != '.') digits += c;
    std::string out;
    if (exp >= -4 && exp < 16) {
        if (exp < 0) {
            out = "0." + std::string(static_cast<size_t>(-exp - 1), '0') + digits;
        } else if (static_cast<size_t>(exp) + 1 >= digits.size()) {
            out = digits + std::string(static_cast<size_t>(exp) + 1 - digits.size(), '0') + ".0";
        } else {
            out = digits.substr(0, static_cast<size_t>(exp) + 1) + "." +
                  digits.substr(static_cast<size_t>(exp) + 1);
        }
    } else {
        out = digits.substr(0, 1);
        if (digits.size() > 1) out += "." + digits.substr(1);
        char eb[16];
        std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
        out += eb;
    }
    return neg ? "-" + out : out;
}

namespace {

std::string str_repr(const std::string& s) {
    bool has_single = s.find('\'') != std::string::npos;
    bool has_double = s.find('"') != std::string::npos;
    char q = (has_single && !has_double) ? '"' : '\'';
    std::string out(1, q);
    for (unsigned char c : s) {
        if (c == static_cast<unsigned char>(q) || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c == 0x7f) {
            char b[8];
            std::snprintf(b, sizeof b, "\\x%02x", c);
            out += b;
        } else {
            out += static_cast<char>(c);
        }
    }
    out += q;
    return out;
}

int64_t floordiv(int64_t a, int64_t b) {
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}
int64_t floormod(int64_t a, int64_t b) {
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
}

const char* binop_symbol(ast::BinOpKind op) {
    using K = ast::BinOpKind;
    switch (op) {
    case K::Add: return "+";
    case K::Sub: return "-";
    case K::Mul: return "*";
    case K::Div: return "/";
    case K::FloorDiv: return "//";
    case K::Mod: return "%";
    case K::Pow: return "** or pow()";
    case K::BitAnd: return "&";
    case K::BitOr: return "|";
    case K::BitXor: return "^";
    case K::LShift: return "<<";
    case K::RShift: return ">>";
    }
    return "?";
}

} // namespace

bool Machine::truthy(Value v) {
    switch (v.tag) {
    case VTag::Unbound:
    case VTag::None: return false;
    case VTag::Bool:
    case VTag::Int: return v.i != 0;
    case VTag::Float: return v.f != 0.0;
    case VTag::Obj: {
        const Object& o = st.heap[v.ref];
        if (auto* s = std::get_if<StrObj>(&o.data)) return !s->s.empty();
        if (auto* l = std::get_if<ListObj>(&o.data)) return !l->items.empty();
        if (auto* t = std::get_if<TupleObj>(&o.data)) return !t->items.empty();
        if (auto* d = std::get_if<DictObj>(&o.data)) return !d->items.empty();
        if (auto* r = std::get_if<RangeObj>(&o.data)) {
            return r->step > 0 ? r->start < r->stop : r->start > r->stop;
        }
        if (auto* q = std::get_if<QueueObj>(&o.data)) {
            (void)q;
            return true;
        }
        return true;
    }
    default: return true;
    }
}

const std::string* Machine::str_of(Value v) {
    if (auto* s = get<StrObj>(v)) return &s->s;
    return nullptr;
}

bool Machine::equal(Value a, Value b) {
    NativeLevel level(*this, " in comparison"); // raising allocates only as it leaves
    if (is_num(a) && is_num(b)) {
        if (a.tag == VTag::Float || b.tag == VTag::Float) {
            return (a.tag == VTag::Float ? a.f : static_cast<double>(a.i)) ==
                   (b.tag == VTag::Float ? b.f : static_cast<double>(b.i));
        }
        return a.i == b.i;
    }
    if (a.tag != b.tag) return false;
    if (a.tag != VTag::Obj) return a.same(b);
    if (a.ref == b.ref) return true;
    const Object& oa = st.heap[a.ref];
    const Object& ob = st.heap[b.ref];
    if (oa.data.index() != ob.data.index()) return false;
    if (auto* s = std::get_if<StrObj>(&oa.data)) return s->s == std::get<StrObj>(ob.data).s;
    auto seq_eq = [&](const std::vector<Value>& x, const std::vector<Value>& y) {
        if (x.size() != y.size()) return false;
        for (size_t i = 0; i < x.size(); ++i)
            if (!equal(x[i], y[i])) return false;
        return true;
    };
    if (auto* t = std::get_if<TupleObj>(&oa.data)) {
        std::vector<Value> x = t->items, y = std::get<TupleObj>(ob.data).items;
        return seq_eq(x, y);
    }
    if (auto* l = std::get_if<ListObj>(&oa.data)) {
        std::vector<Value> x = l->items, y = std::get<ListObj>(ob.data).items;
        return seq_eq(x, y);
    }
    if (auto* d = std::get_if<DictObj>(&oa.data)) {
        auto x = d->items;
        auto y = std::get<DictObj>(ob.data).items;
        if (x.size() != y.size()) return false;
        for (auto& [k, v] : x) {
            bool found = false;
            for (auto& [k2, v2] : y) {
                if (equal(k, k2)) {
                    if (!equal(v, v2)) return false;
                    found = true;
                    break;
                }
            }
            if (!found) return false;
        }
        return true;
    }
    if (auto* r = std::get_if<RangeObj>(&oa.data)) {
        auto& r2 = std::get<RangeObj>(ob.data);
        return r->start == r2.start && r->stop == r2.stop && r->step == r2.step;
    }
    return false;
}

bool Machine::less(Value a, Value b) {
    NativeLevel level(*this, " in comparison");
    if (is_num(a) && is_num(b)) {
        if (a.tag == VTag::Float || b.tag == VTag::Float) {
            return (a.tag == VTag::Float ? a.f : static_cast<double>(a.i)) <
                   (b.tag == VTag::Float ? b.f : static_cast<double>(b.i));
        }
        return a.i < b.i;
    }
    if (auto* sa = str_of(a)) {
        if (auto* sb = str_of(b)) return *sa < *sb;
    }
    auto seq = [&](Value v) -> const std::vector<Value>* {
        if (auto* t = get<TupleObj>(v)) return &t->items;
        if (auto* l = get<ListObj>(v)) return &l->items;
        return nullptr;
    };
    if (seq(a) && seq(b) && st.heap[a.ref].data.index() == st.heap[b.ref].data.index()) {
        std::vector<Value> x = *seq(a), y = *seq(b);
        for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
            if (!equal(x[i], y[i])) return less(x[i], y[i]);
        }
        return x.size() < y.size();
    }
    raise(BuiltinId::TypeError, "'<' not supported between instances of '" + type_name(a) +
                                    "' and '" + type_name(b) + "'");
}

std::string Machine::type_name(Value v) {
    switch (v.tag) {
    case VTag::Unbound: return "unbound";
    case VTag::None: return "NoneType";
    case VTag::Bool: return "bool";
    case VTag::Int: return "int";
    case VTag::Float: return "float";
    case VTag::Builtin:
        return is_exception_class(v.builtin_id()) ? "type" : "builtin_function_or_method";
    case VTag::Module: return "module";
    case VTag::BoundMethod: return "method";
    case VTag::Obj: break;
    }
    return std::visit(
        [](const auto& o) -> std::string {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, StrObj>) return "str";
            else if constexpr (std::is_same_v<T, TupleObj>) return "tuple";
            else if constexpr (std::is_same_v<T, ListObj>) return "list";
            else if constexpr (std::is_same_v<T, DictObj>) return "dict";
            else if constexpr (std::is_same_v<T, RangeObj>) return "range";
            else if constexpr (std::is_same_v<T, SliceObj>) return "slice";
            else if constexpr (std::is_same_v<T, FunctionObj>) return "function";
            else if constexpr (std::is_same_v<T, ExceptionObj>)
                return std::string(builtin_name(o.type));
            else if constexpr (std::is_same_v<T, IterObj>) return "iterator";
            else if constexpr (std::is_same_v<T, AsCompletedObj>) return "generator";
            else if constexpr (std::is_same_v<T, ThreadObj>) return "Thread";
            else if constexpr (std::is_same_v<T, LockObj>) return "lock";
            else if constexpr (std::is_same_v<T, RLockObj>) return "RLock";
            else if constexpr (std::is_same_v<T, ConditionObj>) return "Condition";
            else if constexpr (std::is_same_v<T, SemaphoreObj>)
                return o.bounded ? "BoundedSemaphore" : "Semaphore";
            else if constexpr (std::is_same_v<T, EventObj>) return "Event";
            else if constexpr (std::is_same_v<T, BarrierObj>) return "Barrier";
            else if constexpr (std::is_same_v<T, QueueObj>) return "Queue";
            else if constexpr (std::is_same_v<T, LocalObj>) return "_thread._local";
            else if constexpr (std::is_same_v<T, FutureObj>) return "Future";
            else if constexpr (std::is_same_v<T, ExecutorObj>) return "ThreadPoolExecutor";
        },
        st.heap[v.ref].data);
}

std::string Machine::repr(Value v) {
    // Python's repr raises RecursionError past the native recursion limit; rendering for reports
    // prints deeper nesting as "..." instead.
    if (rendering && repr_stack.size() > kMaxRenderDepth) return "...";
    NativeLevel level(*this, " while getting the repr of an object");
    return repr_body(v);
}

std::string Machine::repr_body(Value v) {
    switch (v.tag) {
    case VTag::Unbound: return "<unbound>";
    case VTag::None: return "None";
    case VTag::Bool: return v.i ? "True" : "False";
    case VTag::Int: return std::to_string(v.i);
    case VTag::Float: return float_repr(v.f);
    case VTag::Builtin:
        if (is_exception_class(v.builtin_id()))
            return "<class '" + std::string(builtin_name(v.builtin_id())) + "'>";
        return "<built-in function " + std::string(builtin_name(v.builtin_id())) + ">";
    case VTag::Module: return "<module '" + std::string(module_name(v.module_id())) + "'>";
    case VTag::BoundMethod:
        return "<bound method " + prog.name_of(v.method()) + " of " + type_name(Value::object(v.obj())) + " object>";
    case VTag::Obj: break;
    }
    Object& o = st.heap[v.ref];
    // A repr's length is checked as it grows: a value nested and shared enough (a = [a, a] in a
    // loop) has an exponentially long repr. Python code stops at the string limit; rendering
    // for reports keeps the first kMaxRenderBytes (Interpreter::repr marks the cut).
    const uint64_t cap = rendering ? kMaxRenderBytes : interp.limits().max_string;
    auto too_long = [&](std::string& out) {
        if (out.size() <= cap) return false;
        if (!rendering) reserve_string(out.size()); // exceeds
        out.resize(static_cast<size_t>(cap));
        render_cut = true;
        return true;
    };
    if (auto* s = std::get_if<StrObj>(&o.data)) {
        if (s->s.size() + 2 > cap) {
            std::string head = str_repr(s->s.substr(0, static_cast<size_t>(cap)));
            too_long(head);
            return head;
        }
        return str_repr(s->s);
    }
    if (render_cut) return ""; // rendering: the text is already cut
    auto join = [&](const std::vector<Value>& items, const char* open, const char* close,
                    bool tuple) {
        std::vector<Value> copy = items; // repr may allocate: never hold a reference into heap
        std::string out = open;
        for (size_t i = 0; i < copy.size(); ++i) {
            if (i) out += ", ";
            out += repr(copy[i]);
            if (too_long(out)) return out;
        }
        if (tuple && copy.size() == 1) out += ",";
        return out + close;
    };
    // CPython's reprlib guard: a container already being printed prints as [...] / {...}.
    if (std::get_if<ListObj>(&o.data) || std::get_if<DictObj>(&o.data)) {
        if (std::find(repr_stack.begin(), repr_stack.end(), v.ref) != repr_stack.end())
            return std::get_if<ListObj>(&o.data) ? "[...]" : "{...}";
    }
    struct Guard {
        std::vector<uint32_t>& stack;
        Guard(std::vector<uint32_t>& s, uint32_t ref) : stack(s) { stack.push_back(ref); }
        ~Guard() { stack.pop_back(); }
    } guard(repr_stack, v.ref);
    if (auto* t = std::get_if<TupleObj>(&o.data)) return join(t->items, "(", ")", true);
    if (auto* l = std::get_if<ListObj>(&o.data)) return join(l->items, "[", "]", false);
    if (auto* d = std::get_if<DictObj>(&o.data)) {
        auto copy = d->items;
        std::string out = "{";
        for (size_t i = 0; i < copy.size(); ++i) {
            if (i) out += ", ";
            out += repr(copy[i].first) + ": " + repr(copy[i].second);
            if (too_long(out)) return out;
        }
        return out + "}";
    }
    if (auto* r = std::get_if<RangeObj>(&o.data)) {
        std::string out = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
        if (r->step != 1) out += ", " + std::to_string(r->step);
        return out + ")";
    }
    if (auto* f = std::get_if<FunctionObj>(&o.data))
        return "<function " + prog.code[f->code.value].name + ">";
    if (auto* e = std::get_if<ExceptionObj>(&o.data)) {
        std::string name(builtin_name(e->type));
        auto args = e->args;
        if (args.size() == 1) return name + "(" + repr(args[0]) + ")";
        std::string out = name + "(";
        for (size_t i = 0; i < args.size(); ++i) {
            if (i) out += ", ";
            out += repr(args[i]);
            if (too_long(out)) return out;
        }
        return out + ")";
    }
    if (auto* t = std::get_if<ThreadObj>(&o.data)) {
        if (step_event) step_event->observed_identity = true;
        std::string state = t->started ? "started" : "initial";
        if (t->daemon) state += " daemon";
        return "<Thread(" + t->name + ", " + state + ")>";
    }
    return "<" + type_name(v) + " object>";
}

std::string Machine::str(Value v) {
    if (auto* s = str_of(v)) return *s;
    NativeLevel level(*this, " while getting the str of an object");
    if (auto* e = get<ExceptionObj>(v)) {
        auto args = e->args;
        bool key_error = e->type == BuiltinId::KeyError;
        if (args.empty()) return "";
        if (args.size() == 1) return key_error ? repr(args[0]) : str(args[0]);
        return repr(Value::object(v.obj())).substr(builtin_name(e->type).size());
    }
    return repr_body(v); // CPython's object_str calls tp_repr directly: no second level
}

int64_t Machine::to_index(Value v, const char* what) {
    if (v.is_int_like()) return v.i;
    raise(BuiltinId::TypeError,
          std::string(what) + " must be integers or slices, not " + type_name(v));
}

double Machine::to_float(Value v, const char* what) {
    if (v.tag == VTag::Float) return v.f;
    if (v.is_int_like()) return static_cast<double>(v.i);
    raise(BuiltinId::TypeError, std::string(what) + " must be a real number, not " + type_name(v));
}

Value Machine::binary(ast::BinOpKind op, Value l, Value r, bool inplace) {
    using K = ast::BinOpKind;
    if (l.is_int_like() && r.is_int_like()) {
        int64_t a = l.i, b = r.i, out = 0;
        auto overflow = [&]() {
            raise(BuiltinId::OverflowError,
                  "integer overflow: racecheck models int as 64-bit and this result does not fit");
        };
        switch (op) {
        case K::Add: if (__builtin_add_overflow(a, b, &out)) overflow(); return Value::integer(out);
        case K::Sub: if (__builtin_sub_overflow(a, b, &out)) overflow(); return Value::integer(out);
        case K::Mul: if (__builtin_mul_overflow(a, b, &out)) overflow(); return Value::integer(out);
        case K::Div:
            if (b == 0) raise(BuiltinId::ZeroDivisionError, "division by zero");
            return Value::floating(static_cast<double>(a) / static_cast<double>(b));
        case K::FloorDiv:
            if (b == 0) raise(BuiltinId::ZeroDivisionError, "integer division or modulo by zero");
            if (a == INT64_MIN && b == -1) overflow();
            return Value::integer(floordiv(a, b));
        case K::Mod:
            if (b == 0) raise(BuiltinId::ZeroDivisionError, "integer modulo by zero");
            if (b == -1) return Value::integer(0);
            return Value::integer(floormod(a, b));
        case K::Pow: {
            if (b < 0) return Value::floating(std::pow(static_cast<double>(a), static_cast<double>(b)));
            int64_t result = 1, base = a;
            while (b > 0) {
                if (b & 1) {
                    if (__builtin_mul_overflow(result, base, &result)) overflow();
                }
                b >>= 1;
                if (b > 0 && __builtin_mul_overflow(base, base, &base)) overflow();
            }
            return Value::integer(result);
        }
        case K::BitAnd: return l.tag == VTag::Bool && r.tag == VTag::Bool ? Value::boolean(a & b) : Value::integer(a & b);
        case K::BitOr: return l.tag == VTag::Bool && r.tag == VTag::Bool ? Value::boolean(a | b) : Value::integer(a | b);
        case K::BitXor: return l.tag == VTag::Bool && r.tag == VTag::Bool ? Value::boolean(a ^ b) : Value::integer(a ^ b);
        case K::LShift:
            if (b < 0) raise(BuiltinId::ValueError, "negative shift count");
            if (b >= 63 || (a != 0 && (a > (INT64_MAX >> b) || a < (INT64_MIN >> b)))) overflow();
            return Value::integer(a << b);
        case K::RShift:
            if (b < 0) raise(BuiltinId::ValueError, "negative shift count");
            return Value::integer(b >= 63 ? (a < 0 ? -1 : 0) : (a >> b));
        }
    }
    if (is_num(l) && is_num(r)) {
        double a = to_float(l, "operand"), b = to_float(r, "operand");
        switch (op) {
        case K::Add: return Value::floating(a + b);
        case K::Sub: return Value::floating(a - b);
        case K::Mul: return Value::floating(a * b);
        case K::Div:
            if (b == 0) raise(BuiltinId::ZeroDivisionError, "float division by zero");
            return Value::floating(a / b);
        case K::FloorDiv:
            if (b == 0) raise(BuiltinId::ZeroDivisionError, "float floor division by zero");
            return Value::floating(std::floor(a / b));
        case K::Mod: {
            if (b == 0) raise(BuiltinId::ZeroDivisionError, "float modulo");
            double m = std::fmod(a, b);
            if (m != 0 && ((m < 0) != (b < 0))) m += b;
            return Value::floating(m);
        }
        case K::Pow: return Value::floating(std::pow(a, b));
        default: break;
        }
    }
    // sequences
    if (op == K::Add) {
        if (auto* sa = str_of(l)) {
            if (auto* sb = str_of(r)) {
                reserve_string(uint64_t{sa->size()} + sb->size());
                return new_str(*sa + *sb);
            }
        }
        if (auto* la = get<ListObj>(l)) {
            if (auto* lb = get<ListObj>(r)) {
                reserve((uint64_t{la->items.size()} + lb->items.size()) * sizeof(Value));
                std::vector<Value> items = lb->items;
                if (inplace) {
                    charge(items.size() * sizeof(Value));
                    get<ListObj>(l)->items.insert(get<ListObj>(l)->items.end(), items.begin(), items.end());
                    if (shared(l))
                        for (Value x : items) mark_shared(x);
                    return l;
                }
                std::vector<Value> out = la->items;
                out.insert(out.end(), items.begin(), items.end());
                return new_list(std::move(out));
            }
        }
        if (auto* ta = get<TupleObj>(l)) {
            if (auto* tb = get<TupleObj>(r)) {
                reserve((uint64_t{ta->items.size()} + tb->items.size()) * sizeof(Value));
                std::vector<Value> out = ta->items;
                out.insert(out.end(), tb->items.begin(), tb->items.end());
                return new_tuple(std::move(out));
            }
        }
    }
    if (op == K::Mul && (r.is_int_like() || l.is_int_like())) {
        Value seq = r.is_int_like() ? l : r;
        int64_t n = std::max<int64_t>(0, r.is_int_like() ? r.i : l.i);
        // The size is computed with overflow checks first: past what CPython's Py_ssize_t holds
        // it raises as CPython does, past racecheck's limits the execution stops there.
        if (auto* s = str_of(seq)) {
            int64_t total = 0;
            if (__builtin_mul_overflow(n, static_cast<int64_t>(s->size()), &total))
                raise(BuiltinId::OverflowError, "repeated string is too long");
            reserve_string(static_cast<uint64_t>(total));
            std::string out;
            out.reserve(static_cast<size_t>(total));
            for (int64_t i = 0; i < n && !s->empty(); ++i) out += *s;
            return new_str(std::move(out));
        }
        auto* lst = get<ListObj>(seq);
        auto* tup = get<TupleObj>(seq);
        if (lst || tup) {
            std::vector<Value> items = lst ? lst->items : tup->items;
            int64_t total = 0, bytes = 0;
            if (__builtin_mul_overflow(n, static_cast<int64_t>(items.size()), &total) ||
                __builtin_mul_overflow(total, static_cast<int64_t>(sizeof(Value)), &bytes))
                raise(BuiltinId::MemoryError, ""); // CPython: PyErr_NoMemory
            reserve(static_cast<uint64_t>(bytes));
            std::vector<Value> out;
            out.reserve(static_cast<size_t>(total));
            for (int64_t i = 0; i < n && !items.empty(); ++i) out.insert(out.end(), items.begin(), items.end());
            return lst ? new_list(std::move(out)) : new_tuple(std::move(out));
        }
    }
    if (op == K::Mod && str_of(l)) {
        raise(BuiltinId::TypeError, "printf-style '%' string formatting is outside racecheck's "
                                    "subset; use an f-string");
    }
    raise(BuiltinId::TypeError, std::string("unsupported operand type(s) for ") +
                                    binop_symbol(op) + (inplace ? "=" : "") + ": '" +
                                    type_name(l) + "' and '" + type_name(r) + "'");
}

Value Machine::unary(ast::UnaryOpKind op, Value v) {
    using K = ast::UnaryOpKind;
    switch (op) {
    case K::Not: return Value::boolean(!truthy(v));
    case K::Neg:
        if (v.is_int_like()) {
            if (v.i == INT64_MIN) raise(BuiltinId::OverflowError, "integer overflow");
            return Value::integer(-v.i);
        }
        if (v.tag == VTag::Float) return Value::floating(-v.f);
        break;
    case K::Pos:
        if (v.is_int_like()) return Value::integer(v.i);
        if (v.tag == VTag::Float) return v;
        break;
    case K::Invert:
        if (v.is_int_like()) return Value::integer(~v.i);
        break;
    }
    const char* sym = op == K::Neg ? "-" : op == K::Pos ? "+" : "~";
    raise(BuiltinId::TypeError,
          std::string("bad operand type for unary ") + sym + ": '" + type_name(v) + "'");
}

bool Machine::contains(Value container, Value item) {
    if (auto* s = str_of(container)) {
        auto* sub = str_of(item);
        if (!sub)
            raise(BuiltinId::TypeError,
                  "'in <string>' requires string as left operand, not " + type_name(item));
        return s->find(*sub) != std::string::npos;
    }
    if (auto* d = get<DictObj>(container)) return dict_find(*d, item) != nullptr;
    if (auto* r = get<RangeObj>(container)) {
        if (!item.is_int_like()) return false;
        int64_t x = item.i;
        if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop))
            return false;
        return (__int128{x} - r->start) % r->step == 0; // x - start may not fit in 64 bits
    }
    if (get<ListObj>(container) || get<TupleObj>(container)) {
        std::vector<Value> items = get<ListObj>(container) ? get<ListObj>(container)->items
                                                           : get<TupleObj>(container)->items;
        for (Value x : items)
            if (x.same(item) || equal(x, item)) return true;
        return false;
    }
    raise(BuiltinId::TypeError, "argument of type '" + type_name(container) + "' is not iterable");
}

bool Machine::compare(ast::CmpOpKind op, Value l, Value r) {
    using K = ast::CmpOpKind;
    switch (op) {
    case K::Eq: return equal(l, r);
    case K::NotEq: return !equal(l, r);
    case K::Lt: return less(l, r);
    case K::Gt: return less(r, l);
    case K::LtE: return less(l, r) || equal(l, r);
    case K::GtE: return less(r, l) || equal(l, r);
    case K::Is: return l.same(r);
    case K::IsNot: return !l.same(r);
    case K::In: return contains(r, l);
    case K::NotIn: return !contains(r, l);
    }
    return false;
}

} // namespace rc
