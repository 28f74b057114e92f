
print("{0}{1}{0}".format("ab", "cd"))
print("{:^9}|{:<4}|{:>4}".format("mid", 1, 2.5))
print("{!s} {!r} {!a}".format("é", "é", "é"))
print("{0:{1}}".format(3, 5) if False else "nested skipped")
print("{:%}".format(0.125), "{:.3e}".format(12345.678), "{:,d}".format(10**9), "{:_b}".format(255))
