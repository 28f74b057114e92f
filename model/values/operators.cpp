// Arithmetic and the other binary and unary operators, with CPython 3.12's results and
// messages. ints are 64-bit: a result that does not fit is refused (`unsupported: integer
// beyond 64 bits`), never wrapped and never a Python exception.
#include <cmath> // pow, fabs, isinf, isnan

#include "model/runtime/machine.hpp" // Machine
#include "model/values/numbers.hpp"  // float_divmod, int_true_divide
#include "model/stdlib/collections_dicts.hpp" // counter_binary

namespace rc {

namespace {

bool is_num(Value v) {
    return v.tag == VTag::Int || v.tag == VTag::Bool || v.tag == VTag::Float;
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

Value dict_union(Machine& m, Value l, Value r, bool inplace) {
    // dict.__or__ / __ror__ / __ior__ (CPython 3.12 Objects/dictobject.c dict_or, dict_ior;
    // Lib/collections/__init__.py defaultdict's __or__/__ror__): a new dict with the left's items
    // then the right's, or, in place, the left updated with the right. A defaultdict on either
    // side of | makes a defaultdict with its default_factory (the left's when both are).
    if (!m.get<DictObj>(r)) {
        if (!inplace) return Value::unbound(); // NotImplemented: the TypeError below
        m.unsupported("`|=` on a dict with a " + m.type_name(r),
                    "racecheck models d |= other for a dict `other`; write d.update(other) instead");
    }
    std::vector<std::pair<Value, Value>> theirs = m.get<DictObj>(r)->items;
    Value out = l;
    if (!inplace) {
        const DictObj& left = *m.get<DictObj>(l);
        const DictObj& right = *m.get<DictObj>(r);
        std::vector<std::pair<Value, Value>> mine = left.items;
        DictObj::Kind kind = DictObj::Kind::Dict;
        Value factory = Value::none();
        if (left.kind == DictObj::Kind::DefaultDict) kind = left.kind, factory = left.default_factory;
        else if (right.kind == DictObj::Kind::DefaultDict) kind = right.kind, factory = right.default_factory;
        out = m.new_dict();
        m.get<DictObj>(out)->kind = kind;
        m.get<DictObj>(out)->default_factory = factory;
        for (auto& [k, v] : mine) m.store_subscript(out, k, v);
    }
    for (auto& [k, v] : theirs) m.store_subscript(out, k, v);
    return out;
}

} // namespace

[[noreturn]] void Machine::int_overflow() {
    unsupported("integer beyond 64 bits",
                "racecheck models int as 64-bit; keep the values of this program within "
                "-2**63 .. 2**63-1");
}

Value Machine::int_pow(int64_t a, int64_t b) {
    if (b < 0) {
        if (a == 0) raise(BuiltinId::ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return Value::floating(std::pow(static_cast<double>(a), static_cast<double>(b)));
    }
    int64_t result = 1, base = a;
    while (b > 0) {
        if ((b & 1) && __builtin_mul_overflow(result, base, &result)) int_overflow();
        b >>= 1;
        if (b > 0 && __builtin_mul_overflow(base, base, &base)) int_overflow();
    }
    return Value::integer(result);
}

Value Machine::float_pow(double a, double b) {
    if (a == 0 && b < 0) raise(BuiltinId::ZeroDivisionError, "0.0 cannot be raised to a negative power");
    if (a < 0 && b != std::floor(b) && std::isfinite(b))
        unsupported("complex numbers (a negative number to a fractional power)");
    double r = std::pow(a, b);
    if (std::isinf(r) && std::isfinite(a) && std::isfinite(b))
        raise(BuiltinId::OverflowError, "(34, 'Numerical result out of range')");
    return Value::floating(r);
}

Value Machine::binary(ast::BinOpKind op, Value l, Value r, bool inplace) {
    using K = ast::BinOpKind;
    if (l.is_int_like() && r.is_int_like()) {
        int64_t a = l.i, b = r.i, out = 0;
        switch (op) {
        case K::Add: if (__builtin_add_overflow(a, b, &out)) int_overflow(); return Value::integer(out);
        case K::Sub: if (__builtin_sub_overflow(a, b, &out)) int_overflow(); return Value::integer(out);
        case K::Mul: if (__builtin_mul_overflow(a, b, &out)) int_overflow(); return Value::integer(out);
        case K::Div:
            if (b == 0) raise(BuiltinId::ZeroDivisionError, "division by zero");
            return Value::floating(int_true_divide(a, b));
        case K::FloorDiv:
            if (b == 0) raise(BuiltinId::ZeroDivisionError, "integer division or modulo by zero");
            if (a == INT64_MIN && b == -1) int_overflow();
            return Value::integer(floordiv(a, b));
        case K::Mod:
            if (b == 0) raise(BuiltinId::ZeroDivisionError, "integer modulo by zero");
            if (b == -1) return Value::integer(0);
            return Value::integer(floormod(a, b));
        case K::Pow: return int_pow(a, b);
        case K::BitAnd: return l.tag == VTag::Bool && r.tag == VTag::Bool ? Value::boolean(a & b) : Value::integer(a & b);
        case K::BitOr: return l.tag == VTag::Bool && r.tag == VTag::Bool ? Value::boolean(a | b) : Value::integer(a | b);
        case K::BitXor: return l.tag == VTag::Bool && r.tag == VTag::Bool ? Value::boolean(a ^ b) : Value::integer(a ^ b);
        case K::LShift:
            if (b < 0) raise(BuiltinId::ValueError, "negative shift count");
            if (a == 0) return Value::integer(0);
            if (b >= 63 || a > (INT64_MAX >> b) || a < (INT64_MIN >> b)) int_overflow();
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
            return Value::floating(float_divmod(a, b).first);
        case K::Mod:
            if (b == 0) raise(BuiltinId::ZeroDivisionError, "float modulo");
            return Value::floating(float_mod(a, b));
        case K::Pow: return float_pow(a, b);
        default: break;
        }
    }
    if (Value c = counter_binary(*this, op, l, r, inplace); !c.is_unbound()) return c;
    if (op == K::BitOr && get<DictObj>(l)) { // dict | mapping and |= (PEP 584)
        if (Value d = dict_union(*this, l, r, inplace); !d.is_unbound()) return d;
    }
    if (Value s = set_operator(op, l, r, inplace); !s.is_unbound()) return s;
    if (op == K::Mod && str_of(l)) return percent_format(l, r);
    // sequences
    if (op == K::Add) {
        if (auto* sa = str_of(l)) {
            if (auto* sb = str_of(r)) {
                reserve_string(uint64_t{sa->size()} + sb->size());
                return new_str(*sa + *sb);
            }
            raise(BuiltinId::TypeError, "can only concatenate str (not \"" + type_name(r) + "\") to str");
        }
        if (auto* la = get<ListObj>(l)) {
            if (inplace) { // list += iterable extends it (list.__iadd__)
                std::vector<Value> items = collect(r);
                charge(items.size() * sizeof(Value));
                if (shared(l))
                    for (Value x : items) mark_shared(x);
                auto& mine = get<ListObj>(l)->items;
                mine.insert(mine.end(), items.begin(), items.end());
                return l;
            }
            if (auto* lb = get<ListObj>(r)) {
                reserve((uint64_t{la->items.size()} + lb->items.size()) * sizeof(Value));
                std::vector<Value> out = la->items;
                out.insert(out.end(), lb->items.begin(), lb->items.end());
                return new_list(std::move(out));
            }
            raise(BuiltinId::TypeError, "can only concatenate list (not \"" + type_name(r) + "\") to list");
        }
        if (auto* ta = get<TupleObj>(l)) {
            if (auto* tb = get<TupleObj>(r)) {
                reserve((uint64_t{ta->items.size()} + tb->items.size()) * sizeof(Value));
                std::vector<Value> out = ta->items;
                out.insert(out.end(), tb->items.begin(), tb->items.end());
                return new_tuple(std::move(out));
            }
            raise(BuiltinId::TypeError, "can only concatenate tuple (not \"" + type_name(r) + "\") to tuple");
        }
        if (get<DequeObj>(l) && get<DequeObj>(r)) {
            if (inplace) {
                std::vector<Value> items = get<DequeObj>(r)->items;
                Args a;
                a.pos = {new_list(std::move(items))};
                call_deque_method(l, NameId(static_cast<uint32_t>(KnownName::extend)), a);
                return l;
            }
            reserve((uint64_t{get<DequeObj>(l)->items.size()} + get<DequeObj>(r)->items.size()) *
                    sizeof(Value));
            DequeObj q = *get<DequeObj>(l);
            std::vector<Value> more = get<DequeObj>(r)->items;
            q.items.insert(q.items.end(), more.begin(), more.end());
            if (q.maxlen >= 0 && static_cast<int64_t>(q.items.size()) > q.maxlen)
                q.items.erase(q.items.begin(), q.items.end() - q.maxlen);
            q.version = 0;
            return Value::object(alloc(Object{std::move(q)}));
        }
    }
    if (op == K::Mul && (r.is_int_like() || l.is_int_like()) && !(r.is_int_like() && l.is_int_like())) {
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
            if (inplace && lst) {
                charge(static_cast<uint64_t>(bytes)); // the list grows in place
                get<ListObj>(seq)->items = std::move(out);
                return seq;
            }
            return lst ? new_list(std::move(out)) : new_tuple(std::move(out));
        }
    }
    if (op == K::Mul && (str_of(l) || get<ListObj>(l) || get<TupleObj>(l) || str_of(r) ||
                         get<ListObj>(r) || get<TupleObj>(r))) {
        Value other = (str_of(l) || get<ListObj>(l) || get<TupleObj>(l)) ? r : l;
        if (other.tag == VTag::Float || str_of(other) || get<ListObj>(other) || get<TupleObj>(other) ||
            other.is_none() || other.tag == VTag::Obj)
            raise(BuiltinId::TypeError, "can't multiply sequence by non-int of type '" + type_name(other) + "'");
    }
    if (op == K::BitOr && is_type_like(l) && is_type_like(r) && !(l.is_none() && r.is_none()))
        unsupported("union types (X | Y) outside annotations",
                    "racecheck accepts X | Y in annotations only; compare with isinstance(v, (X, Y)) instead");
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
            if (v.i == INT64_MIN) int_overflow();
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

} // namespace rc
