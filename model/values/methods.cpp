// Native-call arguments, the dispatch of methods of builtin value types to their files
// (str_methods, list_methods, dict_methods, set_methods, deque), and str.format.
#include "model/runtime/machine.hpp" // Machine

namespace rc {

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

std::string Machine::str_format(const std::string& fmt, const Args& a, Value mapping) {
    std::string out;
    size_t auto_index = 0;
    bool automatic = false, manual = false;
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
        if (close == std::string::npos)
            raise(BuiltinId::ValueError, i + 1 == fmt.size() ? "Single '{' encountered in format string"
                                                             : "expected '}' before end of string");
        std::string field = fmt.substr(i + 1, close - i - 1);
        if (field.find('{') != std::string::npos)
            unsupported("nested replacement fields in str.format specs");
        i = close;
        std::string spec;
        char conversion = 0;
        if (size_t bang = field.find('!'); bang != std::string::npos && field.find(':') > bang) {
            size_t colon = field.find(':', bang);
            std::string conv = field.substr(bang + 1, colon == std::string::npos ? std::string::npos : colon - bang - 1);
            if (conv.size() != 1 || (conv[0] != 'r' && conv[0] != 's' && conv[0] != 'a'))
                raise(BuiltinId::ValueError, conv.empty() ? "end of string while looking for conversion specifier"
                                                          : "Unknown conversion specifier " + conv);
            conversion = conv[0];
            if (colon != std::string::npos) spec = field.substr(colon + 1);
            field.resize(bang);
        } else if (size_t colon = field.find(':'); colon != std::string::npos) {
            spec = field.substr(colon + 1);
            field.resize(colon);
        }
        if (field.find_first_of(".[") != std::string::npos)
            unsupported("attribute and index lookups in str.format fields");
        Value v;
        if (field.empty()) {
            if (manual)
                raise(BuiltinId::ValueError, "cannot switch from manual field specification to automatic field numbering");
            automatic = true;
            if (auto_index >= a.pos.size())
                raise(BuiltinId::IndexError, "Replacement index " + std::to_string(auto_index) +
                                                 " out of range for positional args tuple");
            v = a.pos[auto_index++];
        } else if (std::isdigit(static_cast<unsigned char>(field[0]))) {
            if (automatic)
                raise(BuiltinId::ValueError, "cannot switch from automatic field numbering to manual field specification");
            manual = true;
            size_t n = field.size() > 6 ? SIZE_MAX : std::stoul(field);
            if (n >= a.pos.size())
                raise(BuiltinId::IndexError, "Replacement index " + field +
                                                 " out of range for positional args tuple");
            v = a.pos[n];
        } else {
            bool found = false;
            if (auto* d = get<DictObj>(mapping)) {
                Value key = new_str(field);
                if (Value* x = dict_find(*get<DictObj>(mapping), key)) {
                    v = *x;
                    found = true;
                }
                (void)d;
            }
            for (auto& [n, val] : a.kw) {
                if (name_of(n) == field) {
                    v = val;
                    found = true;
                }
            }
            if (!found) {
                Value exc = make_exception(BuiltinId::KeyError, "");
                get<ExceptionObj>(exc)->args = {new_str(field)};
                raise_value(exc);
            }
        }
        out += format(v, spec, conversion);
        if (out.size() > interp.limits().max_string) reserve_string(out.size()); // exceeds
        if (out.size() > interp.limits().max_string) reserve_string(out.size()); // exceeds
    }
    return out;
}

Value Machine::call_container_method(Value self, NameId method, const Args& args) {
    if (get<StrObj>(self)) return call_str_method(self, method, args);
    if (get<ListObj>(self)) return call_list_method(self, method, args);
    if (get<DictObj>(self)) return call_dict_method(self, method, args);
    if (get<TupleObj>(self)) return call_tuple_method(self, method, args);
    if (get<SetObj>(self)) return call_set_method(self, method, args);
    if (get<DequeObj>(self)) return call_deque_method(self, method, args);
    no_attribute(self, method);
}

} // namespace rc
