// Control flow: if, loops, try/except/else/finally, with, and the exits return/break/continue
// emit when they leave a loop, a `with`, a handler or a `finally`-protected block.
//
// Layouts (D = operand-stack depth at the statement's start):
//   for:    iter GetIter; top: ForIter(exit) store body Jump(top); exit: else; after:
//   try:    [body] else Jump(after); handler [D+1: exc]: PushExcInfo, per clause
//           type CheckExcMatch PopJumpIfFalse(next) store|Pop body PopExcept Jump(after);
//           no match: PopExcept Reraise. A clause body's cleanup [D+1: exc2]: PopExcept Reraise.
//   finally: [body] finalbody Jump(after); handler [D+1: exc]: PushExcInfo finalbody PopExcept
//           Reraise.
//   with:   ctx WithEnter store|Pop [body] WithExit Jump(after);
//           handler [D+1: ctx, exc]: WithExitExc PopJumpIfTrue(suppressed) Reraise;
//           suppressed: Pop (an __exit__ that returned true swallowed the exception).
//           A class's __enter__/__exit__ run as calls (their frames return to these ops).
// [..] marks a protected region. Exit code emitted for return/break/continue is not protected
// by the regions it leaves (their segments are suspended around it), as in CPython 3.11+.
#include "model/check.hpp"           // RC_CHECK
#include "model/compile/code_gen.hpp"        // CodeGen
#include "model/compile/compile_failure.hpp" // fail

