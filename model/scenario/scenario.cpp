// Scenario loading and validation: the only file in racecheck that includes yaml-cpp.
//
// This file is over 300 lines (under 600) because it holds the whole YAML schema in one place:
// every key, its type, its error message. Splitting it would spread yaml-cpp over several files.
//
// yaml-cpp throws; nothing thrown here leaves this file. Validation errors are raised as a
// local ScenarioError and turned into the returned Diagnostic by parse_scenario.
#include "model/scenario/scenario.hpp"

#include <algorithm>    // min, max, find, count, all_of
#include <cctype>       // isdigit, isalnum
#include <charconv>     // from_chars
#include <climits>      // INT64_MAX, UINT32_MAX
#include <cmath>        // isfinite
#include <filesystem>   // path stem for the default name
#include <fstream>      // reading the file
#include <iterator>     // istreambuf_iterator
#include <sstream>      // reading the file
#include <system_error> // errc from from_chars

#include <fmt/format.h>    // messages
#include <yaml-cpp/yaml.h> // YAML::LoadAll, Node, Mark, exceptions

#include "model/check.hpp" // RC_CHECK

namespace rc {
namespace {

const std::vector<std::string> kTopKeys = {"name", "about",  "source", "params",
                                           "code", "checks", "expect", "explore"};
const std::vector<std::string> kCheckKeys = {"final", "always"};
const std::vector<std::string> kExploreKeys = {"strategy",  "max_executions",   "max_seconds",
                                               "max_steps", "preemption_bound", "seed"};

struct ScenarioError {
    Diagnostic diagnostic;
};

std::string join(const std::vector<std::string> &words) {
    std::string out;
    for (const auto &w : words)
        out += (out.empty() ? "" : ", ") + w;
    return out;
}

size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

/// "did you mean 'x'? <what>: a, b, c" when some candidate is close to `word`, else "<what>: ...".
std::string suggest(std::string_view word, const std::vector<std::string> &candidates,
                    std::string_view what) {
    const std::string *best = nullptr;
    size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
    for (const auto &c : candidates) {
        size_t d = edit_distance(word, c);
        if (d < best_distance)
            best = &c, best_distance = d;
    }
    std::string list = fmt::format("{}: {}", what, join(candidates));
    return best ? fmt::format("did you mean '{}'? {}", *best, list) : list;
}

/// A Python-style integer: optional sign, decimal digits, single '_' allowed between digits.
std::optional<int64_t> parse_int64(std::string_view text) {
    std::string digits;
    size_t i = 0;
    if (!text.empty() && (text[0] == '-' || text[0] == '+'))
        digits += text[i++] == '-' ? "-" : "";
    if (i == text.size())
        return std::nullopt;
    for (; i < text.size(); ++i) {
        char c = text[i];
        bool between_digits = c == '_' && i + 1 < text.size() && i > 0 &&
                              std::isdigit(static_cast<unsigned char>(text[i - 1])) &&
                              std::isdigit(static_cast<unsigned char>(text[i + 1]));
        if (between_digits)
            continue;
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return std::nullopt;
        digits += c;
    }
    int64_t value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc{} || end != digits.data() + digits.size())
        return std::nullopt;
    return value;
}

bool is_identifier(std::string_view s) {
    auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    return !s.empty() && !std::isdigit(static_cast<unsigned char>(s[0])) &&
           std::all_of(s.begin(), s.end(), word_char);
}

std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.emplace_back(line);
        start = end + 1;
    }
    return lines;
}

std::string describe(const YAML::Node &node) {
    switch (node.Type()) {
    case YAML::NodeType::Null:
        return "nothing";
    case YAML::NodeType::Scalar:
        return "a scalar";
    case YAML::NodeType::Sequence:
        return "a list";
    case YAML::NodeType::Map:
        return "a mapping";
    default:
        return "an undefined node";
    }
}

/// Walks one YAML document and fills a Scenario; raises ScenarioError on the first problem.
class Loader {
public:
    Loader(std::string_view text, const std::string &file)
        : file_(file), lines_(split_lines(text)) {}

