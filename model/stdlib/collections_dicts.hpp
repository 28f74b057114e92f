// collections.defaultdict and collections.Counter: dicts (DictObj::Kind) with their own type,
// missing-key rule, methods and repr (collections_dicts.cpp), and what the rest of the
// interpreter asks of them.
#pragma once

#include "model/syntax/ast.hpp"   // BinOpKind
#include "model/values/value.hpp" // Value

namespace rc {

class Machine;

/// `l op r` when an operand is a Counter: + and - (and += / -=) as CPython's Counter does them;
/// Unbound when neither operand is a Counter. Other operators on a Counter are refused.
Value counter_binary(Machine& m, ast::BinOpKind op, Value l, Value r, bool inplace);
/// `l += r` / `l -= r` runs as Python (the prelude's _rc_counter_iadd): l is a Counter another
/// thread can reach and r a mapping. CPython's Counter.__iadd__/__isub__ are Python code, a read
/// and a write of each count, then a loop that drops the counts not above 0: two threads merging
/// into one Counter can lose a count. (On a Counter no other thread can reach: counter_binary.)
bool counter_inplace_loops(Machine& m, ast::BinOpKind op, Value l, Value r);

/// Whether `d[key]` on this dict may insert key (a defaultdict with a factory that lacks key), as
/// judged before the operation runs without running Python code: true when the lookup would
/// need a user __eq__/__hash__ (conservative: the operation is then a write).
bool subscript_may_insert(Machine& m, Value dict, Value key);

} // namespace rc
