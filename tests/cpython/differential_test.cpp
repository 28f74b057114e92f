// The differential test against CPython 3.12 (tests/cpython/README.md): runs every program in
// tests/cpython/programs/ under `racecheck run` and compares what it shows, byte for byte, with
// the expected output stored beside it (NAME.out); when a CPython 3.12 interpreter is given, also
// runs it and checks that the stored file is what CPython shows.
//
//   test_cpython --racecheck BIN --programs DIR [--python PY] [--jobs N] [--only NAME]...
//                [--regenerate]   rewrite NAME.out from CPython (deviations: from racecheck)
//                [--diff-only]    ignore the stored files: list where racecheck and CPython differ
//
// What is compared (the same for both interpreters): stdout as written; then, when stderr is not
// empty, a line `--- stderr ---` and stderr with every traceback reduced to its last line (the
// exception; racecheck reports only the raising line, CPython the whole stack); `racecheck run`
// exiting 2 or 3 (a refusal or an internal bug) adds `--- racecheck exit N ---`. A compile-time
// error (CPython's SyntaxError, racecheck's load-time error other than a refusal) is shown as
// `--- syntax error ---` and `line N: MESSAGE` for both (syntax_error). Compile-time
// SyntaxWarnings (`x is 1`, "\d") are taken out of stderr and shown last, after
// `--- syntax warnings ---`, as `line N: MESSAGE` for both (take_syntax_warnings). The program's
// path is shown as its file name (diagnostics and tracebacks name it). Exit statuses are
// not compared otherwise: racecheck's says whether it found bugs, CPython's how Python ended.
// Programs listed in DIR/../deviations.txt (`NAME: KIND: reason`) are documented differences:
// their stored file is racecheck's output; a `refused` one must be a refusal (exit 2, "error:
// unsupported:"); and when CPython 3.12 is given, one it shows identically fails (a stale entry).
#include <algorithm>  // sort, find
#include <atomic>     // work distribution
#include <chrono>     // the per-program timeout
#include <csignal>    // kill
#include <cstdio>     // fprintf
#include <cstdlib>    // getenv
#include <fcntl.h>    // O_WRONLY for posix_spawn redirections
#include <filesystem> // program listing, temp files
#include <fstream>    // reading and writing files
#include <iostream>   // reports
#include <map>        // deviations
#include <mutex>      // report lines
#include <optional>   // python
#include <spawn.h>    // posix_spawn
#include <sstream>    // file reading
#include <string>     // texts
#include <sys/wait.h> // waitpid
#include <thread>     // jobs
#include <unistd.h>   // getpid
#include <vector>     // programs

extern char** environ;

namespace fs = std::filesystem;