    Scenario load(const YAML::Node &root);

private:
    [[noreturn]] void fail(const YAML::Mark &mark, std::string message, std::string hint = {}) {
        uint32_t line = mark.is_null() ? 1 : static_cast<uint32_t>(mark.line) + 1;
        uint32_t col = mark.is_null() ? 1 : static_cast<uint32_t>(mark.column) + 1;
        throw ScenarioError{Diagnostic{file_, line, col, std::move(message), std::move(hint)}};
    }
    /// Iterates a mapping, checking each key against `valid` (no unknown, no duplicate keys).
    template <typename Visit>
    void for_each_key(const YAML::Node &map, const std::vector<std::string> &valid,
                      std::string_view where, Visit visit);
    std::string string_value(const YAML::Node &value, std::string_view key);
    uint64_t unsigned_value(const YAML::Node &value, std::string_view key, uint64_t max);
    void load_params(const YAML::Node &value);
    void load_code(const YAML::Node &key, const YAML::Node &value);
    std::vector<Check> load_checks(const YAML::Node &value, std::string_view key);
    void load_expect(const YAML::Node &value);
    void load_explore(const YAML::Node &value);
    char char_at(const YAML::Mark &mark) const;

    std::string file_;
    std::vector<std::string> lines_; // raw file lines without line ends, for the SourceMap
    Scenario scenario_;
};

template <typename Visit>
void Loader::for_each_key(const YAML::Node &map, const std::vector<std::string> &valid,
                          std::string_view where, Visit visit) {
    std::vector<std::pair<std::string, int>> seen; // key -> 1-based line of first occurrence
    for (const auto &entry : map) { // range-for: GCC 12 misreads yaml-cpp's operator->
        const YAML::Node &key = entry.first;
        if (!key.IsScalar())
            fail(key.Mark(), fmt::format("keys{} must be plain words", where));
        const std::string &name = key.Scalar();
        if (std::find(valid.begin(), valid.end(), name) == valid.end())
            fail(key.Mark(), fmt::format("unknown key '{}'{}", name, where),
                 suggest(name, valid, "valid keys"));
        for (const auto &[prev, line] : seen)
            if (prev == name)
                fail(key.Mark(), fmt::format("duplicate key '{}'{}", name, where),
                     fmt::format("'{}' is already given on line {}; keep one", name, line));
        seen.emplace_back(name, key.Mark().line + 1);
        visit(key, entry.second);
    }
}

std::string Loader::string_value(const YAML::Node &value, std::string_view key) {
    if (value.IsNull())
        return {};
    if (!value.IsScalar())
        fail(value.Mark(), fmt::format("'{}' must be a string, got {}", key, describe(value)));
    return value.Scalar();
}

uint64_t Loader::unsigned_value(const YAML::Node &value, std::string_view key, uint64_t max) {
    std::optional<int64_t> v;
    if (value.IsScalar() && value.Tag() == "?")
        v = parse_int64(value.Scalar());
    // Integers above INT64_MAX are not needed by any setting; max bounds the rest.
    if (!v || *v < 0 || static_cast<uint64_t>(*v) > max)
        fail(value.Mark(),
             fmt::format("'{}' must be an integer from 0 to {}, got {}", key, max,
                         value.IsScalar() ? "'" + value.Scalar() + "'" : describe(value)));
    return static_cast<uint64_t>(*v);
}

char Loader::char_at(const YAML::Mark &mark) const {
    if (mark.is_null() || static_cast<size_t>(mark.line) >= lines_.size())
        return 0;
    const std::string &line = lines_[static_cast<size_t>(mark.line)];
    return static_cast<size_t>(mark.column) < line.size() ? line[mark.column] : 0;
}

Scenario Loader::load(const YAML::Node &root) {
    if (root.IsNull())
        throw ScenarioError{Diagnostic{file_, 1, 1, "empty scenario file",
                                       "a scenario needs at least a `code: |` block"}};
    if (!root.IsMap())
        fail(root.Mark(),
             fmt::format("a scenario must be a mapping of keys, got {}", describe(root)),
             fmt::format("valid keys: {}", join(kTopKeys)));
    bool has_code = false;
    for_each_key(root, kTopKeys, "", [&](const YAML::Node &key, const YAML::Node &value) {
        const std::string &k = key.Scalar();
        if (k == "name")
            scenario_.name = string_value(value, k);
        else if (k == "about")
            scenario_.about = string_value(value, k);
        else if (k == "source")
            scenario_.source = string_value(value, k);
        else if (k == "params")
            load_params(value);
        else if (k == "code")
            load_code(key, value), has_code = true;
        else if (k == "checks") {
            if (value.IsNull())
                return;
            if (!value.IsMap())
                fail(value.Mark(),
                     fmt::format("'checks' must be a mapping, got {}", describe(value)),
                     "write `checks:` followed by `final: [...]` and/or `always: [...]`");
            for_each_key(value, kCheckKeys, " in 'checks'",
                         [&](const YAML::Node &ck, const YAML::Node &cv) {
                             auto &list = ck.Scalar() == "final" ? scenario_.final_checks
                                                                 : scenario_.always_checks;
                             list = load_checks(cv, ck.Scalar());
                         });
        } else if (k == "expect")
            load_expect(value);
        else if (k == "explore")
            load_explore(value);
    });
    if (!has_code)
        fail(root.Mark(), "missing required key 'code'",
             "add the Python program as a block: `code: |` followed by indented lines");
    if (scenario_.name.empty())
        scenario_.name = std::filesystem::path(file_).stem().string();
    scenario_.file = file_;
    return std::move(scenario_);
}

