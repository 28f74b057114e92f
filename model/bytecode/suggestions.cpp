// CPython 3.12's "Did you mean" suggestion (Lib/traceback.py, _compute_suggestion_error and
// _levenshtein_distance, a port of Python/suggestions.c).
#include <algorithm> // min
#include <cctype>    // tolower
#include <climits>   // INT_MAX

#include "model/bytecode/cpython_names.hpp"

namespace rc {

namespace {

constexpr size_t kMaxCandidates = 750;
constexpr size_t kMaxStringSize = 40;
constexpr int kMoveCost = 2;
constexpr int kCaseCost = 1;

int substitution_cost(char a, char b) {
    if (a == b) return 0;
    if (std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b))) return kCaseCost;
    return kMoveCost;
}

int levenshtein(std::string_view a, std::string_view b, int max_cost) {
    if (a == b) return 0;
    while (!a.empty() && !b.empty() && a.front() == b.front()) a.remove_prefix(1), b.remove_prefix(1);
    while (!a.empty() && !b.empty() && a.back() == b.back()) a.remove_suffix(1), b.remove_suffix(1);
    if (a.empty() || b.empty()) return kMoveCost * static_cast<int>(a.size() + b.size());
    if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
    if (b.size() < a.size()) std::swap(a, b);
    if (static_cast<int>(b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
    std::vector<int> row;
    for (size_t k = 1; k <= a.size(); ++k) row.push_back(static_cast<int>(k) * kMoveCost);
    int result = 0;
    for (size_t bi = 0; bi < b.size(); ++bi) {
        int distance = result = static_cast<int>(bi) * kMoveCost;
        int minimum = INT_MAX;
        for (size_t i = 0; i < a.size(); ++i) {
            int substitute = distance + substitution_cost(b[bi], a[i]);
            distance = row[i];
            int insert_delete = std::min(result, distance) + kMoveCost;
            result = std::min(insert_delete, substitute);
            row[i] = result;
            minimum = std::min(minimum, result);
        }
        if (minimum > max_cost) return max_cost + 1;
    }
    return result;
}

} // namespace

std::string cpython_suggestion(std::string_view wrong, const std::vector<std::string_view>& candidates) {
    if (candidates.size() > kMaxCandidates || wrong.size() > kMaxStringSize) return {};
    int best = static_cast<int>(wrong.size());
    std::string suggestion;
    for (std::string_view name : candidates) {
        if (name == wrong) continue;
        int max_distance = static_cast<int>((name.size() + wrong.size() + 3) * kMoveCost / 6);
        max_distance = std::min(max_distance, best - 1);
        int d = levenshtein(wrong, name, max_distance);
        if (d > max_distance) continue;
        if (suggestion.empty() || d < best) {
            suggestion = std::string(name);
            best = d;
        }
    }
    return suggestion;
}

} // namespace rc
