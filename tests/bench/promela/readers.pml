/* readers(N) (tests/families/readers.yaml): one thread writes x once, N threads read it once.
   MainThread starts all, then joins them in order. Parameters: spin -a -DN=8. */
#ifndef N
#define N 3
#endif

byte x = 0;
bool done[N + 1];

proctype writer() {
    x = 1;
    done[0] = true
}

proctype reader(byte me) {
    byte seen;
    seen = x;
    done[me] = true
}

init {
    byte j = 1;
    run writer();
    do
    :: j <= N -> run reader(j); j++
    :: else -> break
    od;
    j = 0;
    do
    :: j <= N -> done[j]; j++
    :: else -> break
    od
}