void Loader::load_params(const YAML::Node &value) {
    if (value.IsNull())
        return;
    if (!value.IsMap())
        fail(value.Mark(), fmt::format("'params' must be a mapping, got {}", describe(value)),
             "write one `NAME: integer` per line under `params:`");
    for (const auto &entry : value) {
        const YAML::Node &key = entry.first;
        if (!key.IsScalar() || !is_identifier(key.Scalar()))
            fail(key.Mark(), "param names must be Python identifiers",
                 "use letters, digits and '_', not starting with a digit, e.g. ITERATIONS");
        const std::string &name = key.Scalar();
        for (const auto &[prev, _] : scenario_.params)
            if (prev == name)
                fail(key.Mark(), fmt::format("duplicate param '{}'", name));
        const YAML::Node &v = entry.second;
        std::optional<int64_t> n;
        if (v.IsScalar() && v.Tag() == "?")
            n = parse_int64(v.Scalar());
        if (!n)
            fail(v.Mark(),
                 fmt::format("param '{}' must be a 64-bit integer, got {}", name,
                             v.IsScalar() ? "'" + v.Scalar() + "'" : describe(v)),
                 v.IsScalar() && v.Tag() != "?" ? "write the number without quotes"
                                                : "params are integers, e.g. `ITERATIONS: 2`");
        scenario_.params.emplace_back(name, *n);
    }
}

std::vector<Check> Loader::load_checks(const YAML::Node &value, std::string_view key) {
    std::vector<Check> checks;
    if (value.IsNull())
        return checks;
    if (!value.IsSequence())
        fail(value.Mark(),
             fmt::format("'checks.{}' must be a list of expressions, got {}", key, describe(value)),
             fmt::format("write `{}: [counter == 4]` or one `- expression` per line", key));
    for (const YAML::Node &entry : value) {
        if (!entry.IsScalar() || entry.Scalar().empty())
            fail(entry.Mark(),
                 fmt::format("each 'checks.{}' entry must be a Python expression", key),
                 "quote an expression that contains ': ' or ', '");
        char first = char_at(entry.Mark());
        uint32_t quote = (first == '"' || first == '\'') ? 1 : 0;
        checks.push_back(Check{entry.Scalar(), static_cast<uint32_t>(entry.Mark().line) + 1,
                               static_cast<uint32_t>(entry.Mark().column) + 1 + quote});
    }
    return checks;
}

void Loader::load_expect(const YAML::Node &value) {
    if (value.IsNull())
        return;
    if (!value.IsSequence())
        fail(value.Mark(), fmt::format("'expect' must be a list, got {}", describe(value)),
             fmt::format("write `expect: []` or a list of: {}", join(known_finding_kinds())));
    for (const YAML::Node &entry : value) {
        const auto &kinds = known_finding_kinds();
        if (!entry.IsScalar() ||
            std::find(kinds.begin(), kinds.end(), entry.Scalar()) == kinds.end())
            fail(entry.Mark(),
                 fmt::format("unknown finding kind {}",
                             entry.IsScalar() ? "'" + entry.Scalar() + "'" : describe(entry)),
                 suggest(entry.IsScalar() ? entry.Scalar() : "", kinds, "known kinds"));
        auto &expect = scenario_.expect;
        if (std::find(expect.begin(), expect.end(), entry.Scalar()) != expect.end())
            fail(entry.Mark(), fmt::format("'{}' is listed twice in 'expect'", entry.Scalar()));
        expect.push_back(entry.Scalar());
    }
}

