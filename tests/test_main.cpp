// The one main() shared by every doctest executable (test_model, test_checker).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h> // the test runner
