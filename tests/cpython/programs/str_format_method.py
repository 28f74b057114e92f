print("{} and {}".format(1, 2), "{1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{:>5}|{:<5}|{:^5}|".format("a", "b", "c"), "{:.2f}".format(3.14159), "{!r}".format("s"))
print("{{literal}}".format(), "{0}{0}".format("ab"), "{:,}".format(1234567), "{:08.3f}".format(-3.5))
print("{0[0]}".format([5]) if False else "skip")