void Loader::load_explore(const YAML::Node &value) {
    if (value.IsNull())
        return;
    if (!value.IsMap())
        fail(value.Mark(), fmt::format("'explore' must be a mapping, got {}", describe(value)),
             fmt::format("valid keys: {}", join(kExploreKeys)));
    ExploreDefaults &e = scenario_.explore;
    for_each_key(
        value, kExploreKeys, " in 'explore'", [&](const YAML::Node &key, const YAML::Node &v) {
            const std::string &k = key.Scalar();
            constexpr uint64_t kMax64 = static_cast<uint64_t>(INT64_MAX);
            if (k == "strategy") {
                if (!v.IsScalar() || v.Scalar().empty())
                    fail(v.Mark(), fmt::format("'strategy' must be a name, got {}", describe(v)));
                e.strategy = v.Scalar();
            } else if (k == "max_seconds") {
                double seconds = 0;
                const std::string text = v.IsScalar() ? v.Scalar() : "";
                auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
                if (!v.IsScalar() || v.Tag() != "?" || ec != std::errc{} ||
                    end != text.data() + text.size() || !std::isfinite(seconds) || seconds <= 0)
                    fail(v.Mark(), fmt::format("'max_seconds' must be a positive number, got {}",
                                               v.IsScalar() ? "'" + text + "'" : describe(v)));
                e.max_seconds = seconds;
            } else if (k == "max_executions")
                e.max_executions = unsigned_value(v, k, kMax64);
            else if (k == "max_steps")
                e.max_steps = unsigned_value(v, k, kMax64);
            else if (k == "seed")
                e.seed = unsigned_value(v, k, kMax64);
            else if (k == "preemption_bound")
                e.preemption_bound = static_cast<uint32_t>(unsigned_value(v, k, UINT32_MAX));
        });
}

// Block scalars: code line k sits on YAML line header + k, shifted right by the block's
// indentation (YAML 1.2 §8.1.1.1: explicit indicator, else the first non-blank line's spaces).
// Flow scalars (plain or quoted) map every code line to the scalar's own line: approximate, but
// always a real position in the file.
void Loader::load_code(const YAML::Node &key, const YAML::Node &value) {
    if (!value.IsScalar())
        fail(value.IsNull() ? key.Mark() : value.Mark(),
             fmt::format("'code' must be a string, got {}", describe(value)),
             "write the Python program as a block: `code: |` followed by indented lines");
    std::string code = value.Scalar();
    std::string normalized;
    for (size_t i = 0; i < code.size(); ++i)
        if (!(code[i] == '\r' && i + 1 < code.size() && code[i + 1] == '\n'))
            normalized += code[i];
    scenario_.code = std::move(normalized);

    const YAML::Mark mark = value.Mark();
    static const std::string kNoLine;
    const size_t mark_line = static_cast<size_t>(mark.line);
    const std::string &header = mark_line < lines_.size() ? lines_[mark_line] : kNoLine;
    size_t pos = static_cast<size_t>(mark.column);
    while (pos < header.size() && (header[pos] == '!' || header[pos] == '&')) { // tag, anchor
        while (pos < header.size() && header[pos] != ' ')
            ++pos;
        while (pos < header.size() && header[pos] == ' ')
            ++pos;
    }
    const char indicator = pos < header.size() ? header[pos] : 0;
    if (indicator == '>')
        fail(mark, "'code' must be a literal block (`code: |`), not a folded one (`>`)",
             "folding joins lines, which changes the meaning of Python code; use `|`");

    SourceMap &map = scenario_.code_map;
    map.file = file_;
    const uint32_t header_line = static_cast<uint32_t>(mark.line) + 1;
    size_t code_lines =
        static_cast<size_t>(std::count(scenario_.code.begin(), scenario_.code.end(), '\n'));
    if (!scenario_.code.empty() && scenario_.code.back() != '\n')
        ++code_lines;
    code_lines = std::max<size_t>(code_lines, 1);
    map.yaml_line.assign(code_lines + 1, header_line);
    if (indicator != '|') { // flow scalar: one position for everything
        map.indent = static_cast<uint32_t>(mark.column) + (indicator == '"' || indicator == '\'');
        return;
    }
    for (size_t k = 1; k <= code_lines; ++k)
        map.yaml_line[k] = header_line + static_cast<uint32_t>(k);

    std::optional<uint32_t> explicit_indent;
    for (size_t i = pos + 1; i < header.size() && header[i] != ' ' && header[i] != '#'; ++i)
        if (header[i] >= '1' && header[i] <= '9')
            explicit_indent = static_cast<uint32_t>(key.Mark().column) + (header[i] - '0');
    if (explicit_indent) {
        map.indent = *explicit_indent;
        return;
    }
    map.indent = static_cast<uint32_t>(key.Mark().column) + 2; // empty block: any value works
    for (size_t i = header_line; i < lines_.size(); ++i) {     // lines_[header_line] is line+1
        const std::string &line = lines_[i];
        size_t spaces = line.find_first_not_of(' ');
        if (spaces == std::string::npos)
            continue; // blank line: no say in the indentation
        map.indent = static_cast<uint32_t>(spaces);
        break;
    }
}

