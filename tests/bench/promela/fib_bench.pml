/* fib_bench(NUM) (tests/families/fib_bench.yaml, SV-COMP pthread/fib_bench): t1 does
   i = i + j NUM times, t2 j = j + i (each a read of i, a read of j, a write); MainThread starts
   both and, without joining, reads i and then j. Temporaries are cleared once dead, as in
   counter.pml. Parameters: spin -a -DNUM=2. */
#ifndef NUM
#define NUM 2
#endif

int i = 1;
int j = 1;

proctype t1() {
    byte k = 0;
    int a, b;
    do
    :: k < NUM -> a = i; b = j; i = a + b; a = 0; b = 0; k++
    :: else -> break
    od
}

proctype t2() {
    byte k = 0;
    int a, b;
    do
    :: k < NUM -> a = j; b = i; j = a + b; a = 0; b = 0; k++
    :: else -> break
    od
}

init {
    int a, b;
    run t1();
    run t2();
    a = i;
    b = j;
    assert(a < 144 && b < 144)
}
