// Python's builtin functions and classes (print, len, sum, sorted, set, map, ...): dispatch,
// with CPython 3.12's signatures and messages. Numeric and text conversions (int, float, str,
// chr, hex, round, ...) are builtin_conversions.cpp; module functions have their own files.
//
// A builtin that would have to run Python code (a key function written in Python, an iterable
// that is a generator) hands the work to the prelude's Python (prelude.cpp) and returns
// Unbound: the interpreter then runs that frame, and its result is the call's result.
#include <algorithm> // reverse
#include <cmath>     // fabs, isfinite

#include "model/runtime/machine.hpp"  // Machine
#include "model/values/set_table.hpp" // set_update_internal

namespace rc {

namespace {

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
    case BuiltinId::Timer:
    case BuiltinId::Queue:
    case BuiltinId::LifoQueue:
    case BuiltinId::PriorityQueue:
    case BuiltinId::SimpleQueue:
    case BuiltinId::ThreadPoolExecutor:
    case BuiltinId::AsCompleted:
    case BuiltinId::RcPoolNext:
    case BuiltinId::RcPoolSubmit:
    case BuiltinId::RcFutureFn:
    case BuiltinId::RcFutureArgs:
    case BuiltinId::RcFutureKwargs:
    case BuiltinId::RcFutureFinish:
    case BuiltinId::RcFutureFail:
    case BuiltinId::RcCallbackRaised:
    case BuiltinId::RcBarrierOpen:
    case BuiltinId::RcTimerFinished:
    case BuiltinId::RcPoolIdle:
    case BuiltinId::RcAsCompletedBatch:
    case BuiltinId::RcLazyResults:
    case BuiltinId::FuturesWait:
    case BuiltinId::RcFutureFailed:
    case BuiltinId::RcDoneNotDone:
        return true;
    default: return false;
    }
}

} // namespace