Diagnostic cannot_read(const std::string &path) {
    return Diagnostic{path, 0, 0, "cannot read file",
                      "check that the path exists and is a readable scenario file"};
}

} // namespace

const std::vector<std::string> &known_finding_kinds() {
    static const std::vector<std::string> kinds = {
        "data-race",    "lost-update", "deadlock",           "lost-wakeup",
        "check-failed", "exception",   "potential-deadlock", "nontermination"};
    return kinds;
}

Diagnostic SourceMap::at(SourceLoc loc, std::string message, std::string hint) const {
    RC_CHECK(!yaml_line.empty(), "SourceMap used before the scenario loader built it");
    size_t index = std::min<size_t>(loc.line, yaml_line.size() - 1);
    uint32_t col = loc.line == 0 ? indent + 1 : std::max<uint32_t>(loc.col, 1) + indent;
    return Diagnostic{file, yaml_line[index], col, std::move(message), std::move(hint)};
}

std::variant<Scenario, Diagnostic> parse_scenario(std::string_view yaml_text,
                                                  const std::string &file_name) {
    try {
        std::vector<YAML::Node> docs = YAML::LoadAll(std::string(yaml_text));
        if (docs.size() > 1)
            return Diagnostic{
                file_name, static_cast<uint32_t>(docs[1].Mark().line) + 1, 1,
                fmt::format("the file holds {} YAML documents; expected one", docs.size()),
                "remove the `---` separators: one scenario per file"};
        return Loader(yaml_text, file_name).load(docs.empty() ? YAML::Node() : docs[0]);
    } catch (const ScenarioError &e) {
        return e.diagnostic;
    } catch (const YAML::Exception &e) {
        if (e.mark.is_null())
            return Diagnostic{file_name, 0, 0, e.msg, ""};
        return Diagnostic{file_name, static_cast<uint32_t>(e.mark.line) + 1,
                          static_cast<uint32_t>(e.mark.column) + 1, e.msg,
                          "the file is not valid YAML; check indentation and quoting here"};
    }
}

Scenario python_file_scenario(std::string text, const std::string &path) {
    Scenario s;
    s.name = std::filesystem::path(path).stem().string();
    s.file = path;
    s.code = std::move(text);
    s.code_map.file = path;
    size_t lines = static_cast<size_t>(std::count(s.code.begin(), s.code.end(), '\n'));
    if (!s.code.empty() && s.code.back() != '\n')
        ++lines;
    s.code_map.yaml_line.resize(std::max<size_t>(lines, 1) + 1);
    for (size_t k = 0; k < s.code_map.yaml_line.size(); ++k)
        s.code_map.yaml_line[k] = static_cast<uint32_t>(std::max<size_t>(k, 1));
    return s;
}

std::variant<Scenario, Diagnostic> load_scenario(const std::string &path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return cannot_read(path);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return cannot_read(path);
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad())
        return cannot_read(path);
    if (std::filesystem::path(path).extension() == ".py")
        return python_file_scenario(text.str(), path);
    return parse_scenario(text.str(), path);
}

std::optional<Diagnostic> apply_param_override(Scenario &scenario, std::string_view assignment) {
    std::vector<std::string> names;
    for (const auto &[name, _] : scenario.params)
        names.push_back(name);
    const std::string listing = names.empty()
                                    ? fmt::format("scenario '{}' has no params", scenario.name)
                                    : fmt::format("params of '{}': {}", scenario.name, join(names));
    auto error = [&](std::string message, std::string hint) {
        return Diagnostic{"<command line>", 0, 0, std::move(message), std::move(hint)};
    };
    size_t eq = assignment.find('=');
    if (eq == std::string_view::npos)
        return error(fmt::format("--param expects NAME=VALUE, got '{}'", assignment), listing);
    std::string_view name = assignment.substr(0, eq);
    std::string_view text = assignment.substr(eq + 1);
    auto it = std::find_if(scenario.params.begin(), scenario.params.end(),
                           [&](const auto &p) { return p.first == name; });
    if (it == scenario.params.end())
        return error(fmt::format("unknown param '{}'", name),
                     names.empty() ? listing
                                   : suggest(name, names, "params of '" + scenario.name + "'"));
    std::optional<int64_t> value = parse_int64(text);
    if (!value)
        return error(fmt::format("param '{}' must be a 64-bit integer, got '{}'", name, text),
                     fmt::format("for example --param {}={}", name, it->second));
    it->second = *value;
    return std::nullopt;
}

} // namespace rc
