// The bytecode listing. Operands are rendered from the program's tables so a listing reads
// without the tables beside it.
#include "model/bytecode/disassemble.hpp"

#include <fmt/format.h> // formatting
#include <type_traits>  // constant rendering

#include "model/syntax/ast.hpp" // BinOpKind, UnaryOpKind, CmpOpKind

namespace rc {

const char* op_name(Op op) {
    switch (op) {
    case Op::Nop: return "Nop";
    case Op::LoadConst: return "LoadConst";
    case Op::LoadLocal: return "LoadLocal";
    case Op::StoreLocal: return "StoreLocal";
    case Op::DeleteLocal: return "DeleteLocal";
    case Op::LoadGlobal: return "LoadGlobal";
    case Op::StoreGlobal: return "StoreGlobal";
    case Op::DeleteGlobal: return "DeleteGlobal";
    case Op::LoadBuiltin: return "LoadBuiltin";
    case Op::LoadAttr: return "LoadAttr";
    case Op::StoreAttr: return "StoreAttr";
    case Op::LoadSubscr: return "LoadSubscr";
    case Op::StoreSubscr: return "StoreSubscr";
    case Op::DeleteSubscr: return "DeleteSubscr";
    case Op::BuildSlice: return "BuildSlice";
    case Op::Binary: return "Binary";
    case Op::Unary: return "Unary";
    case Op::Compare: return "Compare";
    case Op::Jump: return "Jump";
    case Op::PopJumpIfFalse: return "PopJumpIfFalse";
    case Op::PopJumpIfTrue: return "PopJumpIfTrue";
    case Op::JumpIfFalseOrPop: return "JumpIfFalseOrPop";
    case Op::JumpIfTrueOrPop: return "JumpIfTrueOrPop";
    case Op::Pop: return "Pop";
    case Op::Dup: return "Dup";
    case Op::DupTwo: return "DupTwo";
    case Op::Rot2: return "Rot2";
    case Op::Rot3: return "Rot3";
    case Op::BuildList: return "BuildList";
    case Op::BuildTuple: return "BuildTuple";
    case Op::BuildDict: return "BuildDict";
    case Op::ListAppend: return "ListAppend";
    case Op::DictSetItem: return "DictSetItem";
    case Op::CallExtendArgs: return "CallExtendArgs";
    case Op::CallArgsList: return "CallArgsList";
    case Op::CallMergeKwargs: return "CallMergeKwargs";
    case Op::UnpackSequence: return "UnpackSequence";
    case Op::GetIter: return "GetIter";
    case Op::ForIter: return "ForIter";
    case Op::KwNames: return "KwNames";
    case Op::Call: return "Call";
    case Op::Return: return "Return";
    case Op::MakeFunction: return "MakeFunction";
    case Op::MakeClosure: return "MakeClosure";
    case Op::MakeCell: return "MakeCell";
    case Op::LoadDeref: return "LoadDeref";
    case Op::StoreDeref: return "StoreDeref";
    case Op::DeleteDeref: return "DeleteDeref";
    case Op::Raise: return "Raise";
    case Op::Reraise: return "Reraise";
    case Op::PushExcInfo: return "PushExcInfo";
    case Op::PopExcept: return "PopExcept";
    case Op::CheckExcMatch: return "CheckExcMatch";
    case Op::WithEnter: return "WithEnter";
    case Op::WithExit: return "WithExit";
    case Op::WithExitExc: return "WithExitExc";
    case Op::FormatValue: return "FormatValue";
    case Op::BuildString: return "BuildString";
    case Op::BuildSet: return "BuildSet";
    case Op::SetUpdateConst: return "SetUpdateConst";
    case Op::SetAdd: return "SetAdd";
    case Op::MakeGenExp: return "MakeGenExp";
    case Op::BuildClass: return "BuildClass";
    case Op::YieldValue: return "YieldValue";
    case Op::UnpackEx: return "UnpackEx";
    }
    return "?";
}

namespace {

const char* binary_symbol(uint8_t b) {
    static constexpr const char* kSymbols[] = {"+",  "-", "*", "/", "//", "%",
                                               "**", "&", "|", "^", "<<", ">>"};
    return b <= static_cast<uint8_t>(ast::BinOpKind::RShift) ? kSymbols[b] : "?";
}

const char* unary_symbol(uint8_t b) {
    static constexpr const char* kSymbols[] = {"not", "-", "+", "~"};
    return b <= static_cast<uint8_t>(ast::UnaryOpKind::Invert) ? kSymbols[b] : "?";
}

const char* compare_symbol(uint8_t b) {
    static constexpr const char* kSymbols[] = {"==", "!=", "<",  "<=",     ">",
                                               ">=", "is", "is not", "in", "not in"};
    return b <= static_cast<uint8_t>(ast::CmpOpKind::NotIn) ? kSymbols[b] : "?";
}

std::string python_string_repr(const std::string& s) {
    const char quote = s.find('\'') != std::string::npos && s.find('"') == std::string::npos
                           ? '"'
                           : '\'';
    std::string out(1, quote);
    for (char c : s) {
        if (c == quote || c == '\\') out += '\\', out += c;
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c == '\r') out += "\\r";
        else if (static_cast<unsigned char>(c) < 0x20) out += fmt::format("\\x{:02x}", c);
        else out += c;
    }
    return out + quote;
}

std::string float_repr(double v) {
    std::string s = fmt::format("{}", v);
    if (s.find_first_of(".eni") == std::string::npos) s += ".0"; // 1.0, not 1
    return s;
}

template <class T> std::string name_or_index(const std::vector<T>& names, uint32_t k) {
    return k < names.size() ? std::string(names[k]) : fmt::format("#{}", k);
}

std::string operand(const Program& p, const CodeObject& code, const Instr& in) {
    switch (in.op) {
    case Op::LoadConst:
        return in.a < p.constants.size() ? constant_repr(p.constants[in.a])
                                         : fmt::format("#{}", in.a);
    case Op::LoadLocal:
    case Op::StoreLocal:
    case Op::DeleteLocal:
    case Op::MakeCell:
        return name_or_index(code.local_names, in.a);
    case Op::LoadDeref:
    case Op::StoreDeref:
    case Op::DeleteDeref:
        return name_or_index(code.local_names, in.a) + (in.b ? " (free)" : " (cell)");
    case Op::LoadGlobal:
    case Op::StoreGlobal:
    case Op::DeleteGlobal:
        return in.a < p.globals.size() ? p.globals[in.a].name : fmt::format("#{}", in.a);
    case Op::LoadBuiltin:
        return std::string(builtin_name(static_cast<BuiltinId>(in.a)));
    case Op::LoadAttr:
    case Op::StoreAttr:
        return name_or_index(p.names, in.a);
    case Op::Binary:
        return std::string(binary_symbol(in.b)) + (in.a ? "= (in-place)" : "");
    case Op::Unary:
        return unary_symbol(in.b);
    case Op::Compare:
        return compare_symbol(in.b);
    case Op::Jump:
    case Op::PopJumpIfFalse:
    case Op::PopJumpIfTrue:
    case Op::JumpIfFalseOrPop:
    case Op::JumpIfTrueOrPop:
    case Op::ForIter:
        return fmt::format("-> {}", in.a);
    case Op::BuildSlice:
    case Op::BuildList:
    case Op::BuildTuple:
    case Op::BuildDict:
    case Op::ListAppend:
    case Op::DictSetItem:
    case Op::UnpackSequence:
    case Op::BuildString:
    case Op::BuildSet:
    case Op::SetUpdateConst:
    case Op::SetAdd:
    case Op::Raise:
    case Op::BuildClass:
        return fmt::format("{}", in.a);
    case Op::MakeGenExp:
        return fmt::format("genexp {} ({} captured)", in.a, in.b);
    case Op::KwNames: {
        if (in.a >= p.kwnames.size()) return fmt::format("#{}", in.a);
        std::string out = "(";
        for (NameId n : p.kwnames[in.a]) {
            out += out.size() > 1 ? ", " : "";
            out += name_or_index(p.names, n.value);
        }
        return out + ")";
    }
    case Op::Call:
        return in.b ? fmt::format("{} kw={}", in.a, in.b) : fmt::format("{}", in.a);
    case Op::MakeFunction:
    case Op::MakeClosure:
        return fmt::format("{} defaults={}",
                           in.a < p.code.size() ? p.code[in.a].name : fmt::format("#{}", in.a),
                           in.b);
    case Op::FormatValue: {
        std::string out = in.b ? fmt::format("!{}", static_cast<char>(in.b)) : "";
        if (in.a != UINT32_MAX && in.a < p.constants.size())
            out += (out.empty() ? "" : " ") + std::string("spec=") + constant_repr(p.constants[in.a]);
        return out;
    }
    default:
        return {};
    }
}

} // namespace