Value Machine::call_builtin(BuiltinId id, const Args& a) {
    using S = Sig::Style;
    if (is_exception_class(id)) {
        if (!a.kw.empty())
            raise(BuiltinId::TypeError, std::string(builtin_name(id)) + "() takes no keyword arguments");
        Value exc = make_exception(id, "");
        get<ExceptionObj>(exc)->args = a.pos;
        return exc;
    }
    if (is_threading_constructor(id)) return construct_sync(id, a);
    if (builtin_kind(id) == BuiltinKind::ModFn || builtin_kind(id) == BuiltinKind::ModCls)
        return call_module_function(id, a);
    switch (id) {
    case BuiltinId::Print: {
        Args keywords;
        keywords.kw = a.kw; // print's positional arguments are *objects
        Bound b = bind(keywords, Sig{"print", S::Takes, {"sep", "end", "file", "flush"}, 0, 0, 0});
        const bool to_stderr = b.has(2) && b[2].tag == VTag::Builtin && b[2].builtin_id() == BuiltinId::SysStderr;
        if (b.has(2) && !b[2].is_none() && !to_stderr &&
            !(b[2].tag == VTag::Builtin && b[2].builtin_id() == BuiltinId::SysStdout))
            unsupported("print(file=...) to a file other than sys.stdout and sys.stderr",
                        "racecheck models printing to stdout and stderr only");
        auto text_of = [&](size_t k, const char* what, const char* dflt) -> std::string {
            if (!b.has(k) || b[k].is_none()) return dflt;
            if (!str_of(b[k]))
                raise(BuiltinId::TypeError, std::string(what) + " must be None or a string, not " + type_name(b[k]));
            return *str_of(b[k]);
        };
        std::string sep = text_of(0, "sep", " "), end = text_of(1, "end", "\n");
        if (to_stderr) { // not an outcome: one write (as a logging record), of the whole line
            std::string text;
            for (size_t i = 0; i < a.pos.size(); ++i) text += (i ? sep : "") + str(a.pos[i]);
            text += end;
            if (text.size() > interp.limits().max_string) reserve_string(text.size()); // exceeds
            charge(text.size());
            st.error_output += text;
            return Value::none();
        }
        // CPython's builtin_print writes each object's str, each separator and the end with a
        // call of sys.stdout.write of its own; the GIL can pass between them (a flush releases it
        // in the write system call). _rc_print makes each piece a visible write (_rc_write).
        // --print-lines: the whole print is one write (_rc_write(objects, sep, end)), unless two
        // of its objects are shared containers: one visible step reads one container.
        bool whole = interp.limits().print_lines;
        if (whole) {
            int containers = 0;
            for (Value v : a.pos) containers += shared(v) && is_container(v);
            whole = containers <= 1;
        }
        push_prelude(prog.prelude.print, {new_tuple(a.pos), new_str(std::move(sep)), new_str(std::move(end)),
                                          Value::boolean(whole)});
        return Value::unbound();
    }
    case BuiltinId::RcWrite: { // one piece of a print (or, --print-lines, a whole print): str() of it, written to stdout
        std::string text;
        if (a.pos.size() == 3) { // (objects, sep, end)
            const std::vector<Value> objects = get<TupleObj>(a.pos[0])->items; // a copy: str() may grow the heap
            const std::string sep = str(a.pos[1]), end = str(a.pos[2]);
            for (size_t i = 0; i < objects.size(); ++i) text += (i ? sep : "") + str(objects[i]);
            text += end;
        } else {
            text = str(a.pos[0]);
        }
        if (text.size() > interp.limits().max_string) reserve_string(text.size()); // exceeds
        charge(text.size()); // the output is part of the program's memory
        st.output += text;
        digest_output(st, text);
        note_output_writer(st, tid, text);
        if (event) event->value = new_str(std::move(text));
        return Value::none();
    }
    case BuiltinId::RcChoose: return Value::boolean(timeout); // the explorer's choice
    case BuiltinId::RcIterResult: { // what a class's __iter__ returned: an iterator, as iter() checks
        Value it = a.pos.at(0);
        if (get<IterObj>(it) || get<GeneratorObj>(it) || get<AsCompletedObj>(it)) return it;
        raise(BuiltinId::TypeError, "iter() returned non-iterator of type '" + type_name(it) + "'");
    }
    case BuiltinId::NotImplemented: raise(BuiltinId::TypeError, "'NotImplementedType' object is not callable");
    case BuiltinId::NotImplementedType:
        if (!a.pos.empty() || !a.kw.empty()) raise(BuiltinId::TypeError, "NotImplementedType takes no arguments");
        return Value::builtin(BuiltinId::NotImplemented);
    case BuiltinId::Len: return Value::integer(length(bind(a, Sig{"len", S::One, {"obj"}, 1, 1})[0]));
    case BuiltinId::Range: {
        Bound b = bind(a, Sig{"range", S::Expected, {"start", "stop", "step"}, 1, 3});
        int64_t start = 0, stop, step = 1;
        if (!b.has(1)) stop = to_index(b[0], "range()");
        else {
            start = to_index(b[0], "range()");
            stop = to_index(b[1], "range()");
            if (b.has(2)) step = to_index(b[2], "range()");
        }
        if (step == 0) raise(BuiltinId::ValueError, "range() arg 3 must not be zero");
        return Value::object(alloc(Object{RangeObj{start, stop, step}}));
    }
    case BuiltinId::Sum: return sum_builtin(a);
    case BuiltinId::Min:
    case BuiltinId::Max: return min_max(id == BuiltinId::Max, a);
    case BuiltinId::Repr: return new_str(repr(bind(a, Sig{"repr", S::One, {"obj"}, 1, 1})[0]));
    case BuiltinId::Ascii: return new_str(ascii(bind(a, Sig{"ascii", S::One, {"obj"}, 1, 1})[0]));
    case BuiltinId::Bool: {
        Bound b = bind(a, Sig{"bool", S::Expected, {"x"}, 0, 1});
        return Value::boolean(b.has(0) && truthy(b[0]));
    }
    case BuiltinId::List: {
        Bound b = bind(a, Sig{"list", S::Expected, {"iterable"}, 0, 1});
        return new_list(b.has(0) ? collect(b[0]) : std::vector<Value>{});
    }
    case BuiltinId::Tuple: {
        Bound b = bind(a, Sig{"tuple", S::Expected, {"iterable"}, 0, 1});
        if (b.has(0) && get<TupleObj>(b[0])) return b[0];
        return new_tuple(b.has(0) ? collect(b[0]) : std::vector<Value>{});
    }
    case BuiltinId::Set:
    case BuiltinId::Frozenset: {
        const bool frozen = id == BuiltinId::Frozenset;
        if (!a.kw.empty())
            raise(BuiltinId::TypeError, std::string(frozen ? "frozenset" : "set") + "() takes no keyword arguments");
        Bound b = bind(a, Sig{frozen ? "frozenset" : "set", S::Expected, {"iterable"}, 0, 1});
        if (frozen && b.has(0) && get<SetObj>(b[0]) && get<SetObj>(b[0])->frozen) return b[0];
        Value s = new_set(frozen);
        if (b.has(0)) {
            if (!is_iterable(b[0])) raise(BuiltinId::TypeError, "'" + type_name(b[0]) + "' object is not iterable");
            set_update_internal(*this, s, b[0]);
        }
        return s;
    }
    case BuiltinId::Dict: {
        Args positional;
        positional.pos = a.pos; // keywords become items
        Bound b = bind(positional, Sig{"dict", S::Expected, {"mapping"}, 0, 1});
        Value d = new_dict();
        if (b.has(0)) dict_update(d, b[0]);
        for (auto& [n, v] : a.kw) store_subscript(d, new_str(name_of(n)), v);
        return d;
    }
    case BuiltinId::Enumerate: {
        Bound b = bind(a, Sig{"enumerate", S::Takes, {"iterable", "start"}, 1, 0});
        int64_t start = b.has(1) ? to_index(b[1], "enumerate()") : 0;
        if (!is_iterable(b[0])) raise(BuiltinId::TypeError, "'" + type_name(b[0]) + "' object is not iterable");
        Value it = get_iter(b[0]);
        if (is_generator(it)) {
            Value g = make_prelude_generator(prog.prelude.enumerate, {it, Value::integer(start)}, BuiltinId::Enumerate);
            return g;
        }
        return make_enumerate(it, start);
    }
    case BuiltinId::Zip: {
        bool strict = false;
        for (auto& [n, v] : a.kw) {
            if (name_of(n) != "strict")
                raise(BuiltinId::TypeError, "'" + name_of(n) + "' is an invalid keyword argument for zip()");
            strict = truthy(v);
        }
        std::vector<Value> iterators;
        bool python = strict;
        for (Value v : a.pos) {
            if (!is_iterable(v)) raise(BuiltinId::TypeError, "'" + type_name(v) + "' object is not iterable");
            iterators.push_back(get_iter(v));
            python = python || is_generator(iterators.back());
        }
        if (python)
            return make_prelude_generator(prog.prelude.zip, {new_tuple(std::move(iterators)), Value::boolean(strict)},
                                          BuiltinId::Zip);
        return make_zip(std::move(iterators));
    }
    case BuiltinId::Map: {
        if (!a.kw.empty()) raise(BuiltinId::TypeError, "map() takes no keyword arguments");
        if (a.pos.size() < 2) raise(BuiltinId::TypeError, "map() must have at least two arguments.");
        std::vector<Value> iterators;
        for (size_t k = 1; k < a.pos.size(); ++k) {
            if (!is_iterable(a.pos[k]))
                raise(BuiltinId::TypeError, "'" + type_name(a.pos[k]) + "' object is not iterable");
            iterators.push_back(get_iter(a.pos[k]));
        }
        return make_prelude_generator(prog.prelude.map, {a.pos[0], new_tuple(std::move(iterators))}, BuiltinId::Map);
    }
    case BuiltinId::Filter: {
        if (!a.kw.empty()) raise(BuiltinId::TypeError, "filter() takes no keyword arguments");
        Bound b = bind(a, Sig{"filter", S::Expected, {"function", "iterable"}, 2, 2});
        if (!is_iterable(b[1])) raise(BuiltinId::TypeError, "'" + type_name(b[1]) + "' object is not iterable");
        return make_prelude_generator(prog.prelude.filter, {b[0], get_iter(b[1])}, BuiltinId::Filter);
    }
    case BuiltinId::Sorted: {
        if (a.pos.size() != 1)
            raise(BuiltinId::TypeError, "sorted expected 1 argument, got " + std::to_string(a.pos.size()));
        Args rest;
        rest.kw = a.kw;
        Bound b = bind(rest, Sig{"sort", S::Takes, {"key", "reverse"}, 0, 0, 0});
        Value items = new_list(collect(a.pos[0]));
        Value key = b.has(0) ? b[0] : Value::none();
        bool reverse = b.has(1) && truthy(b[1]);
        if (!key.is_none() && is_python_callable(key)) {
            push_prelude(prog.prelude.sorted_key, {items, key, Value::boolean(reverse)});
            return Value::unbound();
        }
        sort_list(items, key, reverse);
        return items;
    }
    case BuiltinId::Reversed: {
        Bound b = bind(a, Sig{"reversed", S::Expected, {"sequence"}, 1, 1});
        if (get<DictObj>(b[0]) || get<DictViewObj>(b[0])) {
            std::vector<Value> items = collect(b[0]);
            std::reverse(items.begin(), items.end());
            return get_iter(new_list(std::move(items)));
        }
        return make_reversed(b[0]);
    }
    case BuiltinId::Any:
    case BuiltinId::All: {
        bool any = id == BuiltinId::Any;
        Value v = bind(a, Sig{any ? "any" : "all", S::One, {"iterable"}, 1, 1})[0];
        if (!is_iterable(v)) raise(BuiltinId::TypeError, "'" + type_name(v) + "' object is not iterable");
        Value it = get_iter(v);
        if (is_generator(it)) {
            push_prelude(any ? prog.prelude.any : prog.prelude.all, {it});
            return Value::unbound();
        }
        Value x;
        while (iter_next(it, &x))
            if (truthy(x) == any) return Value::boolean(any);
        return Value::boolean(!any);
    }
    case BuiltinId::Issubclass: {
        Bound b = bind(a, Sig{"issubclass", S::Expected, {"cls", "class_or_tuple"}, 2, 2});
        if (get<ClassObj>(b[0])) return Value::boolean(user_subclass(b[0].obj(), b[1]));
        if (b[0].tag != VTag::Builtin || !is_class(b[0].builtin_id()))
            raise(BuiltinId::TypeError, "issubclass() arg 1 must be a class");
        return Value::boolean(is_subclass(b[0].builtin_id(), b[1]));
    }
    case BuiltinId::Isinstance: {
        Bound b = bind(a, Sig{"isinstance", S::Expected, {"obj", "class_or_tuple"}, 2, 2});
        return Value::boolean(isinstance(b[0], b[1]));
    }
    case BuiltinId::Id: return Value::integer(identity(bind(a, Sig{"id", S::One, {"obj"}, 1, 1})[0]));
    case BuiltinId::Hash: return Value::integer(hash(bind(a, Sig{"hash", S::One, {"obj"}, 1, 1})[0]));
    case BuiltinId::Callable: return Value::boolean(is_callable(bind(a, Sig{"callable", S::One, {"obj"}, 1, 1})[0]));
    case BuiltinId::Type: {
        if (a.pos.size() == 3) unsupported("type(name, bases, dict): creating classes");
        if (a.pos.size() != 1 || !a.kw.empty()) raise(BuiltinId::TypeError, "type() takes 1 or 3 arguments");
        return type_value(a.pos[0]);
    }
    case BuiltinId::Super: return make_super(a);
    case BuiltinId::Staticmethod:
    case BuiltinId::Classmethod:
    case BuiltinId::Property: return make_wrapper(id, a);
    case BuiltinId::Hasattr:
    case BuiltinId::Getattr:
    case BuiltinId::Setattr: {
        const char* fname = id == BuiltinId::Hasattr ? "hasattr" : id == BuiltinId::Getattr ? "getattr" : "setattr";
        const size_t lo = id == BuiltinId::Setattr ? 3 : 2, hi = id == BuiltinId::Getattr ? 3 : lo;
        if (!a.kw.empty()) raise(BuiltinId::TypeError, std::string(fname) + "() takes no keyword arguments");
        if (a.pos.size() < lo || a.pos.size() > hi)
            raise(BuiltinId::TypeError, std::string(fname) + (lo == hi ? " expected " : " expected at least ") +
                                            std::to_string(lo) + " arguments, got " + std::to_string(a.pos.size()));
        const std::string* text = str_of(a.pos[1]);
        if (!text)
            raise(BuiltinId::TypeError, std::string(fname == std::string("setattr") ? "attribute" : "attribute") +
                                            " name must be string, not '" + type_name(a.pos[1]) + "'");
        std::optional<NameId> n = find_name(*text);
        Value obj = a.pos[0];
        if (id == BuiltinId::Setattr) {
            if (!n) unsupported("setattr() of an attribute name the program never spells",
                                "write the attribute name in the code (obj.name = value)");
            Value setter;
            if (property_of(obj, *n, true, &setter)) call_sync(setter, {obj, a.pos[2]});
            else store_attribute(obj, *n, a.pos[2]);
            return Value::none();
        }
        try {
            if (!n) raise(BuiltinId::AttributeError, "'" + type_name(obj) + "' object has no attribute '" + *text + "'");
            Value getter;
            if (property_of(obj, *n, false, &getter)) return call_sync(getter, {obj});
            Value v = attribute(obj, *n);
            return id == BuiltinId::Hasattr ? Value::boolean(true) : v;
        } catch (PyRaise& r) {
            auto* e = get<ExceptionObj>(r.exc);
            if (!e || !exception_matches(e->type, BuiltinId::AttributeError)) throw;
            if (id == BuiltinId::Hasattr) return Value::boolean(false);
            if (a.pos.size() == 3) return a.pos[2];
            throw;
        }
    }
    case BuiltinId::Iter: {
        Bound b = bind(a, Sig{"iter", S::Expected, {"object", "sentinel"}, 1, 2});
        if (b.has(1)) unsupported("iter(callable, sentinel)");
        if (!is_iterable(b[0])) raise(BuiltinId::TypeError, "'" + type_name(b[0]) + "' object is not iterable");
        return get_iter(b[0]);
    }
    case BuiltinId::Next: {
        Bound b = bind(a, Sig{"next", S::Expected, {"iterator", "default"}, 1, 2});
        if (!get<IterObj>(b[0]))
            raise(BuiltinId::TypeError, "'" + type_name(b[0]) + "' object is not an iterator");
        Value x;
        if (iter_next(b[0], &x)) return x;
        if (b.has(1)) return b[1];
        raise(BuiltinId::StopIteration, "");
    }
    case BuiltinId::Object:
        if (!a.pos.empty() || !a.kw.empty()) raise(BuiltinId::TypeError, "object() takes no arguments");
        return Value::object(alloc(Object{PlainObj{}}));
    case BuiltinId::Slice: {
        Bound b = bind(a, Sig{"slice", S::Expected, {"start", "stop", "step"}, 1, 3});
        SliceObj s;
        if (!b.has(1)) {
            s.lower = Value::none();
            s.upper = b[0];
            s.step = Value::none();
        } else {
            s.lower = b[0];
            s.upper = b[1];
            s.step = b.has(2) ? b[2] : Value::none();
        }
        return Value::object(alloc(Object{s}));
    }
    case BuiltinId::RcSortByKeys: return sort_by_keys(a);
    case BuiltinId::TypingForm: unsupported("typing names outside annotations");
    default: break;
    }
    if (Value v = call_conversion(id, a); !v.is_unbound()) return v;
    if (builtin_kind(id) == BuiltinKind::TypeOnly)
        raise(BuiltinId::TypeError, "cannot create '" + std::string(builtin_qualname(id)) + "' instances");
    unsupported("calling " + std::string(builtin_name(id)));
}

