// Rendering of user errors; see diagnostic.hpp for the format contract.
#include "model/scenario/diagnostic.hpp"

#include <fmt/format.h> // fmt::format

namespace rc {

std::string format_diagnostic(const Diagnostic &d) {
    std::string out = d.line == 0
                          ? fmt::format("{}: error: {}", d.file, d.message)
                          : fmt::format("{}:{}:{}: error: {}", d.file, d.line, d.col, d.message);
    if (!d.hint.empty())
        out += fmt::format("\n  hint: {}", d.hint);
    return out;
}

std::string format_warning(const Diagnostic &d) {
    return fmt::format("{}:{}:{}: warning: {} [SyntaxWarning]", d.file, d.line, d.col, d.message);
}

} // namespace rc
