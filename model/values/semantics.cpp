// Python value semantics for the subset: truth, equality, rich comparison, types, repr/str.
// Arithmetic is operators.cpp; the format-spec mini-language format_spec.cpp. One file: repr,
// str, equality and comparison recurse into each other over every value kind.
#include <algorithm> // find (repr guard)
#include <charconv>  // to_chars for float repr
#include <cmath>     // isinf, isnan
#include <cstdio>    // snprintf for exponents

#include "model/runtime/machine.hpp"  // Machine
#include "model/values/numbers.hpp"   // compare_int_float
#include "model/values/set_table.hpp" // set_items
#include "model/stdlib/named_tuples.hpp" // named_tuple_repr
#include "model/text/strings.hpp"   // str_repr
#include "model/text/unicode.hpp"   // decode (ascii)

namespace rc {

namespace {

bool is_num(Value v) {
    return v.tag == VTag::Int || v.tag == VTag::Bool || v.tag == VTag::Float;
}

const char* cmp_symbol(ast::CmpOpKind op) {
    using K = ast::CmpOpKind;
    switch (op) {
    case K::Lt: return "<";
    case K::LtE: return "<=";
    case K::Gt: return ">";
    case K::GtE: return ">=";
    default: return "==";
    }
}

/// a <op> b for numbers: exact for int against float, as CPython compares them.
bool compare_numbers(ast::CmpOpKind op, Value a, Value b) {
    using K = ast::CmpOpKind;
    int c;
    if (a.tag == VTag::Float && b.tag == VTag::Float) {
        if (std::isnan(a.f) || std::isnan(b.f)) return op == K::NotEq;
        c = a.f < b.f ? -1 : a.f > b.f ? 1 : 0;
    } else if (a.tag == VTag::Float) {
        if (std::isnan(a.f)) return op == K::NotEq;
        c = -compare_int_float(b.i, a.f);
    } else if (b.tag == VTag::Float) {
        if (std::isnan(b.f)) return op == K::NotEq;
        c = compare_int_float(a.i, b.f);
    } else {
        c = a.i < b.i ? -1 : a.i > b.i ? 1 : 0;
    }
    switch (op) {
    case K::Lt: return c < 0;
    case K::LtE: return c <= 0;
    case K::Gt: return c > 0;
    case K::GtE: return c >= 0;
    case K::Eq: return c == 0;
    case K::NotEq: return c != 0;
    default: return false;
    }
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
        if (auto* s = std::get_if<SetObj>(&o.data)) return s->used != 0;
        if (auto* q = std::get_if<DequeObj>(&o.data)) return !q->items.empty();
        if (std::get_if<DictViewObj>(&o.data)) return length(v) != 0;
        if (std::get_if<InstanceObj>(&o.data) &&
            (!user_dunder(v, "__bool__").is_unbound() || !user_dunder(v, "__len__").is_unbound()))
            unsupported("the truth value of an object whose class defines __bool__ or __len__, here",
                        "test it in an if or while condition, with not, or with bool(), where racecheck "
                        "calls those methods");
        if (auto* r = std::get_if<RangeObj>(&o.data)) {
            return r->step > 0 ? r->start < r->stop : r->start > r->stop;
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
    if (is_num(a) && is_num(b)) return compare_numbers(ast::CmpOpKind::Eq, a, b);
    if (get<DictViewObj>(a) || get<DictViewObj>(b)) return view_equal(a, b);
    if (a.tag != b.tag) return false;
    if (a.tag != VTag::Obj) return a.same(b);
    if (a.ref == b.ref) return true;
    if (auto r = user_compare(ast::CmpOpKind::Eq, a, b)) return *r;
    if (auto r = set_compare(ast::CmpOpKind::Eq, a, b)) return *r;
    const Object& oa = st.heap[a.ref];
    const Object& ob = st.heap[b.ref];
    if (oa.data.index() != ob.data.index()) return false;
    if (auto* s = std::get_if<StrObj>(&oa.data)) return s->s == std::get<StrObj>(ob.data).s;
    auto seq_eq = [&](const std::vector<Value>& x, const std::vector<Value>& y) {
        if (x.size() != y.size()) return false;
        for (size_t i = 0; i < x.size(); ++i)
            if (!x[i].same(y[i]) && !equal(x[i], y[i])) return false;
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
    if (auto* q = std::get_if<DequeObj>(&oa.data)) {
        std::vector<Value> x = q->items, y = std::get<DequeObj>(ob.data).items;
        return seq_eq(x, y);
    }
    if (auto* d = std::get_if<DictObj>(&oa.data)) {
        auto x = d->items;
        auto y = std::get<DictObj>(ob.data).items;
        if (x.size() != y.size()) return false;
        for (auto& [k, v] : x) {
            bool found = false;
            for (auto& [k2, v2] : y) {
                if (k.same(k2) || equal(k, k2)) {
                    if (!v.same(v2) && !equal(v, v2)) return false;
                    found = true;
                    break;
                }
            }
            if (!found) return false;
        }
        return true;
    }
    if (auto* r = std::get_if<RangeObj>(&oa.data)) { // equal as sequences
        RangeObj r1 = *r, r2 = std::get<RangeObj>(ob.data);
        int64_t n1 = length(a), n2 = length(b);
        if (n1 != n2) return false;
        if (n1 == 0) return true;
        if (r1.start != r2.start) return false;
        return n1 == 1 || r1.step == r2.step;
    }
    if (auto* m = std::get_if<MethodDescriptorObj>(&oa.data)) {
        auto& m2 = std::get<MethodDescriptorObj>(ob.data);
        return m->owner == m2.owner && m->method == m2.method;
    }
    return false;
}

/// A dict view compared with ==: keys and items views are set-like (compared with sets and
/// other views by their items); a values view is equal only to itself.
bool Machine::view_equal(Value a, Value b) {
    auto as_set = [&](Value v) -> Value {
        auto* dv = get<DictViewObj>(v);
        if (!dv) return get<SetObj>(v) ? v : Value::unbound();
        if (dv->kind == DictViewObj::Kind::Values) return Value::unbound();
        Value s = new_set(true);
        for (Value x : collect(v)) set_add(s, x);
        return s;
    };
    if (a.same(b)) return true;
    Value x = as_set(a), y = as_set(b);
    if (x.is_unbound() || y.is_unbound()) return false;
    return *set_compare(ast::CmpOpKind::Eq, x, y);
}

bool Machine::ordered(ast::CmpOpKind op, Value a, Value b) {
    using K = ast::CmpOpKind;
    NativeLevel level(*this, " in comparison");
    if (is_num(a) && is_num(b)) return compare_numbers(op, a, b);
    if (auto* sa = str_of(a)) {
        if (auto* sb = str_of(b)) { // UTF-8 byte order is code point order
            int c = sa->compare(*sb);
            return op == K::Lt ? c < 0 : op == K::LtE ? c <= 0 : op == K::Gt ? c > 0 : c >= 0;
        }
    }
    auto seq = [&](Value v) -> const std::vector<Value>* {
        if (auto* t = get<TupleObj>(v)) return &t->items;
        if (auto* l = get<ListObj>(v)) return &l->items;
        if (auto* q = get<DequeObj>(v)) return &q->items;
        return nullptr;
    };
    if (seq(a) && seq(b) && st.heap[a.ref].data.index() == st.heap[b.ref].data.index()) {
        std::vector<Value> x = *seq(a), y = *seq(b);
        for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
            if (!x[i].same(y[i]) && !equal(x[i], y[i])) return ordered(op, x[i], y[i]);
        }
        size_t n = x.size(), m = y.size();
        return op == K::Lt ? n < m : op == K::LtE ? n <= m : op == K::Gt ? n > m : n >= m;
    }
    if (get<DictViewObj>(a) || get<DictViewObj>(b)) {
        auto keys_set = [&](Value v) {
            if (!get<DictViewObj>(v)) return v;
            Value s = new_set(true);
            for (Value x : collect(v)) set_add(s, x);
            return s;
        };
        if (auto r = set_compare(op, keys_set(a), keys_set(b))) return *r;
    }
    if (auto r = set_compare(op, a, b)) return *r;
    if (auto r = user_compare(op, a, b)) return *r;
    raise(BuiltinId::TypeError, std::string("'") + cmp_symbol(op) +
                                    "' not supported between instances of '" + type_name(a) +
                                    "' and '" + type_name(b) + "'");
}

bool Machine::less(Value a, Value b) { return ordered(ast::CmpOpKind::Lt, a, b); }

BuiltinId Machine::type_of(Value v) {
    using B = BuiltinId;
    switch (v.tag) {
    case VTag::Unbound:
    case VTag::None: return B::NoneType;
    case VTag::Bool: return B::Bool;
    case VTag::Int: return B::Int;
    case VTag::Float: return B::Float;
    case VTag::Builtin: {
        BuiltinId id = v.builtin_id();
        if (id == B::NotImplemented) return B::NotImplementedType;
        return is_class(id) ? B::Type : B::BuiltinFunctionType;
    }
    case VTag::Module: return B::ModuleType;
    case VTag::BoundMethod: return is_container(Value::object(v.obj())) || get<StrObj>(Value::object(v.obj())) ||
                                           get<TupleObj>(Value::object(v.obj()))
                                       ? B::BuiltinFunctionType
                                       : B::MethodType;
    case VTag::Obj: break;
    }
    return std::visit(
        [&](const auto& o) -> BuiltinId {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, StrObj>) return B::Str;
            else if constexpr (std::is_same_v<T, TupleObj>) return o.named;
            else if constexpr (std::is_same_v<T, ListObj>) return B::List;
            else if constexpr (std::is_same_v<T, DictObj>)
                return o.kind == DictObj::Kind::DefaultDict ? B::Defaultdict
                       : o.kind == DictObj::Kind::Counter   ? B::Counter
                                                            : B::Dict;
            else if constexpr (std::is_same_v<T, SetObj>) return o.frozen ? B::Frozenset : B::Set;
            else if constexpr (std::is_same_v<T, RangeObj>) return B::Range;
            else if constexpr (std::is_same_v<T, SliceObj>) return B::Slice;
            else if constexpr (std::is_same_v<T, FunctionObj>) return B::FunctionType;
            else if constexpr (std::is_same_v<T, ExceptionObj>) return o.type;
            else if constexpr (std::is_same_v<T, IterObj>) {
                using K = IterObj::Kind;
                switch (o.kind) {
                case K::Sequence: return get<TupleObj>(o.source) ? B::TupleIterator : B::ListIterator;
                case K::DictKeys: return B::DictKeyIterator;
                case K::DictValues: return B::DictValueIterator;
                case K::DictItems: return B::DictItemIterator;
                case K::Set: return B::SetIterator;
                case K::Range: return B::RangeIterator;
                case K::String: return get<StrObj>(o.source)->ascii() ? B::StrIterator : B::StrUnicodeIterator;
                case K::Reversed: return B::ReversedIterator;
                case K::Deque: return B::DequeIterator;
                case K::Enumerate: return B::Enumerate;
                case K::Zip: return B::Zip;
                case K::Exhausted: return B::ListIterator;
                }
                return B::ListIterator;
            } else if constexpr (std::is_same_v<T, GeneratorObj>) return o.type;
            else if constexpr (std::is_same_v<T, DictViewObj>)
                return o.kind == DictViewObj::Kind::Keys     ? B::DictKeys
                       : o.kind == DictViewObj::Kind::Values ? B::DictValues
                                                             : B::DictItems;
            else if constexpr (std::is_same_v<T, DequeObj>) return B::Deque;
            else if constexpr (std::is_same_v<T, LoggerObj>) return B::LoggerType;
            else if constexpr (std::is_same_v<T, MethodDescriptorObj>) return B::MethodDescriptor;
            else if constexpr (std::is_same_v<T, AsCompletedObj>) return B::GeneratorType;
            else if constexpr (std::is_same_v<T, ThreadObj>) return o.timer.valid() ? B::Timer : B::Thread;
            else if constexpr (std::is_same_v<T, LockObj>) return B::LockType;
            else if constexpr (std::is_same_v<T, RLockObj>) return B::RLockType;
            else if constexpr (std::is_same_v<T, ConditionObj>) return B::Condition;
            else if constexpr (std::is_same_v<T, SemaphoreObj>)
                return o.bounded ? B::BoundedSemaphore : B::Semaphore;
            else if constexpr (std::is_same_v<T, EventObj>) return B::Event;
            else if constexpr (std::is_same_v<T, BarrierObj>) return B::Barrier;
            else if constexpr (std::is_same_v<T, QueueObj>)
                return o.simple                               ? B::SimpleQueue
                       : o.order == QueueObj::Order::Lifo     ? B::LifoQueue
                       : o.order == QueueObj::Order::Priority ? B::PriorityQueue
                                                              : B::Queue;
            else if constexpr (std::is_same_v<T, LocalObj>) return B::Local;
            else if constexpr (std::is_same_v<T, FutureObj>) return B::FutureType;
            else if constexpr (std::is_same_v<T, ExecutorObj>) return B::ThreadPoolExecutor;
            else if constexpr (std::is_same_v<T, ClassObj>) return B::Type;
            else if constexpr (std::is_same_v<T, InstanceObj>) return ref<ClassObj>(o.cls).native;
            else if constexpr (std::is_same_v<T, MethodObj>) return B::MethodType;
            else if constexpr (std::is_same_v<T, WrapperObj>)
                return o.kind == WrapperObj::Kind::Static  ? B::Staticmethod
                       : o.kind == WrapperObj::Kind::Class ? B::Classmethod
                                                           : B::Property;
            else if constexpr (std::is_same_v<T, SuperObj>) return B::Super;
            else if constexpr (std::is_same_v<T, PartialObj>) return B::Partial;
            else return B::Object;
        },
        st.heap[v.ref].data);
}

std::string Machine::type_name(Value v) {
    if (v.tag == VTag::Unbound) return "unbound";
    if (ObjectId c = class_of(v); c.valid()) return ref<ClassObj>(c).name;
    BuiltinId t = type_of(v);
    if (t == BuiltinId::StrIterator) return "str_ascii_iterator";
    if (t == BuiltinId::Defaultdict) return "collections.defaultdict"; // its tp_name
    if (t == BuiltinId::SimpleQueue) return "_queue.SimpleQueue";      // its tp_name
    std::string_view q = builtin_qualname(t);
    if (size_t dot = q.rfind('.'); dot != std::string_view::npos) q = q.substr(dot + 1);
    return std::string(builtin_kind(t) == BuiltinKind::TypeOnly || is_exception_class(t) ? q
                                                                                           : builtin_name(t));
}

namespace {

/// repr of a list or tuple, with a small stack frame: lists and tuples are the usual deep
/// nesting, and CPython's 1498 levels must fit in the stack in sanitizer builds too, whose
/// redzones make repr_body's frame (every kind's locals) several times larger.
std::string repr_sequence(Machine& m, Value v, bool list) {
    if (m.render_cut) return ""; // rendering: the text is already cut
    // CPython's reprlib guard: a list already being printed prints as [...].
    if (list && std::find(m.repr_stack.begin(), m.repr_stack.end(), v.ref) != m.repr_stack.end())
        return "[...]";
    const uint64_t cap = m.rendering ? Machine::kMaxRenderBytes : m.interp.limits().max_string;
    std::vector<Value> items = list ? std::get<ListObj>(m.st.heap[v.ref].data).items
                                    : std::get<TupleObj>(m.st.heap[v.ref].data).items;
    m.repr_stack.push_back(v.ref);
    struct Guard { // popped however the repr ends (RecursionError, a limit)
        std::vector<uint32_t>& stack;
        ~Guard() { stack.pop_back(); }
    } guard{m.repr_stack};
    std::string out = list ? "[" : "(";
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        out += m.repr(items[i]);
        if (out.size() > cap) { // as repr_body's too_long
            if (!m.rendering) m.reserve_string(out.size()); // exceeds
            out.resize(static_cast<size_t>(cap));
            m.render_cut = true;
            return out;
        }
    }
    if (!list && items.size() == 1) out += ",";
    return out + (list ? "]" : ")");
}

} // namespace

std::string Machine::repr(Value v) {
    // Python's repr raises RecursionError past the native recursion limit; rendering for reports
    // prints deeper nesting as "..." instead.
    if (rendering && repr_stack.size() > kMaxRenderDepth) return "...";
    NativeLevel level(*this, " while getting the repr of an object");
    if (v.tag == VTag::Obj) {
        const auto& data = st.heap[v.ref].data;
        const bool list = std::holds_alternative<ListObj>(data);
        if (list || (std::holds_alternative<TupleObj>(data) && std::get<TupleObj>(data).named == BuiltinId::Tuple))
            return repr_sequence(*this, v, list);
    }
    return repr_body(v);
}

// Out of line: its frame holds every kind's locals, and only the outermost level of a deep
// list/tuple nesting runs here (repr() takes repr_sequence for them).
__attribute__((noinline)) std::string Machine::repr_body(Value v) {
    switch (v.tag) {
    case VTag::Unbound: return "<unbound>";
    case VTag::None: return "None";
    case VTag::Bool: return v.i ? "True" : "False";
    case VTag::Int: return std::to_string(v.i);
    case VTag::Float: return float_repr(v.f);
    case VTag::Builtin: {
        BuiltinId id = v.builtin_id();
        if (id == BuiltinId::TypingForm) {
            if (!rendering) unsupported("str()/repr() of a typing name", "racecheck keeps typing names for annotations only");
            return "typing";
        }
        if (id == BuiltinId::NotImplemented) return "NotImplemented";
        if (id == BuiltinId::SysStdout || id == BuiltinId::SysStderr)
            return std::string("<_io.TextIOWrapper name='<") + (id == BuiltinId::SysStdout ? "stdout" : "stderr") +
                   ">' mode='w' encoding='utf-8'>";
        if (id == BuiltinId::StdoutWrite || id == BuiltinId::StderrWrite || id == BuiltinId::StdoutFlush ||
            id == BuiltinId::StderrFlush) {
            const bool out = id == BuiltinId::StdoutWrite || id == BuiltinId::StdoutFlush;
            return "<built-in method " + std::string(builtin_name(id)) + " of _io.TextIOWrapper object" +
                   (render_short ? std::string(">")
                                 : " at 0x" + hex_identity(Value::builtin(out ? BuiltinId::SysStdout : BuiltinId::SysStderr)) + ">");
        }
        if (is_class(id)) return "<class '" + std::string(builtin_qualname(id)) + "'>";
        return "<built-in function " + std::string(builtin_qualname(id)) + ">";
    }
    case VTag::Module: return "<module '" + std::string(module_name(v.module_id())) + "'>";
    case VTag::BoundMethod: {
        Value self = Value::object(v.obj());
        if (render_short)
            return "<bound method " + name_of(v.method()) + " of " + type_name(self) + " object>";
        if (type_of(v) == BuiltinId::BuiltinFunctionType)
            return "<built-in method " + name_of(v.method()) + " of " + type_name(self) +
                   " object at 0x" + hex_identity(self) + ">";
        return "<bound method " + type_name(self) + "." + name_of(v.method()) + " of " + repr(self) + ">";
    }
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
    if (class_of(v).valid()) {
        if (auto s = user_str(v, true)) return *s;
        return native_repr(v);
    }
    if (auto* c = std::get_if<ClassObj>(&o.data)) {
        if (render_short) { // traces and outcomes: a class and its scalar class attributes,
            std::string attrs; // as an instance shows its own (Downloader.total += n)
            size_t shown = 0;
            for (const auto& [n, x] : c->attrs) {
                const std::string& name = name_of(n);
                if ((x.tag == VTag::Obj && !str_of(x)) || x.tag == VTag::Builtin ||
                    (name.size() > 4 && name.rfind("__", 0) == 0))
                    continue; // methods, objects, builtins, dunders
                if (++shown > 6) {
                    attrs += " ...";
                    break;
                }
                attrs += " " + name + "=" + repr(x);
            }
            if (!attrs.empty()) return "<class " + c->name + attrs + ">";
        }
        return "<class '__main__." + c->name + "'>";
    }
    if (auto* mo = std::get_if<MethodObj>(&o.data)) {
        MethodObj bound = *mo;
        const CodeObject& fc = prog.code[get<FunctionObj>(bound.func)->code.value];
        std::string qual = fc.qualname.empty() ? fc.name : fc.qualname;
        if (render_short) return "<bound method " + qual + ">";
        return "<bound method " + qual + " of " + repr(bound.self) + ">";
    }
    if (auto* w = std::get_if<WrapperObj>(&o.data)) {
        WrapperObj wr = *w;
        if (wr.kind == WrapperObj::Kind::Property) return "<property object at 0x" + hex_identity(v) + ">";
        return std::string(wr.kind == WrapperObj::Kind::Static ? "<staticmethod(" : "<classmethod(") +
               repr(wr.func) + ")>";
    }
    if (auto* po = std::get_if<PartialObj>(&o.data)) {
        PartialObj p = *po; // repr may allocate: never hold a reference into the heap
        std::string out = "functools.partial(" + repr(p.func);
        for (Value x : std::vector<Value>(get<TupleObj>(p.args)->items)) out += ", " + repr(x);
        for (auto& [k, x] : std::vector<std::pair<Value, Value>>(get<DictObj>(p.keywords)->items))
            out += ", " + str(k) + "=" + repr(x);
        return out + ")";
    }
    if (auto* sp = std::get_if<SuperObj>(&o.data)) {
        SuperObj s = *sp;
        return "<super: " + repr(Value::object(s.cls)) + ", " + (get<ClassObj>(s.self) ? "<" + ref<ClassObj>(s.self.obj()).name + " object>" : "<" + type_name(s.self) + " object>") + ">";
    }
    auto join = [&](const std::vector<Value>& items, const std::string& open, const std::string& close,
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
    if (std::get_if<ListObj>(&o.data) || std::get_if<DictObj>(&o.data) ||
        std::get_if<SetObj>(&o.data) || std::get_if<DequeObj>(&o.data)) {
        if (std::find(repr_stack.begin(), repr_stack.end(), v.ref) != repr_stack.end()) {
            if (std::get_if<ListObj>(&o.data)) return "[...]";
            if (std::get_if<DequeObj>(&o.data)) return "[...]";
            if (auto* s = std::get_if<SetObj>(&o.data)) return s->frozen ? "frozenset(...)" : "set(...)";
            return "{...}";
        }
    }
    struct Guard {
        std::vector<uint32_t>& stack;
        Guard(std::vector<uint32_t>& s, uint32_t ref) : stack(s) { stack.push_back(ref); }
        ~Guard() { stack.pop_back(); }
    } guard(repr_stack, v.ref);
    if (auto* t = std::get_if<TupleObj>(&o.data)) {
        if (t->named != BuiltinId::Tuple) return named_tuple_repr(*this, v); // DoneAndNotDoneFutures, struct_time
        return join(t->items, "(", ")", true);
    }
    if (auto* l = std::get_if<ListObj>(&o.data)) return join(l->items, "[", "]", false);
    if (auto* q = std::get_if<DequeObj>(&o.data)) {
        int64_t maxlen = q->maxlen;
        std::string out = join(q->items, "deque([", "]", false);
        return out + (maxlen >= 0 ? ", maxlen=" + std::to_string(maxlen) + ")" : ")");
    }
    if (auto* s = std::get_if<SetObj>(&o.data)) {
        bool frozen = s->frozen;
        std::vector<Value> items = set_items(*this, v);
        if (items.empty()) return frozen ? "frozenset()" : "set()";
        std::string body = join(items, "{", "}", false);
        return frozen ? "frozenset(" + body + ")" : body;
    }
    if (auto* dv = std::get_if<DictViewObj>(&o.data)) {
        DictViewObj view = *dv;
        std::vector<Value> items = collect(v);
        const char* name = view.kind == DictViewObj::Kind::Keys     ? "dict_keys(["
                           : view.kind == DictViewObj::Kind::Values ? "dict_values(["
                                                                    : "dict_items([";
        return join(items, name, "])", false);
    }
    if (auto* d = std::get_if<DictObj>(&o.data)) {
        auto copy = d->items;
        std::string out = "{";
        for (size_t i = 0; i < copy.size(); ++i) {
            if (i) out += ", ";
            out += repr(copy[i].first) + ": " + repr(copy[i].second);
            if (too_long(out)) return out;
        }
        out += "}";
        if (get<DictObj>(v)->kind != DictObj::Kind::Dict) return dict_kind_repr(v, out);
        return out;
    }
    if (auto* r = std::get_if<RangeObj>(&o.data)) {
        std::string out = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
        if (r->step != 1) out += ", " + std::to_string(r->step);
        return out + ")";
    }
    if (auto* s = std::get_if<SliceObj>(&o.data)) {
        SliceObj sl = *s;
        return "slice(" + repr(sl.lower) + ", " + repr(sl.upper) + ", " + repr(sl.step) + ")";
    }
    if (auto* f = std::get_if<FunctionObj>(&o.data); f && !f->wrapped.is_unbound()) {
        Value w = f->wrapped; // functools.update_wrapper gave it the wrapped's __qualname__
        while (get<FunctionObj>(w) && !get<FunctionObj>(w)->wrapped.is_unbound()) w = get<FunctionObj>(w)->wrapped;
        const std::string name = get<FunctionObj>(w) ? (prog.code[get<FunctionObj>(w)->code.value].qualname.empty()
                                                              ? prog.code[get<FunctionObj>(w)->code.value].name
                                                              : prog.code[get<FunctionObj>(w)->code.value].qualname)
                                                       : std::string(builtin_name(w.builtin_id()));
        return "<function " + name + (render_short ? std::string(">") : " at 0x" + hex_identity(v) + ">");
    }
    if (auto* f = std::get_if<FunctionObj>(&o.data))
        return "<function " +
               (prog.code[f->code.value].qualname.empty() ? prog.code[f->code.value].name
                                                           : prog.code[f->code.value].qualname) +
               (render_short ? std::string(">") : " at 0x" + hex_identity(v) + ">");
    if (auto* md = std::get_if<MethodDescriptorObj>(&o.data))
        return "<method '" + name_of(md->method) + "' of '" + std::string(builtin_name(md->owner)) +
               "' objects>";
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
        if (t->started && t->tid.valid() && st.threads[t->tid.value].status == ThreadStatus::Finished)
            state = "stopped";
        std::string ident = t->started ? " " + std::to_string(1000 + t->tid.value) : "";
        return "<" + std::string(t->timer.valid() ? "Timer" : "Thread") + "(" + t->name + ", " + state + ident + ")>";
    }
    if (auto* l = std::get_if<LoggerObj>(&o.data)) {
        std::string name = l->name;
        return "<" + std::string(name == "root" ? "RootLogger" : "Logger") + " " + name + ">";
    }
    if (render_short) return "<" + type_name(v) + " object>";
    if (auto* g = std::get_if<GeneratorObj>(&o.data);
        g && (g->type == BuiltinId::ItCount || g->type == BuiltinId::ItRepeat) && !rendering)
        unsupported("repr() of an itertools." + std::string(builtin_name(g->type)) + " object",
                    "CPython shows its current arguments (count(3)), which racecheck does not keep");
    std::string_view q = builtin_qualname(type_of(v));
    std::string state;
    if (auto* l = std::get_if<LockObj>(&o.data)) state = l->locked ? "locked " : "unlocked ";
    return "<" + state + std::string(q) + " object at 0x" + hex_identity(v) + ">";
}

std::string Machine::hex_identity(Value v) {
    char b[32];
    std::snprintf(b, sizeof b, "%llx", static_cast<unsigned long long>(identity(v)));
    return b;
}

std::string Machine::str(Value v) {
    if (auto* s = str_of(v)) return *s;
    NativeLevel level(*this, " while getting the str of an object");
    if (class_of(v).valid()) {
        if (auto s = user_str(v, false)) return *s;
        return native_str(v);
    }
    if (auto* e = get<ExceptionObj>(v)) {
        auto args = e->args;
        bool key_error = e->type == BuiltinId::KeyError;
        if (args.empty()) return "";
        if (args.size() == 1) return key_error ? repr(args[0]) : str(args[0]);
        return repr(new_tuple(args));
    }
    return repr_body(v); // CPython's object_str calls tp_repr directly: no second level
}

std::string Machine::ascii(Value v) {
    std::string r = repr(v), out;
    for (size_t pos = 0; pos < r.size();) {
        size_t start = pos;
        uint32_t c = unicode::decode(r, pos);
        char b[16];
        if (c < 0x80) out.append(r, start, pos - start);
        else if (c <= 0xff) std::snprintf(b, sizeof b, "\\x%02x", c), out += b;
        else if (c <= 0xffff) std::snprintf(b, sizeof b, "\\u%04x", c), out += b;
        else std::snprintf(b, sizeof b, "\\U%08x", c), out += b;
    }
    return out;
}

int64_t Machine::to_index(Value v, const char* what) {
    if (v.is_int_like()) return v.i;
    (void)what;
    raise(BuiltinId::TypeError, "'" + type_name(v) + "' object cannot be interpreted as an integer");
}

double Machine::to_float(Value v, const char* what) {
    if (v.tag == VTag::Float) return v.f;
    if (v.is_int_like()) return static_cast<double>(v.i);
    raise(BuiltinId::TypeError, std::string(what) + " must be a real number, not " + type_name(v));
}

bool Machine::compare(ast::CmpOpKind op, Value l, Value r) {
    using K = ast::CmpOpKind;
    switch (op) {
    case K::Eq: return l.same(r) ? !(l.tag == VTag::Float && std::isnan(l.f)) : equal(l, r);
    case K::NotEq: return !(l.same(r) ? !(l.tag == VTag::Float && std::isnan(l.f)) : equal(l, r));
    case K::Lt:
    case K::LtE:
    case K::Gt:
    case K::GtE: return ordered(op, l, r);
    case K::Is: return l.same(r);
    case K::IsNot: return !l.same(r);
    case K::In: return contains(r, l);
    case K::NotIn: return !contains(r, l);
    }
    return false;
}

} // namespace rc
