// ScenarioText: the code block by YAML line, regions, finding locations.
#include "checker/report/scenario_text.hpp"

#include <charconv> // from_chars: the check index in a key
#include <sstream>  // splitting the code block

namespace rc {

namespace {

uint32_t code_points(const std::string& s) {
    uint32_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

} // namespace

ScenarioText::ScenarioText(const Scenario& s) : scenario_(s) {
    std::istringstream in(s.code);
    uint32_t code_line = 0;
    for (std::string line; std::getline(in, line);) {
        ++code_line;
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
            line.pop_back();
        const auto& map = s.code_map.yaml_line;
        uint32_t yaml = code_line < map.size() ? map[code_line] : 0;
        if (yaml == 0) continue;
        by_line_[yaml] = lines_.size();
        lines_.emplace_back(yaml, std::move(line));
    }
}

const std::string* ScenarioText::code_at(uint32_t yaml_line) const {
    auto it = by_line_.find(yaml_line);
    return it == by_line_.end() ? nullptr : &lines_[it->second].second;
}

SourceRegion ScenarioText::region(uint32_t yaml_line) const {
    SourceRegion r;
    r.line = yaml_line;
    if (const std::string* code = code_at(yaml_line)) {
        size_t first = code->find_first_not_of(" \t");
        if (first == std::string::npos) return r;
        const uint32_t indent = scenario_.code_map.indent;
        r.start_col = indent + code_points(code->substr(0, first)) + 1;
        r.end_col = indent + code_points(*code) + 1;
        r.text = code->substr(first);
        return r;
    }
    for (const auto* checks : {&scenario_.final_checks, &scenario_.always_checks})
        for (const Check& c : *checks)
            if (c.yaml_line == yaml_line && c.yaml_col > 0) {
                r.start_col = c.yaml_col;
                r.end_col = c.yaml_col + code_points(c.expr);
                r.text = c.expr;
                return r;
            }
    return r;
}

SourceRegion ScenarioText::locate(const Finding& f) const {
    for (uint32_t line : f.lines)
        if (line != 0) return region(line);
    // check-failed:final:N / check-failed:always:N (check_detector.cpp) name no code line.
    for (const auto& [prefix, checks] :
         {std::pair{std::string("check-failed:final:"), &scenario_.final_checks},
          std::pair{std::string("check-failed:always:"), &scenario_.always_checks}}) {
        if (f.key.rfind(prefix, 0) != 0) continue;
        size_t index = 0;
        const char* digits = f.key.data() + prefix.size();
        auto [end, ec] = std::from_chars(digits, f.key.data() + f.key.size(), index);
        if (ec == std::errc{} && end != digits && index < checks->size())
            return region((*checks)[index].yaml_line);
    }
    return SourceRegion{};
}

} // namespace rc
