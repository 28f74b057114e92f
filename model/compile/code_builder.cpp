// Code assembly and the stack-depth analysis (a worklist over the control-flow graph, with every
// exception handler entered at its entry's depth + 1).
#include "model/compile/code_builder.hpp"

#include "model/check.hpp" // RC_CHECK

namespace rc {

int stack_effect(const Instr& in, bool jump) {
    const int a = static_cast<int>(in.a);
    switch (in.op) {
    case Op::Nop:
    case Op::DeleteLocal:
    case Op::DeleteGlobal:
    case Op::LoadAttr:
    case Op::Unary:
    case Op::Jump:
    case Op::Rot2:
    case Op::Rot3:
    case Op::GetIter:
    case Op::KwNames:
    case Op::PushExcInfo:
    case Op::PopExcept:
    case Op::CheckExcMatch:
    case Op::FormatValue:
    case Op::YieldValue:
    case Op::WithExitExc: // [ctx, exc] -> [exc, suppress]
        return 0;
    case Op::LoadConst:
    case Op::LoadLocal:
    case Op::LoadGlobal:
    case Op::LoadBuiltin:
    case Op::Dup:
    case Op::WithEnter:
        return 1;
    case Op::DupTwo:
        return 2;
    case Op::StoreLocal:
    case Op::StoreGlobal:
    case Op::LoadSubscr:
    case Op::Binary:
    case Op::Compare:
    case Op::PopJumpIfFalse:
    case Op::PopJumpIfTrue:
    case Op::Pop:
    case Op::ListAppend:
    case Op::CallExtendArgs:
    case Op::CallMergeKwargs:
    case Op::SetAdd:
    case Op::WithExit:
    case Op::Return:
    case Op::Raise:
    case Op::Reraise:
        return in.op == Op::Raise && in.a == 0 ? 0 : -1;
    case Op::StoreAttr:
    case Op::DeleteSubscr:
    case Op::DictSetItem:
        return -2;
    case Op::StoreSubscr:
        return -3;
    case Op::JumpIfFalseOrPop:
    case Op::JumpIfTrueOrPop:
        return jump ? 0 : -1;
    case Op::ForIter:
        return jump ? (in.b ? 0 : -1) : 1;
    case Op::BuildSlice:
    case Op::BuildList:
    case Op::BuildTuple:
    case Op::BuildString:
    case Op::BuildSet:
        return 1 - a;
    case Op::SetUpdateConst:
        return -a;
    case Op::CallArgsList:
        return 0;
    case Op::BuildDict:
        return 1 - 2 * a;
    case Op::UnpackSequence:
        return a - 1;
    case Op::UnpackEx: // the items before and after, and the list of those between
        return a + static_cast<int>(in.b);
    case Op::Call:
        return -(a + static_cast<int>(in.b));
    case Op::MakeFunction:
        return 1 - static_cast<int>(in.b);
    case Op::MakeClosure:
        return -static_cast<int>(in.b);
    case Op::LoadDeref:
        return 1;
    case Op::StoreDeref:
        return -1;
    case Op::MakeCell:
    case Op::DeleteDeref:
        return 0;
    case Op::MakeGenExp:
        return -static_cast<int>(in.b);
    case Op::BuildClass: // the name and `a` bases make the class
        return -a;
    }
    return 0;
}

bool is_terminal(Op op) {
    return op == Op::Jump || op == Op::Return || op == Op::Raise || op == Op::Reraise;
}

bool is_jump(Op op) {
    switch (op) {
    case Op::Jump:
    case Op::PopJumpIfFalse:
    case Op::PopJumpIfTrue:
    case Op::JumpIfFalseOrPop:
    case Op::JumpIfTrueOrPop:
    case Op::ForIter:
        return true;
    default:
        return false;
    }
}

void CodeBuilder::emit(Op op, uint32_t a, uint8_t b) {
    Instr in;
    in.op = op;
    in.a = a;
    in.b = b;
    in.line = line_;
    code_.push_back(in);
    cols_.push_back(static_cast<uint16_t>(col_));
    depth_ += stack_effect(in, false);
}

void CodeBuilder::emit_jump(Op op, Label target, uint8_t b) {
    RC_CHECK(is_jump(op), "emit_jump with a non-jump opcode");
    fixups_.emplace_back(pc(), target);
    emit(op, 0, b);
}

Label CodeBuilder::new_label() {
    label_pcs_.push_back(UINT32_MAX);
    return Label{static_cast<uint32_t>(label_pcs_.size() - 1)};
}

void CodeBuilder::bind(Label label) {
    RC_CHECK(label_pcs_[label.id] == UINT32_MAX, "label bound twice");
    label_pcs_[label.id] = pc();
}

size_t CodeBuilder::open_region(Label handler, int depth) {
    RC_CHECK(depth >= 0, "protected region at a negative stack depth");
    Region r;
    r.handler = handler;
    r.depth = static_cast<uint32_t>(depth);
    r.open_start = pc();
    regions_.push_back(r);
    return regions_.size() - 1;
}

void CodeBuilder::suspend(size_t region) {
    Region& r = regions_[region];
    if (!r.open_start) return;
    if (*r.open_start < pc()) r.segments.emplace_back(*r.open_start, pc());
    r.open_start.reset();
}

void CodeBuilder::resume(size_t region) {
    Region& r = regions_[region];
    if (!r.open_start) r.open_start = pc();
}

void CodeBuilder::close_region(size_t region) {
    suspend(region);
    const Region& r = regions_[region];
    for (auto [start, end] : r.segments) entries_.push_back({start, end, r.handler, r.depth});
}

void CodeBuilder::finish(CodeObject& out) {
    auto resolve = [&](Label l) {
        RC_CHECK(l.id < label_pcs_.size() && label_pcs_[l.id] != UINT32_MAX,
                 "compiler used a label it never bound");
        return label_pcs_[l.id];
    };
    for (auto [at, label] : fixups_) code_[at].a = resolve(label);
    out.exception_table.clear();
    for (const PendingEntry& e : entries_)
        out.exception_table.push_back({e.start, e.end, resolve(e.handler), e.depth});
    out.code = code_;
    out.cols = cols_;

    // Stack-depth analysis: every reachable pc has one depth, whatever path reaches it.
    const uint32_t n = pc();
    std::vector<int> at(n + 1, -1);
    std::vector<uint32_t> work;
    int max_depth = 0;
    auto reach = [&](uint32_t target, int d) {
        RC_CHECK(target <= n, "jump target out of range");
        RC_CHECK(d >= 0, "compiled code pops an empty operand stack");
        if (at[target] == -1) {
            at[target] = d;
            work.push_back(target);
            if (d > max_depth) max_depth = d;
        } else {
            RC_CHECK(at[target] == d, "compiled code reaches a pc at two stack depths");
        }
    };
    if (n > 0) reach(0, 0);
    for (const ExceptionEntry& e : out.exception_table)
        reach(e.handler, static_cast<int>(e.depth) + 1);
    while (!work.empty()) {
        uint32_t p = work.back();
        work.pop_back();
        if (p == n) continue;
        const Instr& in = code_[p];
        int d = at[p];
        if (is_jump(in.op)) reach(in.a, d + stack_effect(in, true));
        if (!is_terminal(in.op)) reach(p + 1, d + stack_effect(in, false));
    }
    // No opcode holds more values mid-instruction than before or after it, so the largest depth
    // reached at an instruction boundary bounds the stack.
    out.max_stack = static_cast<uint32_t>(max_depth);
}

} // namespace rc