std::string constant_repr(const Constant& c) {
    return std::visit(
        [](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, NoneConst>) return "None";
            else if constexpr (std::is_same_v<T, bool>) return v ? "True" : "False";
            else if constexpr (std::is_same_v<T, int64_t>) return fmt::format("{}", v);
            else if constexpr (std::is_same_v<T, double>) return float_repr(v);
            else if constexpr (std::is_same_v<T, std::string>) return python_string_repr(v);
            else if constexpr (std::is_same_v<T, BuiltinId>)
                return fmt::format("<builtin {}>", builtin_name(v));
            else return fmt::format("<module {}>", module_name(v));
        },
        c);
}

std::string disassemble(const Program& p, FuncId func) {
    if (func.value >= p.code.size()) return fmt::format("code {}: no such code object\n", func.value);
    const CodeObject& code = p.code[func.value];
    std::string params;
    for (uint32_t k = 0; k < code.param_count && k < code.local_names.size(); ++k)
        params += (k ? ", " : "") + code.local_names[k];
    std::string out = fmt::format("code {} {}({}) locals={} max_stack={}\n", func.value, code.name,
                                  params, code.local_count, code.max_stack);
    for (size_t pc = 0; pc < code.code.size(); ++pc) {
        const Instr& in = code.code[pc];
        std::string arg = operand(p, code, in);
        out += fmt::format("{:4}  L{:<3} {}{}{}\n", pc, in.line, op_name(in.op),
                           arg.empty() ? "" : " ", arg);
    }
    if (!code.exception_table.empty()) {
        out += "exception table:\n";
        for (const ExceptionEntry& e : code.exception_table)
            out += fmt::format("  {}..{} -> {} depth {}\n", e.start, e.end, e.handler, e.depth);
    }
    return out;
}

} // namespace rc
