/* The lock-protected counter (scenarios/counter_lock.yaml): N threads each do K times
   `with lock: counter += 1` — acquire (an atomic test-and-set that blocks while the lock is
   held), read, write, release. MainThread starts the threads one by one, joins them in order and
   checks the counter. Parameters: spin -a -DN=3 -DK=3. */
#ifndef N
#define N 2
#endif
#ifndef K
#define K 2
#endif

byte counter = 0;
bit lock = 0;
bool done[N];

proctype worker(byte me) {
    byte i = 0;
    byte tmp;
    do
    :: i < K ->
        atomic { lock == 0 -> lock = 1 };
        tmp = counter;
        counter = tmp + 1;
        tmp = 0; /* dead after the write, as on Python's operand stack (see counter.pml) */
        lock = 0;
        i++
    :: else -> break
    od;
    done[me] = true
}

init {
    byte j = 0;
    do
    :: j < N -> run worker(j); j++
    :: else -> break
    od;
    j = 0;
    do
    :: j < N -> done[j]; j++
    :: else -> break
    od;
    assert(counter == N * K)
}
