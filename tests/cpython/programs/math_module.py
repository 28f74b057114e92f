# The math module: results (the C library's, as CPython's), int results of floor/ceil/trunc,
# the constants, and CPython's errors and messages; then CPU-bound work split over threads.
import math
import threading
from math import sqrt, pi, inf

cases = [
    ('math.sqrt(2)', lambda: math.sqrt(2)),
    ('sqrt(16)', lambda: sqrt(16)),
    ('math.sqrt(True)', lambda: math.sqrt(True)),
    ('math.sqrt(1e-320)', lambda: math.sqrt(1e-320)),
    ('math.isqrt(99)', lambda: math.isqrt(99)),
    ('math.isqrt(2**62)', lambda: math.isqrt(2**62)),
    ('math.floor(-0.5)', lambda: math.floor(-0.5)),
    ('math.floor(3)', lambda: math.floor(3)),
    ('math.ceil(2.0000001)', lambda: math.ceil(2.0000001)),
    ('math.trunc(-2.5)', lambda: math.trunc(-2.5)),
    ('math.floor(True)', lambda: math.floor(True)),
    ('math.fabs(-3)', lambda: math.fabs(-3)),
    ('math.factorial(20)', lambda: math.factorial(20)),
    ('math.factorial(True)', lambda: math.factorial(True)),
    ('math.gcd()', lambda: math.gcd()),
    ('math.gcd(-12, 18)', lambda: math.gcd(-12, 18)),
    ('math.gcd(0, 0)', lambda: math.gcd(0, 0)),
    ('math.lcm()', lambda: math.lcm()),
    ('math.lcm(4, 6, 10)', lambda: math.lcm(4, 6, 10)),
    ('math.lcm(0, 5)', lambda: math.lcm(0, 5)),
    ('math.pow(2, 0.5)', lambda: math.pow(2, 0.5)),
    ('math.pow(-2, 3)', lambda: math.pow(-2, 3)),
    ('math.pow(0, 0)', lambda: math.pow(0, 0)),
    ('math.pow(inf, 2)', lambda: math.pow(inf, 2)),
    ('math.pow(2, math.nan)', lambda: math.pow(2, math.nan)),
    ('math.pow(1, math.nan)', lambda: math.pow(1, math.nan)),
    ('math.pow(-inf, 3)', lambda: math.pow(-inf, 3)),
    ('math.pow(0.5, -inf)', lambda: math.pow(0.5, -inf)),
    ('math.pow(2, -inf)', lambda: math.pow(2, -inf)),
    ('math.exp(1)', lambda: math.exp(1)),
    ('math.exp(-1000)', lambda: math.exp(-1000)),
    ('math.log(100, 10)', lambda: math.log(100, 10)),
    ('math.log(1000, 10)', lambda: math.log(1000, 10)),
    ('math.log(1024, 2)', lambda: math.log(1024, 2)),
    ('math.log(math.e)', lambda: math.log(math.e)),
    ('math.log(inf)', lambda: math.log(inf)),
    ('math.log2(8)', lambda: math.log2(8)),
    ('math.log10(0.001)', lambda: math.log10(0.001)),
    ('math.sin(pi / 6)', lambda: math.sin(pi / 6)),
    ('math.cos(0)', lambda: math.cos(0)),
    ('math.tan(pi / 4)', lambda: math.tan(pi / 4)),
    ('math.atan(1) * 4', lambda: math.atan(1) * 4),
    ('math.atan2(1, -1)', lambda: math.atan2(1, -1)),
    ('math.atan2(-0.0, -1)', lambda: math.atan2(-0.0, -1)),
    ('math.degrees(pi)', lambda: math.degrees(pi)),
    ('math.radians(180)', lambda: math.radians(180)),
    ('math.copysign(3, -0.0)', lambda: math.copysign(3, -0.0)),
    ('math.isclose(0.1 + 0.2, 0.3)', lambda: math.isclose(0.1 + 0.2, 0.3)),
    ('math.isclose(1, 1.1, rel_tol=0.2)', lambda: math.isclose(1, 1.1, rel_tol=0.2)),
    ('math.isclose(0, 1e-10, abs_tol=1e-9)', lambda: math.isclose(0, 1e-10, abs_tol=1e-9)),
    ('math.isclose(inf, inf)', lambda: math.isclose(inf, inf)),
    ('math.isnan(math.nan)', lambda: math.isnan(math.nan)),
    ('math.isinf(-inf)', lambda: math.isinf(-inf)),
    ('math.isfinite(1e308 * 10)', lambda: math.isfinite(1e308 * 10)),
    ('math.tau', lambda: math.tau),
    ('math.e', lambda: math.e),
    ('pi', lambda: pi),
    ('inf', lambda: inf),
    ('-math.inf', lambda: -math.inf),
    ('math.nan', lambda: math.nan),
    ('[math.floor(x / 3) for x in range(-4, 5)]', lambda: [math.floor(x / 3) for x in range(-4, 5)]),
    ('math.sqrt()', lambda: math.sqrt()),
    ('math.sqrt(1, 2)', lambda: math.sqrt(1, 2)),
    ("math.sqrt('a')", lambda: math.sqrt('a')),
    ('math.sqrt(None)', lambda: math.sqrt(None)),
    ('math.sqrt(-1)', lambda: math.sqrt(-1)),
    ('math.log()', lambda: math.log()),
    ('math.log(0)', lambda: math.log(0)),
    ('math.log(-1, 2)', lambda: math.log(-1, 2)),
    ('math.log(8, 1)', lambda: math.log(8, 1)),
    ("math.log('x')", lambda: math.log('x')),
    ('math.log10(0)', lambda: math.log10(0)),
    ('math.log2(-1)', lambda: math.log2(-1)),
    ('math.pow(1)', lambda: math.pow(1)),
    ('math.pow(0, -1)', lambda: math.pow(0, -1)),
    ('math.pow(10, 400)', lambda: math.pow(10, 400)),
    ('math.pow(-8, 1 / 3)', lambda: math.pow(-8, 1 / 3)),
    ('math.atan2(1)', lambda: math.atan2(1)),
    ('math.factorial(-1)', lambda: math.factorial(-1)),
    ('math.factorial(2.0)', lambda: math.factorial(2.0)),
    ('math.floor(inf)', lambda: math.floor(inf)),
    ('math.floor(math.nan)', lambda: math.floor(math.nan)),
    ("math.floor('x')", lambda: math.floor('x')),
    ('math.ceil(None)', lambda: math.ceil(None)),
    ("math.trunc('a')", lambda: math.trunc('a')),
    ('math.isqrt(-1)', lambda: math.isqrt(-1)),
    ('math.isqrt(2.0)', lambda: math.isqrt(2.0)),
    ('math.gcd(1.5)', lambda: math.gcd(1.5)),
    ('math.gcd(a=1)', lambda: math.gcd(a=1)),
    ('math.exp(1000)', lambda: math.exp(1000)),
    ('math.sin(inf)', lambda: math.sin(inf)),
    ('math.isclose(1)', lambda: math.isclose(1)),
    ('math.isclose(1, 2, rel_tol=-1)', lambda: math.isclose(1, 2, rel_tol=-1)),
    ('math.isnan()', lambda: math.isnan()),
]
for text, case in cases:
    try:
        print(text, "->", repr(case()))
    except Exception as e:
        print(text, "!!", type(e).__name__, e)

def count_primes(lo, hi, out, i):
    n = 0
    for k in range(max(lo, 2), hi):
        if all(k % d for d in range(2, math.isqrt(k) + 1)):
            n += 1
    out[i] = n

out = [0, 0]
threads = [threading.Thread(target=count_primes, args=(0, 50, out, 0)),
           threading.Thread(target=count_primes, args=(50, 100, out, 1))]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(out, sum(out), f"{math.pi:.4f}", round(math.sqrt(10), 3))
