/* lastzero(N) (tests/families/lastzero.yaml): a reader scans array[N], array[N-1], ... for the
   last zero while writer j (1..N) sets array[j] = array[j-1] + 1 (a read, then a write).
   MainThread starts all, then joins them in order. Parameters: spin -a -DN=5. */
#ifndef N
#define N 3
#endif

byte array[N + 1];
bool done[N + 1];

proctype reader() {
    byte i = N;
    do
    :: array[i] != 0 -> i--
    :: else -> break
    od;
    done[0] = true
}

proctype writer(byte j) {
    byte tmp;
    tmp = array[j - 1];
    array[j] = tmp + 1;
    done[j] = true
}

init {
    byte j = 1;
    run reader();
    do
    :: j <= N -> run writer(j); j++
    :: else -> break
    od;
    j = 0;
    do
    :: j <= N -> done[j]; j++
    :: else -> break
    od
}
