#!/usr/bin/env python3
"""Why racecheck's ThreadPoolExecutor.submit may be one step where CPython's takes two.

CPython 3.12's submit puts the work item on the queue, then (_adjust_thread_count) tries the idle
semaphore and starts a new worker only if that fails; a worker can run between the two (take
the item, run it, release the semaphore). racecheck does the put and the check in one step
(model/threading/thread_pool.cpp). Submits are serialized by the executor's _shutdown_lock, so
only workers can come between. This test enumerates every interleaving of both versions of an
abstract executor (a FIFO queue, the idle semaphore, workers that get, run and release) and
checks that they show the same behaviours: the sequence of prints (MainThread after each submit
returns; a worker, by its number, when it runs an item) and the number of workers started.
A worker's steps between the put and the check either do not touch the item just put (they can
move before the put) or take it (they can move after the check), and a release only raises the
semaphore, so the check's result is one the single step also reaches.

Usage: submit_one_step.py [RACECHECK]  (the argument is accepted and not used)
"""
import sys


def behaviours(submits, max_workers, two_steps):
    """Every (prints, workers started) an execution of `submits` submits can end with."""
    ends, seen = set(), set()

    def check(idle, workers):  # _adjust_thread_count
        if idle > 0:
            return idle - 1, workers
        if len(workers) < max_workers:
            return idle, workers + (("get", None),)
        return idle, workers

    def explore(k, phase, queue, idle, workers, prints):
        key = (k, phase, queue, idle, workers, prints)
        if key in seen:
            return
        seen.add(key)
        moved = False
        if k < submits:  # MainThread: submit(k) as put [, check], then print
            moved = True
            if phase == "put":
                if two_steps:
                    explore(k, "check", queue + (k,), idle, workers, prints)
                else:
                    explore(k, "print", queue + (k,), *check(idle, workers), prints)
            elif phase == "check":
                explore(k, "print", queue, *check(idle, workers), prints)
            else:
                explore(k + 1, "put", queue, idle, workers, prints + (("submitted", k),))
        for w, (step, item) in enumerate(workers):
            def then(new_step, new_item):
                return workers[:w] + ((new_step, new_item),) + workers[w + 1:]
            if step == "get" and queue:
                moved = True
                explore(k, phase, queue[1:], idle, then("run", queue[0]), prints)
            elif step == "run":
                moved = True
                explore(k, phase, queue, idle, then("release", item), prints + (("ran", item, w),))
            elif step == "release":
                moved = True
                explore(k, phase, queue, idle + 1, then("get", None), prints)
        if not moved:
            ends.add((prints, len(workers)))

    explore(0, "put", (), 0, (), ())
    return ends


def main():
    failures = 0
    for submits in range(1, 5):
        for max_workers in range(1, 4):
            two = behaviours(submits, max_workers, True)
            one = behaviours(submits, max_workers, False)
            if two != one:
                failures += 1
                print(f"FAIL {submits} submits, max_workers={max_workers}: "
                      f"{len(two - one)} behaviours only with two steps, "
                      f"{len(one - two)} only with one")
            else:
                print(f"ok {submits} submits, max_workers={max_workers}: {len(one)} behaviours")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
