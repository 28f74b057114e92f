s = {1, 2, 3}
print(s.union({4}), s.union([5], (6,), 'a'), s.union())
