// The bytecode the compiler emits and the interpreter executes: a stack machine close to
// CPython 3.12's, so that visible operations fall where CPython's do (`counter += 1` on a global
// is LoadGlobal, Binary, StoreGlobal: a read and a write).
//
// Stack effects are written [before] -> [after], top of stack rightmost.
#pragma once

#include <cstdint> // uint8_t, uint16_t, uint32_t
#include <string>  // code object names
#include <vector>  // instruction and table storage

#include "model/ids.hpp"        // FuncId, NameId
#include "model/scenario/source_loc.hpp" // SourceLoc

namespace rc {

enum class Op : uint8_t {
    Nop,
    LoadConst,   // a: Program::constants index            [] -> [v]
    LoadLocal,   // a: slot; UnboundLocalError if unbound   [] -> [v]
    StoreLocal,  // a: slot                                 [v] -> []
    DeleteLocal, // a: slot; UnboundLocalError if unbound   [] -> []
    LoadGlobal,  // a: VarId; NameError if unbound (after trying GlobalInfo::fallback) [] -> [v]
    StoreGlobal, // a: VarId                                [v] -> []
    DeleteGlobal,// a: VarId                                [] -> []
    LoadBuiltin, // a: BuiltinId                            [] -> [v]
    LoadAttr,    // a: NameId; attribute or bound method    [obj] -> [v]
    StoreAttr,   // a: NameId                               [v, obj] -> []
    LoadSubscr,  //                                         [obj, key] -> [v]
    StoreSubscr, //                                         [v, obj, key] -> []
    DeleteSubscr,//                                         [obj, key] -> []
    BuildSlice,  // a: 2 or 3 (None for an absent bound)    [lo, hi(, step)] -> [slice]
    Binary,      // b: BinOpKind; a: 1 = in-place (`+=` on a list extends it) [l, r] -> [res]
    Unary,       // b: UnaryOpKind                          [v] -> [res]
    Compare,     // b: CmpOpKind                            [l, r] -> [bool]
    Jump,              // a: target pc
    PopJumpIfFalse,    // a: target pc                      [v] -> []
    PopJumpIfTrue,     // a: target pc                      [v] -> []
    JumpIfFalseOrPop,  // a: target pc; keeps v when jumping, pops it otherwise (`and`)
    JumpIfTrueOrPop,   // a: target pc; (`or`)
    Pop,               //                                   [v] -> []
    Dup,               //                                   [v] -> [v, v]
    DupTwo,            //                                   [a, b] -> [a, b, a, b]
    Rot2,              //                                   [a, b] -> [b, a]
    Rot3,              //                                   [a, b, c] -> [c, a, b]
    BuildList,   // a: n                                    [v1..vn] -> [list]
    BuildTuple,  // a: n                                    [v1..vn] -> [tuple]
    BuildDict,   // a: n pairs                              [k1, v1, .., kn, vn] -> [dict]
    ListAppend,  // a: depth d >= 1: appends v to the list at stack[-d-1] (before the pop)
                 //                                         [list, ..., v] -> [list, ...]
    DictSetItem, // a: depth d >= 1: d[k] = v on the dict at stack[-d-2]
                 //                                         [dict, ..., k, v] -> [dict, ...]
    UnpackSequence, // a: n; ValueError on a length mismatch [seq] -> [vn, .., v2, v1] (v1 on top)
    GetIter,     //                                         [iterable] -> [iterator]
    ForIter,     // a: exit pc                              [it] -> [it, next] | exhausted: [] and jump
                 // b = 1 (yield from): exhausted: [result] and jump, the generator's return value
                 // (None for any other iterator)
    KwNames,     // a: Program::kwnames index; applies to the immediately following Call
    Call,        // a: argc (positional), b: kwcount (names from the preceding KwNames)
                 //                                         [callee, p1..pa, k1..kb] -> [result]
    Return,      //                                         [v] -> (frame popped, v pushed in caller)
    MakeFunction,// a: FuncId, b: number of defaults        [d1..db] -> [function]
    MakeClosure, // a: FuncId, b: number of defaults; the tuple holds the cells of the code's
                 // free variables, in order              [d1..db, cells] -> [function]
    MakeCell,    // a: slot; the slot's value (a parameter's argument, or unbound) moves into a
                 // new cell, which the slot then holds (CPython's MAKE_CELL)   [] -> []
    LoadDeref,   // a: slot holding a cell, b: 1 = a free variable; the cell's value; unbound:
                 // UnboundLocalError (own cell) or NameError (free)          [] -> [v]
    StoreDeref,  // a: slot holding a cell, b: as LoadDeref                  [v] -> []
    DeleteDeref, // a: slot holding a cell, b: as LoadDeref; unbound: as LoadDeref  [] -> []
    Raise,       // a: 0 = bare `raise` (re-raise the exception being handled), 1 = raise TOS
                 //                                         [exc] -> (unwinds)
    Reraise,     //                                         [exc] -> (unwinds, keeps its traceback)
    PushExcInfo, // start of an except/finally handler: records TOS as the exception being
                 // handled (for bare `raise`)             [exc] -> [exc]
    PopExcept,   // end of a handler: forgets the exception being handled  [] -> []
    CheckExcMatch, //                                       [exc, type] -> [exc, bool]
    WithEnter,   // calls the context's __enter__ (lock acquire, ...)  [ctx] -> [ctx, entered]
    WithExit,    // normal exit: __exit__ (lock release, ...)          [ctx] -> []
    WithExitExc, // exit by exception: __exit__(type, exc, None); suppress: what it returned
                 // (False for racecheck's own context managers)    [ctx, exc] -> [exc, suppress]
    FormatValue, // b: conversion (0, 'r', 's', 'a'); a: constants index of the spec string or
                 // UINT32_MAX for none                     [v] -> [str]
    BuildString, // a: n; concatenates n strs                [s1..sn] -> [str]
    BuildSet,    // a: n; adds v1..vn in order              [v1..vn] -> [set]
    SetUpdateConst, // a: n; CPython's folded constant set display: v1..vn make a frozenset in
                 // order, which then updates the set       [set, v1..vn] -> [set]
    SetAdd,      // a: depth d >= 1: adds v to the set at stack[-d-1] (before the pop)
                 //                                         [set, ..., v] -> [set, ...]
    MakeGenExp,  // a: Program::genexps index, b: captures (the enclosing variables the
                 // expression reads: cells, or values of comprehension variables)
                 //                                         [iterator, c1..cb] -> [generator]
    BuildClass,  // a: n bases: a new class; its body's code stores into it with StoreAttr
                 //                                         [name, b1..bn] -> [class]
    CallExtendArgs, // a call's `*iterable` among other positional arguments: extends the positional
                 // list of _rc_apply(fn, list, dict); TypeError "Value after * must be an iterable"
                 //                                         [fn, list, it] -> [fn, list]
    CallArgsList,// a call's only positional argument `*iterable`, made a list once the keywords
                 // are (CPython's CALL_FUNCTION_EX); TypeError "fn() argument after * must be an
                 // iterable"                               [fn, it, dict] -> [fn, list, dict]
    CallMergeKwargs,// a call's `**mapping` (or a run of name=value as a dict): merged into the
                 // keyword dict; TypeError on a non-mapping or a repeated key
                 //                                         [fn, list, dict, m] -> [fn, list, dict]
    YieldValue,  // in a generator frame: hands v to the resumer and suspends; resumed, pushes
                 // None (send() is outside the subset)     [v] -> [None]
    UnpackEx,    // a: items before the starred target, b: items after it (CPython's UNPACK_EX);
                 // ValueError "not enough values to unpack (expected at least n, got m)"
                 //                    [seq] -> [after_b..after_1, [middle...], before_a..before_1]
};

struct Instr {
    Op op = Op::Nop;
    uint8_t b = 0;
    uint32_t line = 0; // code-block line, for events and tracebacks (a 1 MiB file has more than 65535)
    uint32_t a = 0;
};
static_assert(sizeof(Instr) == 12);

/// An exception-table entry (CPython 3.11 style): an exception raised at pc in [start, end)
/// truncates the frame's operand stack to `depth` values, pushes the exception and jumps to
/// `handler`. Entries are ordered innermost first; the first match wins.
struct ExceptionEntry {
    uint32_t start = 0;
    uint32_t end = 0;
    uint32_t handler = 0;
    uint32_t depth = 0;
};

struct CodeObject {
    std::string name;               // "<module>" for the module body
    std::string qualname;           // "Counter.increment" for a method; empty: the name
    uint32_t param_count = 0;       // positional parameters occupy local slots [0, param_count)
    uint32_t kwonly_count = 0;      // keyword-only ones the next slots
    bool varargs = false;           // *args: the slot after them (a tuple)
    bool varkw = false;             // **kwargs: the slot after that (a dict)
    /// kwonly_default[i]: keyword-only parameter i has a default. A function's defaults are the
    /// positional ones, then those of the keyword-only parameters that have one.
    std::vector<bool> kwonly_default;
    uint32_t local_count = 0;       // all slots: params, locals, hidden temporaries
    std::vector<NameId> param_names;// positional then keyword-only names, for binding and messages
    std::vector<std::string> local_names; // size == local_count, for messages
    /// The cell variables (slot, name): MakeCell gives each its cell when the code starts.
    std::vector<std::pair<uint32_t, NameId>> cells;
    /// The free variables' slots, in closure order: a call fills them with the function's cells.
    std::vector<uint32_t> free_slots;
    std::vector<Instr> code;
    /// cols[pc]: the 1-based code-block column of the expression or statement code[pc] belongs
    /// to (0: unknown), for run-time diagnostics (`unsupported: ...`) positioned like load-time ones.
    std::vector<uint16_t> cols;
    std::vector<ExceptionEntry> exception_table;
    uint32_t max_stack = 0;         // an upper bound on operand stack depth
    SourceLoc loc;                  // the `def` line
    bool generator = false;         // a generator function (its body yields): a call makes a
                                    // generator instead of running the body
};

} // namespace rc