Value Machine::sum_builtin(const Args& a) {
    Bound b = bind(a, Sig{"sum", Sig::Style::Takes, {"iterable", "start"}, 1, 1});
    Value acc = b.has(1) ? b[1] : Value::integer(0);
    if (str_of(acc)) raise(BuiltinId::TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (!is_iterable(b[0])) raise(BuiltinId::TypeError, "'" + type_name(b[0]) + "' object is not iterable");
    std::vector<Value> items = collect(b[0]);
    size_t i = 0;
    // CPython 3.12: exact int sum while items are ints; then a float sum with Neumaier's
    // compensation while items are floats (or ints); then generic +.
    if (acc.is_int_like()) {
        int64_t total = acc.i;
        for (; i < items.size() && items[i].is_int_like(); ++i)
            if (__builtin_add_overflow(total, items[i].i, &total)) int_overflow();
        acc = Value::integer(total);
        if (i < items.size()) acc = binary(ast::BinOpKind::Add, acc, items[i++], false);
    }
    if (acc.tag == VTag::Float) {
        double f = acc.f, c = 0.0;
        for (; i < items.size(); ++i) {
            Value x = items[i];
            if (x.tag == VTag::Float) {
                double t = f + x.f;
                if (std::fabs(f) >= std::fabs(x.f)) c += (f - t) + x.f;
                else c += (x.f - t) + f;
                f = t;
            } else if (x.is_int_like()) {
                f += static_cast<double>(x.i);
            } else {
                break;
            }
        }
        if (c != 0 && std::isfinite(c)) f += c;
        acc = Value::floating(f);
    }
    for (; i < items.size(); ++i) acc = binary(ast::BinOpKind::Add, acc, items[i], false);
    return acc;
}

Value Machine::min_max(bool want_max, const Args& a) {
    const char* name = want_max ? "max" : "min";
    Value key = Value::none(), dflt = Value::unbound();
    for (auto& [n, v] : a.kw) {
        KnownName k = known_name(n);
        if (k == KnownName::key) key = v;
        else if (k == KnownName::default_) dflt = v;
        else raise(BuiltinId::TypeError, "'" + name_of(n) + "' is an invalid keyword argument for " + name + "()");
    }
    if (a.pos.empty()) raise(BuiltinId::TypeError, std::string(name) + " expected at least 1 argument, got 0");
    if (a.pos.size() > 1 && !dflt.is_unbound())
        raise(BuiltinId::TypeError, std::string("Cannot specify a default for ") + name + "() with multiple positional arguments");
    if (a.pos.size() == 1 && !is_iterable(a.pos[0]))
        raise(BuiltinId::TypeError, "'" + type_name(a.pos[0]) + "' object is not iterable");
    // A Python key runs in the prelude, called on each item as it comes (a generator is
    // iterated there too, so their side effects interleave as in CPython).
    auto keyed_in_prelude = [&](Value iterable) {
        push_prelude(prog.prelude.minmax_key_iter,
                     {iterable, key, Value::boolean(want_max), Value::boolean(!dflt.is_unbound()),
                      dflt.is_unbound() ? Value::none() : dflt,
                      new_str(std::string(name) + "() iterable argument is empty")});
        return Value::unbound();
    };
    if (a.pos.size() == 1 && !key.is_none() && is_generator(a.pos[0])) return keyed_in_prelude(a.pos[0]);
    std::vector<Value> items = a.pos.size() == 1 ? collect(a.pos[0]) : a.pos;
    if (items.empty()) {
        if (!dflt.is_unbound()) return dflt;
        raise(BuiltinId::ValueError, std::string(name) + "() iterable argument is empty");
    }
    const ast::CmpOpKind op = want_max ? ast::CmpOpKind::Gt : ast::CmpOpKind::Lt;
    if (!key.is_none() && is_python_callable(key)) return keyed_in_prelude(new_list(std::move(items)));
    Value best = items[0];
    Value best_key = key.is_none() ? best : call_native(key, {best});
    for (size_t i = 1; i < items.size(); ++i) {
        Value k = key.is_none() ? items[i] : call_native(key, {items[i]});
        if (ordered(op, k, best_key)) {
            best = items[i];
            best_key = k;
        }
    }
    return best;
}

bool Machine::is_subclass(BuiltinId have, Value cls, const char* who) {
    std::vector<Value> classes = get<TupleObj>(cls) ? get<TupleObj>(cls)->items : std::vector<Value>{cls};
    for (Value c : classes) {
        if (get<TupleObj>(c)) {
            if (is_subclass(have, c, who)) return true;
            continue;
        }
        if (get<ClassObj>(c)) continue; // a builtin class is no subclass of a user class
        if (c.tag != VTag::Builtin || !is_class(c.builtin_id()))
            raise(BuiltinId::TypeError, std::string(who) + "() arg 2 must be a type, a tuple of types, or a union");
        BuiltinId want = c.builtin_id();
        if (want == BuiltinId::Object || have == want) return true;
        if (want == BuiltinId::Int && have == BuiltinId::Bool) return true;
        if (is_exception_class(have) && is_exception_class(want) && exception_matches(have, want)) return true;
        if (want == BuiltinId::Thread && have == BuiltinId::Timer) return true;
        if (want == BuiltinId::Dict && (have == BuiltinId::Defaultdict || have == BuiltinId::Counter)) return true;
        if (want == BuiltinId::Tuple && (have == BuiltinId::DoneAndNotDone || have == BuiltinId::StructTime)) return true;
        if (want == BuiltinId::Semaphore && have == BuiltinId::BoundedSemaphore) return true;
        if (want == BuiltinId::Queue && (have == BuiltinId::LifoQueue || have == BuiltinId::PriorityQueue))
            return true;
    }
    return false;
}

bool Machine::isinstance(Value v, Value cls) {
    if (ObjectId c = class_of(v); c.valid()) return user_subclass(c, cls);
    return is_subclass(type_of(v), cls, "isinstance");
}

bool Machine::is_callable(Value v) {
    switch (v.tag) {
    case VTag::Builtin: return v.builtin_id() != BuiltinId::TypingForm && v.builtin_id() != BuiltinId::NotImplemented;
    case VTag::BoundMethod: return true;
    case VTag::Obj:
        return get<FunctionObj>(v) || get<MethodDescriptorObj>(v) || get<MethodObj>(v) || get<ClassObj>(v) ||
               get<PartialObj>(v) ||
               (class_of(v).valid() && !user_dunder(v, "__call__").is_unbound());
    default: return false;
    }
}

bool Machine::is_python_callable(Value v) {
    return get<FunctionObj>(v) != nullptr || get<MethodObj>(v) != nullptr || get<ClassObj>(v) != nullptr ||
           (get<InstanceObj>(v) && !user_dunder(v, "__call__").is_unbound());
}

Value Machine::call_native(Value callee, std::vector<Value> args) {
    Args a;
    a.pos = std::move(args);
    Value result = Value::unbound();
    if (callee.tag == VTag::Builtin) {
        result = call_builtin(callee.builtin_id(), a);
    } else if (callee.tag == VTag::BoundMethod) {
        Value self = Value::object(callee.obj());
        result = call_method_value(self, callee.method(), a);
    } else if (auto* md = get<MethodDescriptorObj>(callee)) {
        result = call_descriptor(*md, a);
    } else {
        raise(BuiltinId::TypeError, "'" + type_name(callee) + "' object is not callable");
    }
    if (result.is_unbound()) unsupported("a key function that runs Python code inside a builtin");
    return result;
}

} // namespace rc
