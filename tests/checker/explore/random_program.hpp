// Small random threading programs, as scenario YAML, for cross-checking reductions against
// exhaustive DFS: two or three threads, each a few statements drawn from reads and writes of
// shared globals and list elements, locks (with, acquire/release, nested in both orders),
// Condition wait/notify, Event set/wait/is_set, Semaphore, Queue put/get, prints and sleeps,
// a bounded loop and a spin-wait on a global.
// Deterministic for a seed. Programs may deadlock, lose updates, raise or break an invariant:
// the point is that every strategy must agree on what they do.
#pragma once

#include <cstdint> // uint32_t
#include <random>  // mt19937
#include <string>  // code
#include <vector>  // statements

namespace rc::test {

class RandomProgram {
public:
    explicit RandomProgram(uint32_t seed) : rng_(seed) {}

    /// The next program as a scenario file.
    std::string next() {
        const int threads = pick(10) < 7 ? 2 : 3;
        const int max_statements = threads == 2 ? 3 : 2;
        std::string code = "import threading\nimport queue\nimport time\n\n"
                           "x = 0\ny = 0\nitems = [0, 0]\n"
                           "lock = threading.Lock()\nlock2 = threading.Lock()\n"
                           "cond = threading.Condition(lock)\nev = threading.Event()\n"
                           "sem = threading.Semaphore(1)\nq = queue.Queue()\n\n";
        for (int t = 0; t < threads; ++t) {
            code += "def w" + std::to_string(t) + "():\n    global x\n    global y\n";
            const int n = 1 + pick(max_statements);
            for (int s = 0; s < n; ++s) code += statement(t);
            code += "\n";
        }
        code += "threads = [";
        for (int t = 0; t < threads; ++t)
            code += std::string(t ? ", " : "") + "threading.Thread(target=w" + std::to_string(t) + ")";
        code += "]\nfor t in threads:\n    t.start()\nfor t in threads:\n    t.join()\n"
                "print(x, y, items)\n";
        std::string always = pick(5) == 0 ? "[x < 2]" : "[]";
        std::string final = pick(3) == 0 ? "[x + y >= 0]" : "[]";
        std::string yaml = "name: random\nparams: {}\ncode: |\n";
        size_t start = 0;
        while (start < code.size()) {
            size_t end = code.find('\n', start);
            std::string line = code.substr(start, end - start);
            yaml += line.empty() ? "\n" : "  " + line + "\n";
            start = end + 1;
        }
        yaml += "checks:\n  final: " + final + "\n  always: " + always + "\nexpect: []\n";
        return yaml;
    }

private:
    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

    std::string statement(int thread) {
        const std::string me = std::to_string(thread);
        switch (pick(28)) {
        case 0: return "    x += 1\n";
        case 1: return "    y = x\n";
        case 2: return "    x = " + me + "\n";
        case 3: return "    t = y\n";
        case 4: return "    if x > 0:\n        y += 1\n";
        case 5: return "    with lock:\n        x += 1\n";
        case 6: return "    with lock:\n        y = x\n";
        case 7: return "    lock.acquire()\n    x = y\n    lock.release()\n";
        case 8: return "    with lock2:\n        with lock:\n            x += 1\n";
        case 9: return "    with lock:\n        with lock2:\n            y += 1\n";
        case 10: return "    ev.set()\n";
        case 11: return "    ev.wait(timeout=0.01)\n";
        case 12: return "    ev.wait()\n";
        case 13: return "    with cond:\n        cond.notify()\n";
        case 14: return "    with cond:\n        cond.wait(timeout=0.01)\n";
        case 15: return "    sem.acquire()\n    x += 1\n    sem.release()\n";
        case 16: return "    q.put(x)\n";
        case 17: return "    try:\n        t = q.get(timeout=0.01)\n    except queue.Empty:\n        pass\n";
        case 18: return "    items.append(" + me + ")\n";
        case 19: return "    items[0] = x\n";
        case 20: return "    t = items[1]\n";
        case 21: return "    t = len(items)\n";
        case 22: return "    print('w" + me + "')\n";
        case 23: return "    time.sleep(0)\n";
        case 24: return "    if ev.is_set():\n        x = 5\n";
        case 25: return "    for i in range(2):\n        y += 1\n";
        case 26: return "    while x == 0:\n        pass\n";
        default: return "    with cond:\n        cond.wait()\n";
        }
    }

    std::mt19937 rng_;
};

} // namespace rc::test
