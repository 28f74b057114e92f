s = slice(1, 5, 2)
print(s, s.start, s.stop, s.step)
print([0, 1, 2, 3, 4, 5, 6][s], "abcdefg"[slice(3)], (1, 2, 3)[slice(None, None, -1)])
print(slice(2), slice(1, 2))
