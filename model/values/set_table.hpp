// The hash table behind set and frozenset (set_table.cpp), after CPython 3.12's setobject.c.
// Every function takes the set as a Value and looks the SetObj up again after anything that
// may allocate, so no reference into the heap outlives a heap growth.
#pragma once

#include <cstddef>  // size_t
#include <cstdint>  // int64_t
#include <optional> // lookups
#include <utility>  // pair
#include <vector>   // items

#include "model/values/objects.hpp" // SetObj
#include "model/values/value.hpp"   // Value

namespace rc {

class Machine;

SetObj& set_ref(Machine& m, Value set);
/// The slot holding `key`, if the set has it.
std::optional<size_t> set_lookkey(Machine& m, Value set, Value key, int64_t hash);
/// Adds key (false when it was there); may grow the table.
bool set_add_entry(Machine& m, Value set, Value key, int64_t hash);
/// Removes key (false when it was not there), leaving a deleted slot.
bool set_discard_entry(Machine& m, Value set, Value key, int64_t hash);
void set_table_resize(Machine& m, Value set, size_t minused);
/// set_update_internal: adds every item of a set, a dict or any iterable, as CPython does.
void set_update_internal(Machine& m, Value set, Value other);
/// The items, in table (iteration) order; with their hashes.
std::vector<Value> set_items(Machine& m, Value set);
std::vector<std::pair<Value, int64_t>> set_entries(Machine& m, Value set);
/// set.pop(): KeyError when empty.
Value set_pop(Machine& m, Value set);
void set_clear(Machine& m, Value set);
/// After removing items: shrinks away deleted slots when more than a quarter of them are.
void set_after_difference_update(Machine& m, Value set);

} // namespace rc