namespace {

constexpr std::chrono::seconds kTimeout{20};

struct Output {
    int exit_code = -1;
    std::string out, err;
};

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_file(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
}

/// Runs argv with stdout and stderr into files under `tmp`, environment `env` added to ours.
Output run(const std::vector<std::string>& argv, const std::vector<std::string>& env,
           const fs::path& tmp) {
    const fs::path out_file = tmp.string() + ".stdout", err_file = tmp.string() + ".stderr";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    std::vector<std::string> env_storage;
    for (char** e = environ; *e; ++e) env_storage.emplace_back(*e);
    env_storage.insert(env_storage.end(), env.begin(), env.end());
    std::vector<char*> envp;
    for (std::string& e : env_storage) envp.push_back(e.data());
    envp.push_back(nullptr);
    Output o;
    pid_t pid = 0;
    if (posix_spawn(&pid, args[0], &actions, nullptr, args.data(), envp.data()) == 0) {
        // A program that runs away is killed after kTimeout (its output then says so).
        const auto start = std::chrono::steady_clock::now();
        int status = 0;
        bool killed = false;
        while (waitpid(pid, &status, WNOHANG) == 0) {
            if (!killed && std::chrono::steady_clock::now() - start > kTimeout) {
                kill(pid, SIGKILL);
                killed = true;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        o.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        if (killed) o.err += "[killed after " + std::to_string(kTimeout.count()) + " s]\n";
    }
    posix_spawn_file_actions_destroy(&actions);
    o.out = read_file(out_file);
    o.err = read_file(err_file) + o.err;
    fs::remove(out_file);
    fs::remove(err_file);
    return o;
}

/// stderr with each traceback reduced to its exception line: "Traceback (most recent call
/// last):" and the indented lines after it are dropped.
std::string reduce_tracebacks(const std::string& err) {
    std::string out;
    bool in_traceback = false;
    for (size_t i = 0; i < err.size();) {
        size_t j = err.find('\n', i);
        std::string line = err.substr(i, j == std::string::npos ? std::string::npos : j - i + 1);
        i = j == std::string::npos ? err.size() : j + 1;
        if (line.rfind("Traceback (most recent call last):", 0) == 0) {
            in_traceback = true;
            continue;
        }
        if (in_traceback && !line.empty() && line[0] == ' ') continue;
        in_traceback = false;
        out += line;
    }
    return out;
}

/// A compile-time error in a comparable form, `--- syntax error ---` then `line N: MESSAGE`, or
/// empty when the run shows none. CPython prints `  File "PATH", line N`, the source line, carets
/// and `SyntaxError: MESSAGE` (no traceback: nothing ran); racecheck, exiting 2, prints
/// `PATH:N:COL: error: MESSAGE` and a hint. A refusal (`error: unsupported: ...`) is no syntax
/// error and stays whole.
std::string syntax_error(const Output& o, bool racecheck) {
    std::istringstream in(o.err);
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    if (lines.empty()) return "";
    if (racecheck) {
        if (o.exit_code != 2) return "";
        const std::string& first = lines.front();
        const size_t at = first.find(": error: ");
        if (at == std::string::npos) return "";
        const std::string message = first.substr(at + 9);
        if (message.rfind("unsupported", 0) == 0) return "";
        const size_t col = first.rfind(':', at - 1), line = first.rfind(':', col - 1);
        if (col == std::string::npos || line == std::string::npos) return "";
        return "--- syntax error ---\nline " + first.substr(line + 1, col - line - 1) + ": " + message + "\n";
    }
    if (lines.back().rfind("SyntaxError: ", 0) != 0 || o.err.find("Traceback (most recent call last):") != std::string::npos)
        return "";
    for (const std::string& l : lines) {
        const size_t at = l.find("\", line ");
        if (l.rfind("  File \"", 0) == 0 && at != std::string::npos)
            return "--- syntax error ---\nline " + l.substr(at + 8) + ": " + lines.back().substr(13) + "\n";
    }
    return "";
}

/// Takes the compile-time SyntaxWarnings out of `err` and returns them as `line N: MESSAGE`
/// lines. CPython prints `PATH:N: SyntaxWarning: MESSAGE` and the source line indented;
/// racecheck prints `PATH:N:COL: warning: MESSAGE [SyntaxWarning]`.
std::string take_syntax_warnings(std::string& err, bool racecheck) {
    std::istringstream in(err);
    std::string rest, warnings;
    bool skip_source = false;
    for (std::string l; std::getline(in, l);) {
        if (skip_source && l.rfind("  ", 0) == 0) {
            skip_source = false;
            continue;
        }
        skip_source = false;
        const std::string tag = racecheck ? ": warning: " : ": SyntaxWarning: ";
        const size_t at = l.find(tag);
        const bool ours = at != std::string::npos &&
                          (!racecheck || (l.size() > 16 && l.compare(l.size() - 16, 16, " [SyntaxWarning]") == 0));
        if (!ours) {
            rest += l + "\n";
            continue;
        }
        std::string message = l.substr(at + tag.size());
        if (racecheck) message.resize(message.size() - 16);
        // the line number: after the path's colon (racecheck: the one before the column)
        size_t end = at, start = l.rfind(':', at - 1);
        if (racecheck) {
            end = start;
            start = l.rfind(':', end - 1);
        }
        warnings += "line " + l.substr(start + 1, end - start - 1) + ": " + message + "\n";
        skip_source = !racecheck;
    }
    if (!err.empty() && err.back() != '\n' && !rest.empty()) rest.pop_back();
    err = rest;
    return warnings;
}

/// The comparable form of one run (see the file comment).
std::string shown(const Output& o, bool racecheck) {
    Output without = o;
    const std::string warnings = take_syntax_warnings(without.err, racecheck);
    const std::string warned = warnings.empty() ? "" : "--- syntax warnings ---\n" + warnings;
    if (std::string syntax = syntax_error(without, racecheck); !syntax.empty()) return o.out + syntax + warned;
    std::string text = o.out;
    std::string err = reduce_tracebacks(without.err);
    bool refused = racecheck && (o.exit_code == 2 || o.exit_code == 3 || o.exit_code > 128);
    if (refused) err = without.err; // a diagnostic, kept whole
    if (!err.empty() || refused) {
        if (!text.empty() && text.back() != '\n') text += "\n\\ no newline at end of stdout\n";
        if (!err.empty()) text += "--- stderr ---\n" + err;
        if (refused) text += "--- racecheck exit " + std::to_string(o.exit_code) + " ---\n";
    }
    return text + warned;
}

/// `text` with the program's path as given replaced by its file name, so that the stored outputs
/// do not depend on where the repository is.
std::string without_directory(std::string text, const fs::path& file) {
    const std::string path = file.string(), name = file.filename().string();
    for (size_t at = 0; (at = text.find(path, at)) != std::string::npos; at += name.size())
        text.replace(at, path.size(), name);
    return text;
}

/// A short account of where two texts differ.
std::string difference(const std::string& want, const std::string& got) {
    std::vector<std::string> a, b;
    auto split = [](const std::string& t, std::vector<std::string>& lines) {
        std::istringstream in(t);
        for (std::string l; std::getline(in, l);) lines.push_back(l);
    };
    split(want, a);
    split(got, b);
    size_t k = 0;
    while (k < a.size() && k < b.size() && a[k] == b[k]) ++k;
    std::string out = "    first difference at line " + std::to_string(k + 1) + ":\n";
    for (size_t i = k; i < std::min(a.size(), k + 4); ++i) out += "    - " + a[i] + "\n";
    for (size_t i = k; i < std::min(b.size(), k + 4); ++i) out += "    + " + b[i] + "\n";
    if (a.size() == b.size() && k == a.size()) out += "    (differ in trailing newline or bytes)\n";
    return out;
}

std::map<std::string, std::string> read_deviations(const fs::path& file) {
    std::map<std::string, std::string> out;
    std::istringstream in(read_file(file));
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        size_t colon = line.find(':');
        if (colon == std::string::npos) continue;
        size_t start = line.find_first_not_of(' ', colon + 1);
        out[line.substr(0, colon)] = start == std::string::npos ? "" : line.substr(start);
    }
    return out;
}

/// The interpreter's "major.minor", or empty when it cannot be run.
std::string python_version(const std::string& python, const fs::path& tmp) {
    if (python.empty() || !fs::exists(python)) return "";
    Output o = run({python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"}, {}, tmp);
    if (o.exit_code != 0) return "";
    return o.out.substr(0, o.out.find('\n'));
}

} // namespace

int main(int argc, char** argv) {
    std::string racecheck, python;
    fs::path programs;
    std::vector<std::string> only;
    bool regenerate = false, diff_only = false;
    unsigned jobs = 2;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
        if (a == "--racecheck") racecheck = value();
        else if (a == "--programs") programs = value();
        else if (a == "--python") python = value();
        else if (a == "--only") only.push_back(value());
        else if (a == "--jobs") jobs = static_cast<unsigned>(std::max(1, std::stoi(value())));
        else if (a == "--regenerate") regenerate = true;
        else if (a == "--diff-only") diff_only = true;
        else {
            std::cerr << "test_cpython: unknown argument '" << a << "'\n";
            return 2;
        }
    }
    if (const char* env = std::getenv("RC_CPYTHON"); env && *env) python = env;
    if (std::getenv("RC_REGENERATE_CPYTHON")) regenerate = true;
    if (racecheck.empty() || programs.empty() || !fs::is_directory(programs)) {
        std::cerr << "usage: test_cpython --racecheck BIN --programs DIR [--python PY] "
                     "[--jobs N] [--only NAME]... [--regenerate | --diff-only]\n";
        return 2;
    }
    const fs::path tmp_dir = fs::temp_directory_path() /
                             ("racecheck-cpython-" + std::to_string(getpid()));
    fs::create_directories(tmp_dir);
    const std::string version = python_version(python, tmp_dir / "version");
    const bool oracle = version == "3.12";
    if (!python.empty() && !oracle)
        std::cout << "note: " << python << " is not CPython 3.12 (" << (version.empty() ? "cannot run" : version)
                  << "): comparing with the stored outputs only\n";
    if ((regenerate || diff_only) && !oracle) {
        std::cerr << "test_cpython: --regenerate and --diff-only need CPython 3.12 (--python or RC_CPYTHON)\n";
        return 2;
    }
    const auto deviations = read_deviations(programs.parent_path() / "deviations.txt");

    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(programs))
        if (e.path().extension() == ".py") {
            std::string name = e.path().stem().string();
            if (only.empty() || std::find(only.begin(), only.end(), name) != only.end())
                files.push_back(e.path());
        }
    std::sort(files.begin(), files.end());

    std::atomic<size_t> next{0};
    std::mutex report_lock;
    std::vector<std::string> failures;
    for (const auto& [name, reason] : deviations)
        if (!fs::exists(programs / (name + ".py")))
            failures.push_back("FAIL deviations.txt names " + name + ", which has no program\n");
    size_t compared_with_cpython = 0, deviating = 0;
    auto work = [&](unsigned worker) {
        for (size_t k; (k = next++) < files.size();) {
            const fs::path& file = files[k];
            const std::string name = file.stem().string();
            const fs::path tmp = tmp_dir / (name + "." + std::to_string(worker));
            const fs::path expected_file = fs::path(file).replace_extension(".out");
            const bool deviation = deviations.count(name) > 0;
            const std::string mine = without_directory(
                shown(run({racecheck, "run", file.string(), "--seed", "1"}, {}, tmp), true), file);
            std::optional<std::string> cpython;
            if (oracle)
                cpython = without_directory(shown(run({python, "-X", "utf8", file.string()},
                                                      {"PYTHONHASHSEED=0", "PYTHONIOENCODING=utf-8"}, tmp),
                                                  false),
                                            file);
            std::string problems;
            if (deviation) {
                const std::string& why = deviations.at(name);
                if (why.rfind("refused:", 0) == 0) {
                    if (mine.find("error: unsupported:") == std::string::npos ||
                        mine.find("--- racecheck exit 2 ---") == std::string::npos)
                        problems += "  listed as refused in deviations.txt, but racecheck does not refuse it\n";
                } else if (why.rfind("nondeterministic:", 0) != 0 && why.rfind("differs:", 0) != 0) {
                    problems += "  deviations.txt: the kind must be refused, nondeterministic or differs\n";
                }
                if (cpython && *cpython == mine)
                    problems += "  listed in deviations.txt, but racecheck now shows what CPython 3.12 shows: "
                                "remove the entry\n";
                cpython.reset(); // the stored file is racecheck's output
            }
            if (diff_only) {
                if (cpython && *cpython != mine)
                    problems += "  racecheck differs from CPython 3.12:\n" + difference(*cpython, mine);
            } else if (regenerate) {
                write_file(expected_file, cpython ? *cpython : mine);
                if (cpython && *cpython != mine)
                    problems += "  racecheck differs from CPython 3.12:\n" + difference(*cpython, mine);
            } else {
                if (!fs::exists(expected_file)) {
                    problems += "  no stored output " + expected_file.filename().string() +
                                " (run with --regenerate)\n";
                } else {
                    const std::string stored = read_file(expected_file);
                    if (stored != mine)
                        problems += "  racecheck run differs from " +
                                    expected_file.filename().string() + ":\n" +
                                    difference(stored, mine);
                    if (cpython && *cpython != stored)
                        problems += "  " + expected_file.filename().string() +
                                    " is not what CPython 3.12 shows (regenerate it):\n" +
                                    difference(stored, *cpython);
                }
            }
            std::lock_guard<std::mutex> guard(report_lock);
            if (oracle) ++compared_with_cpython;
            if (deviation) ++deviating;
            if (!problems.empty()) failures.push_back("FAIL " + name + "\n" + problems);
        }
    };
    std::vector<std::thread> workers;
    for (unsigned w = 0; w < jobs; ++w) workers.emplace_back(work, w);
    for (std::thread& t : workers) t.join();
    fs::remove_all(tmp_dir);

    std::sort(failures.begin(), failures.end());
    for (const std::string& f : failures) std::cout << f;
    std::cout << files.size() << " programs, " << failures.size() << " failing; "
              << compared_with_cpython << " also run under CPython 3.12"
              << (oracle ? "" : " (none given: pass --python or set RC_CPYTHON)") << "; "
              << deviating << " documented deviations (tests/cpython/deviations.txt)\n";
    return failures.empty() ? 0 : 1;
}