namespace rc {

namespace {

bool is_true_constant(const ast::Expr& e) {
    auto* c = std::get_if<ast::Constant>(&e.node);
    if (!c) return false;
    if (auto* b = std::get_if<bool>(&c->value)) return *b;
    if (auto* i = std::get_if<int64_t>(&c->value)) return *i != 0;
    return false;
}

} // namespace

void CodeGen::if_stmt(const ast::If& s) {
    Label orelse = b_.new_label(), end = b_.new_label();
    expr(s.test);
    b_.emit_jump(Op::PopJumpIfFalse, orelse);
    const int depth = b_.depth();
    stmts(s.body);
    if (!s.orelse.empty()) b_.emit_jump(Op::Jump, end);
    b_.bind(orelse);
    b_.set_depth(depth);
    stmts(s.orelse);
    b_.bind(end);
    b_.set_depth(depth);
}

void CodeGen::while_stmt(const ast::While& s) {
    Label top = b_.new_label(), exit = b_.new_label(), after = b_.new_label();
    const int depth = b_.depth();
    b_.bind(top);
    if (!is_true_constant(s.test)) {
        expr(s.test);
        b_.emit_jump(Op::PopJumpIfFalse, exit);
    }
    Block loop;
    loop.kind = Block::Loop;
    loop.break_to = after;
    loop.continue_to = top;
    blocks_.push_back(loop);
    stmts(s.body);
    blocks_.pop_back();
    b_.emit_jump(Op::Jump, top);
    b_.bind(exit);
    b_.set_depth(depth);
    stmts(s.orelse);
    b_.bind(after);
    b_.set_depth(depth);
}

void CodeGen::for_stmt(const ast::For& s) {
    Label top = b_.new_label(), exit = b_.new_label(), after = b_.new_label();
    const int depth = b_.depth();
    expr(s.iter);
    {
        LineScope line(*this, s.iter.loc);
        b_.emit(Op::GetIter);
        b_.bind(top);
        b_.emit_jump(Op::ForIter, exit);
    }
    store_target(s.target);
    Block loop;
    loop.kind = Block::Loop;
    loop.is_for = true;
    loop.break_to = after;
    loop.continue_to = top;
    blocks_.push_back(loop);
    stmts(s.body);
    blocks_.pop_back();
    b_.emit_jump(Op::Jump, top);
    b_.bind(exit);
    b_.set_depth(depth);
    stmts(s.orelse);
    b_.bind(after);
    b_.set_depth(depth);
}

void CodeGen::with_stmt(const ast::With& s, size_t item) {
    const ast::WithItem& it = s.items[item];
    Label handler = b_.new_label(), after = b_.new_label();
    const int depth = b_.depth();
    expr(it.context);
    {
        LineScope line(*this, it.context.loc);
        b_.emit(Op::WithEnter);
    }
    Block block;
    block.kind = Block::With;
    block.region = b_.open_region(handler, depth + 1);
    if (it.target) store_target(*it.target);
    else b_.emit(Op::Pop);
    blocks_.push_back(block);
    if (item + 1 < s.items.size()) with_stmt(s, item + 1);
    else stmts(s.body);
    blocks_.pop_back();
    b_.close_region(block.region);
    {
        LineScope line(*this, it.context.loc);
        b_.emit(Op::WithExit);
        b_.emit_jump(Op::Jump, after);
        b_.bind(handler);
        b_.set_depth(depth + 2);
        b_.emit(Op::WithExitExc);
        Label suppressed = b_.new_label();
        b_.emit_jump(Op::PopJumpIfTrue, suppressed);
        b_.emit(Op::Reraise);
        b_.bind(suppressed);
        b_.set_depth(depth + 1);
        b_.emit(Op::Pop);
    }
    b_.bind(after);
    b_.set_depth(depth);
}

void CodeGen::try_stmt(const ast::Try& s) {
    if (s.finalbody.empty()) return try_except(s);
    Label handler = b_.new_label(), cleanup = b_.new_label(), after = b_.new_label();
    const int depth = b_.depth();
    Block block;
    block.kind = Block::TryFinally;
    block.region = b_.open_region(handler, depth);
    block.finalbody = &s.finalbody;
    blocks_.push_back(block);
    try_except(s);
    blocks_.pop_back();
    b_.close_region(block.region);
    stmts(s.finalbody);
    b_.emit_jump(Op::Jump, after);

    b_.bind(handler);
    b_.set_depth(depth + 1);
    b_.emit(Op::PushExcInfo);
    Block fin;
    fin.kind = Block::FinallyHandler;
    fin.region = b_.open_region(cleanup, depth);
    blocks_.push_back(fin);
    stmts(s.finalbody);
    blocks_.pop_back();
    b_.close_region(fin.region);
    b_.emit(Op::PopExcept);
    b_.emit(Op::Reraise);

    b_.bind(cleanup);
    b_.set_depth(depth + 1);
    b_.emit(Op::PopExcept);
    b_.emit(Op::Reraise);
    b_.bind(after);
    b_.set_depth(depth);
}

void CodeGen::clear_handler_name(const std::string& id, SourceLoc loc) {
    b_.emit(Op::LoadConst, tables_.constant(NoneConst{}));
    store_name(id, loc);
    emit_delete(resolve_store(id, loc));
}

void CodeGen::try_except(const ast::Try& s) {
    if (s.handlers.empty()) {
        stmts(s.body);
        stmts(s.orelse);
        return;
    }
    for (size_t k = 0; k + 1 < s.handlers.size(); ++k)
        if (!s.handlers[k].type) fail(s.handlers[k].loc, "default 'except:' must be last");
    Label handler = b_.new_label(), after = b_.new_label();
    const int depth = b_.depth();
    Block block;
    block.kind = Block::TryExcept;
    block.region = b_.open_region(handler, depth);
    blocks_.push_back(block);
    stmts(s.body);
    blocks_.pop_back();
    b_.close_region(block.region);
    stmts(s.orelse);
    b_.emit_jump(Op::Jump, after);

    b_.bind(handler);
    b_.set_depth(depth + 1);
    b_.emit(Op::PushExcInfo);
    bool caught_all = false;
    for (const ast::ExceptHandler& h : s.handlers) {
        LineScope line(*this, h.loc);
        Label next = b_.new_label(), cleanup = b_.new_label();
        if (h.type) {
            expr(*h.type);
            b_.emit(Op::CheckExcMatch);
            b_.emit_jump(Op::PopJumpIfFalse, next);
        } else {
            caught_all = true;
        }
        Block hb;
        hb.kind = Block::Handler;
        hb.region = b_.open_region(cleanup, depth);
        hb.handler_name = h.name ? &*h.name : nullptr;
        if (h.name) store_name(*h.name, h.loc);
        else b_.emit(Op::Pop);
        blocks_.push_back(hb);
        stmts(h.body);
        blocks_.pop_back();
        b_.close_region(hb.region);
        if (h.name) clear_handler_name(*h.name, h.loc);
        b_.emit(Op::PopExcept);
        b_.emit_jump(Op::Jump, after);

        b_.bind(cleanup);
        b_.set_depth(depth + 1);
        if (h.name) clear_handler_name(*h.name, h.loc);
        b_.emit(Op::PopExcept);
        b_.emit(Op::Reraise);
        b_.bind(next);
        b_.set_depth(depth + 1);
    }
    if (!caught_all) {
        b_.emit(Op::PopExcept);
        b_.emit(Op::Reraise);
    }
    b_.bind(after);
    b_.set_depth(depth);
}

void CodeGen::emit_exits(size_t until, bool has_value, std::vector<size_t>& suspended) {
    for (size_t i = blocks_.size(); i-- > until;) {
        const Block block = blocks_[i];
        if (block.region != SIZE_MAX && b_.region_open(block.region)) {
            b_.suspend(block.region);
            suspended.push_back(block.region);
        }
        switch (block.kind) {
        case Block::Loop:
            if (!block.is_for) break;
            if (has_value) b_.emit(Op::Rot2);
            b_.emit(Op::Pop);
            break;
        case Block::With:
            if (has_value) b_.emit(Op::Rot2);
            b_.emit(Op::WithExit);
            break;
        case Block::TryExcept:
            break;
        case Block::TryFinally: {
            // The copy runs outside this block: returns and breaks in it see the outer blocks.
            std::vector<Block> inner(blocks_.begin() + static_cast<std::ptrdiff_t>(i),
                                     blocks_.end());
            blocks_.resize(i);
            stmts(*block.finalbody);
            blocks_.insert(blocks_.end(), inner.begin(), inner.end());
            break;
        }
        case Block::Handler:
            if (block.handler_name) clear_handler_name(*block.handler_name, SourceLoc{});
            b_.emit(Op::PopExcept);
            break;
        case Block::FinallyHandler:
            if (has_value) b_.emit(Op::Rot2);
            b_.emit(Op::Pop);
            b_.emit(Op::PopExcept);
            break;
        }
    }
}

void CodeGen::return_stmt(const ast::Return& r, SourceLoc loc) {
    if (kind_ != CodeKind::Function && kind_ != CodeKind::Prelude)
        fail(loc, "'return' outside function");
    const int depth = b_.depth();
    if (r.value) expr(*r.value);
    else b_.emit(Op::LoadConst, tables_.constant(NoneConst{}));
    std::vector<size_t> suspended;
    emit_exits(0, true, suspended);
    b_.emit(Op::Return);
    for (size_t region : suspended) b_.resume(region);
    b_.set_depth(depth);
}

void CodeGen::break_continue(bool is_break, SourceLoc loc) {
    size_t loop = blocks_.size();
    for (size_t i = blocks_.size(); i-- > 0;) {
        if (blocks_[i].kind == Block::Loop) {
            loop = i;
            break;
        }
    }
    if (loop == blocks_.size())
        fail(loc, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    const int depth = b_.depth();
    const Block target = blocks_[loop];
    std::vector<size_t> suspended;
    emit_exits(loop + 1, false, suspended);
    if (is_break) {
        if (target.is_for) b_.emit(Op::Pop);
        b_.emit_jump(Op::Jump, target.break_to);
    } else {
        b_.emit_jump(Op::Jump, target.continue_to);
    }
    for (size_t region : suspended) b_.resume(region);
    b_.set_depth(depth);
}

} // namespace rc
