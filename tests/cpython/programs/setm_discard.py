s = {1, 2, 3}
s.discard(2)
s.discard(99)
print(s)
