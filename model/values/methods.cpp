// Methods of str, list, dict and tuple. Each call is one atomic operation.
#include <algorithm> // stable_sort, reverse

#include "model/runtime/machine.hpp" // Machine

namespace rc {

namespace {

std::string strip_chars(const std::string& s, const std::string& chars, bool left, bool right) {
    size_t b = 0, e = s.size();
    if (left)
        while (b < e && chars.find(s[b]) != std::string::npos) ++b;
    if (right)
        while (e > b && chars.find(s[e - 1]) != std::string::npos) --e;
    return s.substr(b, e - b);
}

} // namespace

Value Args::get(size_t index, KnownName name, Value fallback) const {
    if (index < pos.size()) return pos[index];
    for (auto& [n, v] : kw)
        if (n.value == static_cast<uint32_t>(name)) return v;
    return fallback;
}

bool Args::has(size_t index, KnownName name) const {
    if (index < pos.size()) return true;
    for (auto& [n, v] : kw)
        if (n.value == static_cast<uint32_t>(name)) return true;
    return false;
}

std::string Machine::str_format(const std::string& fmt, const Args& a) {
    std::string out;
    size_t auto_index = 0;
    for (size_t i = 0; i < fmt.size(); ++i) {
        char c = fmt[i];
        if (c == '}') {
            if (i + 1 < fmt.size() && fmt[i + 1] == '}') {
                out += '}';
                ++i;
                continue;
            }
            raise(BuiltinId::ValueError, "Single '}' encountered in format string");
        }
        if (c != '{') {
            out += c;
            continue;
        }
        if (i + 1 < fmt.size() && fmt[i + 1] == '{') {
            out += '{';
            ++i;
            continue;
        }
        size_t close = fmt.find('}', i);
        if (close == std::string::npos) raise(BuiltinId::ValueError, "expected '}' before end of string");
        std::string field = fmt.substr(i + 1, close - i - 1);
        i = close;
        std::string spec;
        char conversion = 0;
        if (size_t colon = field.find(':'); colon != std::string::npos) {
            spec = field.substr(colon + 1);
            field.resize(colon);
        }
        if (size_t bang = field.find('!'); bang != std::string::npos) {
            conversion = bang + 1 < field.size() ? field[bang + 1] : 0;
            field.resize(bang);
        }
        if (field.find_first_of(".[") != std::string::npos)
            unsupported("attribute and index lookups in str.format fields");
        Value v;
        if (field.empty()) {
            if (auto_index >= a.pos.size())
                raise(BuiltinId::IndexError, "Replacement index " + std::to_string(auto_index) +
                                                 " out of range for positional args tuple");
            v = a.pos[auto_index++];
        } else if (std::isdigit(static_cast<unsigned char>(field[0]))) {
            size_t n = field.size() > 6 ? SIZE_MAX : std::stoul(field);
            if (n >= a.pos.size())
                raise(BuiltinId::IndexError, "Replacement index " + field +
                                                 " out of range for positional args tuple");
            v = a.pos[n];
        } else {
            bool found = false;
            for (auto& [n, val] : a.kw) {
                if (prog.name_of(n) == field) {
                    v = val;
                    found = true;
                }
            }
            if (!found) {
                Value key = new_str(field);
                Value exc = make_exception(BuiltinId::KeyError, "");
                get<ExceptionObj>(exc)->args = {key};
                raise_value(exc);
            }
        }
        out += format(v, spec, conversion);
    }
    return out;
}

Value Machine::call_container_method(Value self, NameId method, const Args& a) {
    auto k = static_cast<KnownName>(method.value);
    bool known = method.value < kKnownNameCount;
    const std::string& mname = prog.name_of(method);
    auto no_kw = [&]() {
        if (!a.kw.empty())
            raise(BuiltinId::TypeError, mname + "() takes no keyword arguments");
    };
    if (get<ListObj>(self)) {
        no_kw();
        auto items = [&]() -> std::vector<Value>& { return get<ListObj>(self)->items; };
        bool sh = shared(self);
        switch (known ? k : KnownName::Count) {
        case KnownName::append:
            check_arity("list.append", a, 1, 1);
            if (sh) mark_shared(a.pos[0]);
            items().push_back(a.pos[0]);
            return Value::none();
        case KnownName::extend: {
            check_arity("list.extend", a, 1, 1);
            std::vector<Value> more = collect(a.pos[0]);
            if (sh)
                for (Value x : more) mark_shared(x);
            items().insert(items().end(), more.begin(), more.end());
            return Value::none();
        }
        case KnownName::pop: {
            check_arity("pop", a, 0, 1);
            if (items().empty()) raise(BuiltinId::IndexError, "pop from empty list");
            int64_t n = static_cast<int64_t>(items().size());
            int64_t i = a.pos.empty() ? n - 1 : to_index(a.pos[0], "list indices");
            if (i < 0) i += n;
            if (i < 0 || i >= n) raise(BuiltinId::IndexError, "pop index out of range");
            Value v = items()[i];
            items().erase(items().begin() + i);
            return v;
        }
        case KnownName::insert: {
            check_arity("insert", a, 2, 2);
            int64_t n = static_cast<int64_t>(items().size());
            int64_t i = to_index(a.pos[0], "list indices");
            if (i < 0) i = std::max<int64_t>(0, i + n);
            i = std::min(i, n);
            if (sh) mark_shared(a.pos[1]);
            items().insert(items().begin() + i, a.pos[1]);
            return Value::none();
        }
        case KnownName::remove: {
            check_arity("list.remove", a, 1, 1);
            for (size_t i = 0; i < items().size(); ++i) {
                if (equal(items()[i], a.pos[0])) {
                    items().erase(items().begin() + static_cast<long>(i));
                    return Value::none();
                }
            }
            raise(BuiltinId::ValueError, "list.remove(x): x not in list");
        }
        case KnownName::index: {
            check_arity("index", a, 1, 1);
            for (size_t i = 0; i < items().size(); ++i)
                if (equal(items()[i], a.pos[0])) return Value::integer(static_cast<int64_t>(i));
            raise(BuiltinId::ValueError, repr(a.pos[0]) + " is not in list");
        }
        case KnownName::count: {
            check_arity("count", a, 1, 1);
            int64_t c = 0;
            for (size_t i = 0; i < items().size(); ++i)
                if (equal(items()[i], a.pos[0])) ++c;
            return Value::integer(c);
        }
        case KnownName::clear: items().clear(); return Value::none();
        case KnownName::copy: return new_list(items());
        case KnownName::reverse: std::reverse(items().begin(), items().end()); return Value::none();
        case KnownName::sort: {
            std::vector<Value> v = items();
            std::stable_sort(v.begin(), v.end(), [&](Value x, Value y) { return less(x, y); });
            items() = v;
            return Value::none();
        }
        default: break;
        }
    } else if (get<DictObj>(self)) {
        auto dict = [&]() -> DictObj& { return *get<DictObj>(self); };
        bool sh = shared(self);
        switch (known ? k : KnownName::Count) {
        case KnownName::get: {
            no_kw();
            check_arity("get", a, 1, 2);
            if (Value* v = dict_find(dict(), a.pos[0])) return *v;
            return a.pos.size() > 1 ? a.pos[1] : Value::none();
        }
        case KnownName::setdefault: {
            check_arity("setdefault", a, 1, 2);
            if (Value* v = dict_find(dict(), a.pos[0])) return *v;
            Value dflt = a.pos.size() > 1 ? a.pos[1] : Value::none();
            if (sh) mark_shared(dflt);
            dict().items.emplace_back(a.pos[0], dflt);
            return dflt;
        }
        case KnownName::pop: {
            check_arity("pop", a, 1, 2);
            for (size_t i = 0; i < dict().items.size(); ++i) {
                if (equal(dict().items[i].first, a.pos[0])) {
                    Value v = dict().items[i].second;
                    dict().items.erase(dict().items.begin() + static_cast<long>(i));
                    return v;
                }
            }
            if (a.pos.size() > 1) return a.pos[1];
            Value exc = make_exception(BuiltinId::KeyError, "");
            get<ExceptionObj>(exc)->args = {a.pos[0]};
            raise_value(exc);
        }
        case KnownName::keys:
        case KnownName::values:
        case KnownName::items: {
            check_arity(mname.c_str(), a, 0, 0);
            // A view is modelled as a snapshot list; iterating it while another thread
            // mutates the dict is still one visible read per call.
            std::vector<Value> out;
            auto copy = dict().items;
            for (auto& [key, val] : copy) {
                if (k == KnownName::keys) out.push_back(key);
                else if (k == KnownName::values) out.push_back(val);
                else out.push_back(new_tuple({key, val}));
            }
            return new_list(std::move(out));
        }
        case KnownName::update: {
            check_arity("update", a, 1, 1);
            auto* other = get<DictObj>(a.pos[0]);
            if (!other) raise(BuiltinId::TypeError, "dict.update() argument must be a dict in racecheck");
            auto copy = other->items;
            for (auto& [key, val] : copy) store_subscript(self, key, val);
            return Value::none();
        }
        case KnownName::clear: dict().items.clear(); return Value::none();
        case KnownName::copy: {
            auto copy = dict().items;
            Value out = new_dict();
            get<DictObj>(out)->items = std::move(copy);
            return out;
        }
        default: break;
        }
    } else if (get<TupleObj>(self)) {
        std::vector<Value> items = get<TupleObj>(self)->items;
        if (known && (k == KnownName::index || k == KnownName::count)) {
            check_arity(mname.c_str(), a, 1, 1);
            int64_t c = 0;
            for (size_t i = 0; i < items.size(); ++i) {
                if (equal(items[i], a.pos[0])) {
                    if (k == KnownName::index) return Value::integer(static_cast<int64_t>(i));
                    ++c;
                }
            }
            if (k == KnownName::index) raise(BuiltinId::ValueError, "tuple.index(x): x not in tuple");
            return Value::integer(c);
        }
    } else if (auto* sp = str_of(self)) {
        std::string s = *sp;
        switch (known ? k : KnownName::Count) {
        case KnownName::join: {
            check_arity("join", a, 1, 1);
            std::string out;
            std::vector<Value> parts = collect(a.pos[0]);
            for (size_t i = 0; i < parts.size(); ++i) {
                const std::string* p = str_of(parts[i]);
                if (!p)
                    raise(BuiltinId::TypeError, "sequence item " + std::to_string(i) +
                                                    ": expected str instance, " +
                                                    type_name(parts[i]) + " found");
                if (i) out += s;
                out += *p;
            }
            return new_str(std::move(out));
        }
        case KnownName::upper:
        case KnownName::lower: {
            for (char& c : s) c = static_cast<char>(k == KnownName::upper ? std::toupper(c) : std::tolower(c));
            return new_str(std::move(s));
        }
        case KnownName::strip: {
            std::string chars = a.pos.empty() || a.pos[0].is_none() ? " \t\n\r\f\v" : str(a.pos[0]);
            return new_str(strip_chars(s, chars, true, true));
        }
        case KnownName::startswith:
        case KnownName::endswith: {
            check_arity(mname.c_str(), a, 1, 1);
            std::string p = str(a.pos[0]);
            bool r = k == KnownName::startswith ? s.rfind(p, 0) == 0
                                                : s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
            return Value::boolean(r);
        }
        case KnownName::split: {
            std::vector<Value> out;
            if (a.pos.empty() || a.pos[0].is_none()) {
                size_t i = 0;
                while (i < s.size()) {
                    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
                    size_t j = i;
                    while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
                    if (j > i) out.push_back(new_str(s.substr(i, j - i)));
                    i = j;
                }
            } else {
                std::string sep = str(a.pos[0]);
                if (sep.empty()) raise(BuiltinId::ValueError, "empty separator");
                size_t i = 0, j;
                while ((j = s.find(sep, i)) != std::string::npos) {
                    out.push_back(new_str(s.substr(i, j - i)));
                    i = j + sep.size();
                }
                out.push_back(new_str(s.substr(i)));
            }
            return new_list(std::move(out));
        }
        case KnownName::index:
        case KnownName::find:
        case KnownName::rfind: {
            check_arity(mname.c_str(), a, 1, 1);
            const std::string* sub = str_of(a.pos[0]);
            if (!sub) raise(BuiltinId::TypeError, "must be str, not " + type_name(a.pos[0]));
            size_t at = k == KnownName::rfind ? s.rfind(*sub) : s.find(*sub);
            if (at == std::string::npos) {
                if (k == KnownName::index) raise(BuiltinId::ValueError, "substring not found");
                return Value::integer(-1);
            }
            return Value::integer(static_cast<int64_t>(at));
        }
        case KnownName::format: return new_str(str_format(s, a));
        case KnownName::replace: {
            check_arity("replace", a, 2, 2);
            std::string from = str(a.pos[0]), to = str(a.pos[1]), out;
            if (from.empty()) return new_str(s);
            size_t i = 0, j;
            while ((j = s.find(from, i)) != std::string::npos) {
                out += s.substr(i, j - i) + to;
                i = j + from.size();
            }
            return new_str(out + s.substr(i));
        }
        case KnownName::count: {
            check_arity("count", a, 1, 1);
            std::string sub = str(a.pos[0]);
            int64_t c = 0;
            if (sub.empty()) return Value::integer(static_cast<int64_t>(s.size()) + 1);
            for (size_t i = s.find(sub); i != std::string::npos; i = s.find(sub, i + sub.size())) ++c;
            return Value::integer(c);
        }
        default: break;
        }
    }
    raise(BuiltinId::AttributeError,
          "'" + type_name(self) + "' object has no attribute '" + mname + "'");
}

} // namespace rc
