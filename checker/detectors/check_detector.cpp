// Final checks, invariants and assertions, with the values that made them fail.
#include "checker/detectors/check_detector.hpp"

#include <algorithm> // find
#include <cctype>    // isdigit, isalnum
#include <cstring>   // strlen
#include <functional> // lookup
#include <optional>  // IntExpr
#include <variant>   // get_if on heap objects

#include "model/bytecode/bytecode.hpp" // Op::LoadGlobal
#include "model/objects/classes.hpp"  // InstanceObj, ClassObj, AttrList
#include "model/values/objects.hpp"  // ExceptionObj

namespace rc {

namespace {

/// 500000 → "500,000".
std::string grouped(int64_t n) {
    std::string digits = std::to_string(n < 0 ? -static_cast<uint64_t>(n) : static_cast<uint64_t>(n));
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

/// Evaluates the integer expression of a check's right-hand side: integer literals, globals
/// holding ints (params among them), + - * // and parentheses. nullopt for anything else.
class IntExpr {
public:
    IntExpr(const std::string& text, const std::function<std::optional<int64_t>(const std::string&)>& lookup)
        : s_(text), lookup_(lookup) {}
    std::optional<int64_t> parse() {
        auto v = sum();
        skip();
        if (!v || pos_ != s_.size()) return std::nullopt;
        return v;
    }

private:
    void skip() {
        while (pos_ < s_.size() && s_[pos_] == ' ') ++pos_;
    }
    bool eat(const char* op) {
        skip();
        const size_t n = std::strlen(op);
        if (s_.compare(pos_, n, op) != 0) return false;
        pos_ += n;
        return true;
    }
    std::optional<int64_t> sum() {
        auto v = product();
        while (v) {
            if (eat("+")) {
                auto r = product();
                if (!r || __builtin_add_overflow(*v, *r, &*v)) return std::nullopt;
            } else if (eat("-")) {
                auto r = product();
                if (!r || __builtin_sub_overflow(*v, *r, &*v)) return std::nullopt;
            } else {
                break;
            }
        }
        return v;
    }
    std::optional<int64_t> product() {
        auto v = atom();
        while (v) {
            if (eat("*")) {
                auto r = atom();
                if (!r || __builtin_mul_overflow(*v, *r, &*v)) return std::nullopt;
            } else if (eat("//")) {
                auto r = atom();
                if (!r || *r <= 0 || *v < 0) return std::nullopt;
                *v /= *r;
            } else {
                break;
            }
        }
        return v;
    }
    std::optional<int64_t> atom() {
        skip();
        if (pos_ >= s_.size()) return std::nullopt;
        if (eat("(")) {
            auto v = sum();
            if (!eat(")")) return std::nullopt;
            return v;
        }
        const size_t from = pos_;
        if (std::isdigit(static_cast<unsigned char>(s_[pos_]))) {
            int64_t v = 0;
            for (; pos_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_'); ++pos_) {
                if (s_[pos_] == '_') continue;
                if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, s_[pos_] - '0', &v))
                    return std::nullopt;
            }
            return v;
        }
        while (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_')) ++pos_;
        if (pos_ == from) return std::nullopt;
        return lookup_(s_.substr(from, pos_ - from));
    }

    const std::string& s_;
    const std::function<std::optional<int64_t>(const std::string&)>& lookup_;
    size_t pos_ = 0;
};

/// `holder.attr` when `holder` is an instance or a class whose own attribute `attr` is plain data
/// (a number, a string, None...: no method, no object), else unbound. No code runs (a property
/// is not data).
Value data_attribute(const Interpreter& in, const State& s, Value holder, const std::string& attr) {
    if (holder.tag != VTag::Obj) return Value::unbound();
    const auto& data = s.object(holder.obj()).data;
    const AttrList* attrs = nullptr;
    if (auto* i = std::get_if<InstanceObj>(&data)) attrs = &i->attrs;
    else if (auto* c = std::get_if<ClassObj>(&data)) attrs = &c->attrs;
    if (!attrs) return Value::unbound();
    for (const auto& [n, x] : *attrs)
        if (in.program().names[n.value] == attr)
            return x.tag == VTag::Obj || x.tag == VTag::Builtin ? Value::unbound() : x;
    return Value::unbound();
}

} // namespace

CheckDetector::CheckDetector(const DetectorContext& ctx) : ctx_(ctx) {}

void CheckDetector::begin_execution(const Interpreter& in, const State& initial) {
    always_failed_.assign(in.program().always_checks.size(), false);
    asserted_.assign(initial.threads.size(), false);
}

void CheckDetector::restore(const std::any& saved) {
    const auto& s = std::any_cast<const std::pair<std::vector<bool>, std::vector<bool>>&>(saved);
    always_failed_ = s.first;
    asserted_ = s.second;
}

void CheckDetector::on_step(const Interpreter& in, uint64_t step, const Event& e,
                            const State& after, FindingSink& sink) {
    const auto& always = in.program().always_checks;
    for (size_t i = 0; i < always.size(); ++i)
        if (!always_failed_[i]) evaluate(in, after, always[i], false, i, step, sink);
    if (e.thread_ended) check_assertion(in, after, e.thread, step, sink);
}

void CheckDetector::end_execution(const Interpreter& in, const State& final_state,
                                  const ExecutionEnd& end, FindingSink& sink) {
    for (const ThreadState& t : final_state.threads) // ended without a step of their own
        check_assertion(in, final_state, t.id, 0, sink);
    if (end.status != RunStatus::Ended || end.step_limit) return;
    const auto& finals = in.program().final_checks;
    for (size_t i = 0; i < finals.size(); ++i)
        evaluate(in, final_state, finals[i], true, i, 0, sink);
}

void CheckDetector::evaluate(const Interpreter& in, const State& s, FuncId check, bool final,
                             size_t index, uint64_t step, FindingSink& sink) {
    CheckValue v = in.evaluate(s, check);
    if (v.ok && v.truthy) return;
    // An invariant over a global the program has not assigned yet does not apply to this state.
    if (!final && !v.ok && v.name_error) return;
    const auto& texts = final ? ctx_.final_checks : ctx_.always_checks;
    const std::string text =
        index < texts.size() ? texts[index] : "check #" + std::to_string(index);
    if (v.refused) { // "unsupported: what": no verdict either way
        Refusal r;
        r.what = v.repr.substr(v.repr.find(' ') + 1) + " (in check `" + text + "`)";
        r.hint = "write the check with the operations racecheck supports";
        sink.refused(std::move(r));
        return;
    }
    if (v.cut) { // a cut of racecheck's, not a verdict on the program
        Refusal r;
        r.what = v.repr + " (check `" + text + "`)";
        r.hint = "a check is evaluated at the end (final) or after every step (always): keep it a "
                 "short expression over the program's globals";
        sink.refused(std::move(r));
        return;
    }
    Finding f;
    f.kind = FindingKind::CheckFailed;
    f.key = std::string("check-failed:") + (final ? "final:" : "always:") + std::to_string(index);
    f.summary = final ? "final check failed: " + text
                      : "invariant broken: " + text + " (after step " + std::to_string(step) + ")";
    if (std::string by = by_how_much(in, s, text); final && v.ok && !by.empty()) {
        f.details.push_back(by);
    } else {
        if (!v.ok)
            f.details.push_back("evaluating it raised " + v.repr);
        else
            f.details.push_back("it evaluates to " + v.repr);
        if (std::string vals = values(in, s, check); !vals.empty()) f.details.push_back(vals);
    }
    for (const Instr& ins : in.program().code[check.value].code)
        if (ins.op == Op::LoadGlobal) {
            std::string name = "`" + in.program().name_of(VarId(ins.a)) + "`";
            if (std::find(f.variables.begin(), f.variables.end(), name) == f.variables.end())
                f.variables.push_back(name);
        }
    if (!final) {
        f.highlights.push_back({step, "← breaks " + text});
        always_failed_[index] = true;
    }
    sink.report(std::move(f));
}

std::string CheckDetector::by_how_much(const Interpreter& in, const State& s,
                                       const std::string& text) const {
    const size_t eq = text.find("==");
    if (eq == std::string::npos || text.find("==", eq + 2) != std::string::npos) return "";
    auto trim = [](std::string x) {
        while (!x.empty() && x.front() == ' ') x.erase(x.begin());
        while (!x.empty() && x.back() == ' ') x.pop_back();
        return x;
    };
    const std::string name = trim(text.substr(0, eq));
    const Program& p = in.program();
    std::function<std::optional<int64_t>(const std::string&)> lookup =
        [&](const std::string& n) -> std::optional<int64_t> {
        const size_t dot = n.find('.');
        const std::string global = n.substr(0, dot);
        for (size_t g = 0; g < p.globals.size() && g < s.globals.size(); ++g) {
            if (p.globals[g].name != global) continue;
            const Value v = dot == std::string::npos ? s.globals[g]
                                                     : data_attribute(in, s, s.globals[g], n.substr(dot + 1));
            if (v.tag == VTag::Int) return v.i;
        }
        return std::nullopt;
    };
    // A global, or one attribute of the object a global holds (`counter.value`, `Bank.total`).
    if (std::count(name.begin(), name.end(), '.') > 1 || name.front() == '.' || name.back() == '.')
        return "";
    for (char c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.') return "";
    const std::optional<int64_t> actual = name.empty() ? std::nullopt : lookup(name);
    const std::string rhs = trim(text.substr(eq + 2));
    const std::optional<int64_t> expected = IntExpr(rhs, lookup).parse();
    if (!actual || !expected) return "";
    return name + " ended at " + grouped(*actual) + " (expected " + grouped(*expected) + ")";
}

std::string CheckDetector::values(const Interpreter& in, const State& s, FuncId check) const {
    std::vector<std::string> seen;
    std::string out;
    const std::vector<Instr>& code = in.program().code[check.value].code;
    for (size_t i = 0; i < code.size(); ++i) {
        const Instr& ins = code[i];
        if (ins.op != Op::LoadGlobal || ins.a >= s.globals.size()) continue;
        Value v = s.globals[ins.a];
        if (v.is_unbound()) continue; // a builtin (len, sum) or never assigned
        std::string name = in.program().name_of(VarId(ins.a));
        // `Bank.total`: the attribute's value, when it is plain data of the object the global
        // holds (a class says little by itself: <class '__main__.Bank'>).
        if (i + 1 < code.size() && code[i + 1].op == Op::LoadAttr) {
            const std::string attr = in.program().names[code[i + 1].a];
            const Value a = data_attribute(in, s, v, attr);
            if (!a.is_unbound()) name += "." + attr, v = a;
        }
        if (std::find(seen.begin(), seen.end(), name) != seen.end()) continue;
        seen.push_back(name);
        if (!out.empty()) out += ", ";
        out += name + " is " + in.repr(s, v);
    }
    return out;
}

void CheckDetector::check_assertion(const Interpreter& in, const State& s, ThreadId t,
                                    uint64_t step, FindingSink& sink) {
    if (t.value >= asserted_.size()) asserted_.resize(t.value + 1, false);
    const ThreadState& th = s.thread(t);
    if (asserted_[t.value] || !th.uncaught.is_obj()) return;
    auto* exc = std::get_if<ExceptionObj>(&s.object(th.uncaught.obj()).data);
    if (!exc || exc->type != BuiltinId::AssertionError) return;
    asserted_[t.value] = true;
    const uint32_t line = ctx_.display_line(exc->line);
    const std::string name = in.thread_name(s, t);
    Finding f;
    f.kind = FindingKind::CheckFailed;
    f.key = "check-failed:assert:" + std::to_string(line);
    f.summary = "assertion failed in " + name + " (line " + std::to_string(line) + ")";
    if (std::string text = in.exception_text(s, th.uncaught); text != "AssertionError")
        f.details.push_back(text);
    f.lines.push_back(line);
    f.threads.push_back(name);
    if (step) f.highlights.push_back({step, "← assertion fails; " + name + " ends"});
    sink.report(std::move(f));
}

} // namespace rc
