// Assignment, deletion and loop targets: the target-list grammar and CPython's messages for
// expressions that cannot be targets.
#include <string>  // messages
#include <utility> // move

#include "model/syntax/parser_internal.hpp" // Parser

namespace rc::parse {

namespace {

/// How CPython names an expression that cannot be assigned to or deleted.
struct Describe {
    std::string operator()(const ast::Constant &c) const {
        if (std::holds_alternative<ast::NoneLit>(c.value)) {
            return "None";
        }
        if (const bool *b = std::get_if<bool>(&c.value)) {
            return *b ? "True" : "False";
        }
        return "literal";
    }
    std::string operator()(const ast::FString &) const { return "f-string expression"; }
    std::string operator()(const ast::Compare &) const { return "comparison"; }
    std::string operator()(const ast::IfExp &) const { return "conditional expression"; }
    std::string operator()(const ast::Call &) const { return "function call"; }
    std::string operator()(const ast::Dict &) const { return "dict literal"; }
    std::string operator()(const ast::ListComp &) const { return "list comprehension"; }
    std::string operator()(const ast::DictComp &) const { return "dict comprehension"; }
    std::string operator()(const ast::GeneratorExp &) const { return "generator expression"; }
    std::string operator()(const ast::Tuple &) const { return "tuple"; }
    std::string operator()(const ast::List &) const { return "list"; }
    std::string operator()(const ast::Name &) const { return "name"; }
    std::string operator()(const ast::Attribute &) const { return "attribute"; }
    std::string operator()(const ast::Subscript &) const { return "subscript"; }
    std::string operator()(const ast::NamedExpr &) const { return "named expression"; }
    std::string operator()(const ast::Starred &) const { return "starred"; }
    std::string operator()(const auto &) const { return "expression"; }
};
std::string describe(const ast::Expr &e) {
    return std::visit(Describe{}, e.node);
}

/// Whether CPython's invalid_named_expression rule, which adds "Maybe you meant '=='", can
/// match: the target is a bitwise-or level expression other than a display or None/True/False.
bool is_bitwise_or_level(const ast::Expr &e) {
    if (const auto *c = std::get_if<ast::Constant>(&e.node)) {
        return !std::holds_alternative<ast::NoneLit>(c->value) &&
               !std::holds_alternative<bool>(c->value);
    }
    if (const auto *u = std::get_if<ast::UnaryOp>(&e.node)) {
        return u->op != ast::UnaryOpKind::Not;
    }
    return !std::holds_alternative<ast::Compare>(e.node) &&
           !std::holds_alternative<ast::BoolOp>(e.node) &&
           !std::holds_alternative<ast::IfExp>(e.node) &&
           !std::holds_alternative<ast::GeneratorExp>(e.node);
}

} // namespace

void Parser::check_named_target(const ast::Expr &target) const {
    fail(target.loc, "cannot use assignment expressions with " + describe(target));
}

void Parser::check_target(const ast::Expr &target, TargetUse use) const {
    if (std::holds_alternative<ast::Starred>(target.node)) {
        switch (use) {
        case TargetUse::Delete: fail(target.loc, "cannot delete starred");
        case TargetUse::AugAssign:
            fail(target.loc, "'starred' is an illegal expression for augmented assignment");
        default: fail(target.loc, "starred assignment target must be in a list or tuple");
        }
    }
    const bool simple = std::holds_alternative<ast::Name>(target.node) ||
                        std::holds_alternative<ast::Attribute>(target.node) ||
                        std::holds_alternative<ast::Subscript>(target.node);
    if (simple) {
        return;
    }
    const std::vector<ast::Expr> *elts = nullptr;
    if (const auto *tuple = std::get_if<ast::Tuple>(&target.node)) {
        elts = &tuple->elts;
    } else if (const auto *list = std::get_if<ast::List>(&target.node)) {
        elts = &list->elts;
    }
    if (elts != nullptr && use != TargetUse::AugAssign) {
        // In a bare tuple `a, f() = x` the last item directly precedes the `=`, and CPython's
        // invalid_named_expression rule reports it first, with its "here" message.
        const bool bare = !elts->empty() && elts->front().loc == target.loc;
        if (use == TargetUse::AssignHere && bare &&
            !std::holds_alternative<ast::Starred>(elts->back().node)) {
            check_target(elts->back(), TargetUse::AssignHere);
        }
        size_t starred = 0;
        for (const ast::Expr &elt : *elts) {
            const TargetUse inner = use == TargetUse::AssignHere ? TargetUse::Assign : use;
            if (const auto *st = std::get_if<ast::Starred>(&elt.node); st && use != TargetUse::Delete) {
                if (++starred > 1) {
                    fail(target.loc, "multiple starred expressions in assignment");
                }
                check_target(*st->value, inner);
                continue;
            }
            check_target(elt, inner);
        }
        return;
    }
    const std::string what = describe(target);
    switch (use) {
    case TargetUse::AssignHere:
        if (is_bitwise_or_level(target)) {
            fail(target.loc,
                 "cannot assign to " + what + " here. Maybe you meant '==' instead of '='?");
        }
        fail(target.loc, "cannot assign to " + what);
    case TargetUse::Assign:
        fail(target.loc, "cannot assign to " + what);
    case TargetUse::AugAssign:
        fail(target.loc, "'" + what + "' is an illegal expression for augmented assignment");
    case TargetUse::Delete:
        fail(target.loc, "cannot delete " + what);
    }
}

ast::Expr Parser::parse_target_list() {
    auto item = [this] {
        if (is_op("*")) {
            const SourceLoc loc = next().loc;
            return make_expr(ast::Starred{box(parse_bitor())}, loc);
        }
        return parse_bitor();
    };
    ast::Expr first = item();
    if (!is_op(",")) {
        return first;
    }
    const SourceLoc loc = first.loc;
    ast::Tuple tuple;
    tuple.elts.push_back(std::move(first));
    while (accept_op(",")) {
        if (!starts_expression()) {
            break;
        }
        tuple.elts.push_back(item());
    }
    return make_expr(std::move(tuple), loc);
}

} // namespace rc::parse
