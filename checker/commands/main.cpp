// racecheck entry point: all behaviour lives in cli.cpp so tests can drive it with streams.
#include <iostream> // cout, cerr

#include "checker/commands/cli.hpp" // run_cli

int main(int argc, char **argv) {
    return rc::run_cli(argc, argv, std::cout, std::cerr);
}
