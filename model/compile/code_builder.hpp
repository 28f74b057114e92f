// Assembles one code object: instructions with forward labels, the operand-stack depth as code
// is emitted, protected regions that become exception-table entries, and a final stack-depth
// analysis that proves the code's depths consistent and computes max_stack.
#pragma once

#include <cstdint>  // uint32_t
#include <optional> // open segment start
#include <utility>  // pair
#include <vector>   // instructions, labels, regions

#include "model/bytecode/bytecode.hpp" // Op, Instr, ExceptionEntry, CodeObject

namespace rc {

struct Label {
    uint32_t id = UINT32_MAX;
};

/// Stack effect of `in` on the path that falls through (jump == false) or that jumps.
int stack_effect(const Instr& in, bool jump);
/// True for instructions after which control never falls through.
bool is_terminal(Op op);
/// True for instructions whose `a` operand is a jump target.
bool is_jump(Op op);

class CodeBuilder {
public:
    void set_line(uint32_t line) { line_ = line; }
    uint32_t line() const { return line_; }
    /// The column recorded with the next instructions (CodeObject::cols).
    void set_col(uint32_t col) { col_ = col > UINT16_MAX ? UINT16_MAX : col; }
    uint32_t col() const { return col_; }

    /// Appends an instruction and applies its fall-through stack effect to depth().
    void emit(Op op, uint32_t a = 0, uint8_t b = 0);
    /// Appends a jump-like instruction (Jump, PopJumpIf*, JumpIf*OrPop, ForIter) to `target`.
    void emit_jump(Op op, Label target, uint8_t b = 0);

    Label new_label();
    /// Binds `label` to the next instruction's pc.
    void bind(Label label);

    uint32_t pc() const { return static_cast<uint32_t>(code_.size()); }
    /// The operand-stack depth at the next instruction, as tracked during emission. After an
    /// unconditional jump the caller restores it with set_depth() before emitting reachable code.
    int depth() const { return depth_; }
    void set_depth(int d) { depth_ = d; }

    /// Starts a protected region at pc(): exceptions raised in it go to `handler` with the stack
    /// truncated to `depth`. Returns its id.
    size_t open_region(Label handler, int depth);
    /// Stops protecting from pc() on (for exit code that leaves the region); idempotent.
    void suspend(size_t region);
    /// Resumes protection from pc() on.
    void resume(size_t region);
    /// Ends the region; its segments become exception-table entries, appended now (so regions
    /// closed first, the inner ones, come first in the table).
    void close_region(size_t region);
    bool region_open(size_t region) const { return regions_[region].open_start.has_value(); }

    /// Resolves labels into `out.code` and `out.exception_table` and sets `out.max_stack`.
    /// A label used but never bound or inconsistent stack depths are internal bugs.
    void finish(CodeObject& out);

private:
    struct Region {
        Label handler;
        uint32_t depth = 0;
        std::optional<uint32_t> open_start;
        std::vector<std::pair<uint32_t, uint32_t>> segments;
    };
    struct PendingEntry {
        uint32_t start, end;
        Label handler;
        uint32_t depth;
    };

    std::vector<Instr> code_;
    std::vector<uint16_t> cols_; // parallel to code_
    std::vector<uint32_t> label_pcs_; // UINT32_MAX while unbound
    std::vector<std::pair<uint32_t, Label>> fixups_;
    std::vector<Region> regions_;
    std::vector<PendingEntry> entries_;
    uint32_t line_ = 0;
    uint32_t col_ = 0;
    int depth_ = 0;
};

} // namespace rc
