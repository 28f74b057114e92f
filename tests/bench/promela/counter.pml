/* The unsafe counter (scenarios/counter.yaml): N threads each add 1 to a shared counter K times
   without a lock. The same program as racecheck sees it: `counter += 1` is a read then a write;
   MainThread starts the threads one by one, then joins them in order, then checks the counter.
   Loop counters and temporaries are process-local, which SPIN's partial-order reduction treats
   as invisible (racecheck runs such work inside one step); the temporary is cleared once the
   write is done, as Python's operand stack drops the value (else SPIN would keep states apart
   by a dead value, which racecheck does not have). Parameters: spin -a -DN=2 -DK=2.
   Run pan with -E: the final assertion fails by design; the point is the whole state space. */
#ifndef N
#define N 2
#endif
#ifndef K
#define K 2
#endif

byte counter = 0;
bool done[N];

proctype worker(byte me) {
    byte i = 0;
    byte tmp;
    do
    :: i < K -> tmp = counter; counter = tmp + 1; tmp = 0; i++
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
