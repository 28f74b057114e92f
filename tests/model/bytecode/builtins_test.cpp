// The builtin vocabulary: spellings, the exception hierarchy (as CPython's), what is visible
// without an import, and module members.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <set>    // distinct spellings
#include <string> // spellings

#include "model/bytecode/builtins.hpp" // the tables under test

namespace rc {

TEST_CASE("builtin_and_known_name_spellings_round_trip") {
    CHECK(builtin_name(BuiltinId::Print) == "print");
    CHECK(builtin_name(BuiltinId::QueueEmpty) == "Empty");
    CHECK(builtin_name(BuiltinId::Local) == "local");
    CHECK(known_name_spelling(KnownName::append) == "append");
    CHECK(known_name_spelling(KnownName::default_) == "default");
    std::set<std::string> seen;
    for (uint32_t k = 0; k < kKnownNameCount; ++k)
        CHECK(seen.insert(std::string(known_name_spelling(static_cast<KnownName>(k)))).second);
    CHECK(module_name(ModuleId::ConcurrentFutures) == "concurrent.futures");
    CHECK(lookup_module("concurrent.futures") == ModuleId::ConcurrentFutures);
    CHECK(lookup_module("concurrent") == ModuleId::Concurrent);
    CHECK(lookup_module("os") == ModuleId::Os);
    CHECK_FALSE(lookup_module("subprocess").has_value());
}

TEST_CASE("exception_hierarchy_matches_cpython") {
    using B = BuiltinId;
    CHECK(exception_matches(B::ZeroDivisionError, B::ArithmeticError));
    CHECK(exception_matches(B::ZeroDivisionError, B::Exception));
    CHECK(exception_matches(B::KeyError, B::LookupError));
    CHECK(exception_matches(B::IndexError, B::LookupError));
    CHECK(exception_matches(B::UnboundLocalError, B::NameError));
    CHECK(exception_matches(B::RecursionError, B::RuntimeError));
    CHECK(exception_matches(B::BrokenBarrierError, B::RuntimeError));
    CHECK(exception_matches(B::TimeoutError, B::OSError));
    CHECK(exception_matches(B::QueueEmpty, B::Exception));
    CHECK(exception_matches(B::CancelledError, B::Exception));
    CHECK(exception_matches(B::KeyboardInterrupt, B::BaseException));
    CHECK_FALSE(exception_matches(B::KeyboardInterrupt, B::Exception));
    CHECK_FALSE(exception_matches(B::SystemExit, B::Exception));
    CHECK_FALSE(exception_matches(B::Exception, B::KeyError));
    CHECK_FALSE(exception_matches(B::KeyError, B::IndexError));
    CHECK(exception_matches(B::ValueError, B::ValueError));
    CHECK_FALSE(exception_parent(B::BaseException).has_value());
    CHECK_FALSE(is_exception_class(B::Lock));
    CHECK_FALSE(exception_matches(B::Lock, B::Exception));
    // Every exception class reaches BaseException.
    for (uint32_t k = 0; k < static_cast<uint32_t>(B::Count); ++k) {
        auto id = static_cast<B>(k);
        if (is_exception_class(id)) CHECK(exception_matches(id, B::BaseException));
        else CHECK_FALSE(exception_parent(id).has_value());
    }
}

TEST_CASE("builtin_globals_need_no_import_but_module_members_do") {
    CHECK(lookup_builtin_global("len") == BuiltinId::Len);
    CHECK(lookup_builtin_global("KeyError") == BuiltinId::KeyError);
    CHECK(lookup_builtin_global("TimeoutError") == BuiltinId::TimeoutError);
    CHECK_FALSE(lookup_builtin_global("Lock").has_value());
    CHECK_FALSE(lookup_builtin_global("sleep").has_value());
    CHECK_FALSE(lookup_builtin_global("Empty").has_value());
    CHECK_FALSE(lookup_builtin_global("BrokenBarrierError").has_value());
    CHECK_FALSE(lookup_builtin_global("CancelledError").has_value());
    CHECK_FALSE(lookup_builtin_global("nope").has_value());
}

TEST_CASE("internal_builtins_resolve_only_for_the_prelude") {
    CHECK_FALSE(lookup_builtin_global("_rc_apply").has_value());
    CHECK(lookup_builtin_global("_rc_apply", true) == BuiltinId::RcApply);
    CHECK(is_internal_builtin(BuiltinId::RcFutureFail));
    CHECK_FALSE(is_internal_builtin(BuiltinId::SystemExit));
}

TEST_CASE("module_members_are_the_modelled_api") {
    CHECK(module_member(ModuleId::Threading, "Lock") == BuiltinId::Lock);
    CHECK(module_member(ModuleId::Threading, "local") == BuiltinId::Local);
    CHECK(module_member(ModuleId::Threading, "BrokenBarrierError") ==
          BuiltinId::BrokenBarrierError);
    CHECK(module_member(ModuleId::Queue, "Empty") == BuiltinId::QueueEmpty);
    CHECK(module_member(ModuleId::Queue, "Full") == BuiltinId::QueueFull);
    CHECK(module_member(ModuleId::Time, "sleep") == BuiltinId::Sleep);
    CHECK(module_member(ModuleId::ConcurrentFutures, "TimeoutError") == BuiltinId::TimeoutError);
    CHECK(module_member(ModuleId::ConcurrentFutures, "CancelledError") ==
          BuiltinId::CancelledError);
    CHECK_FALSE(module_member(ModuleId::Threading, "Queue").has_value());
    CHECK_FALSE(module_member(ModuleId::Threading, "Foo").has_value());
    CHECK_FALSE(module_member(ModuleId::Concurrent, "futures").has_value());
    CHECK_FALSE(module_member(ModuleId::Time, "print").has_value());
}

} // namespace rc
