s = {1, 2, 3}
s.update([4], {5}, range(6, 8))
print(s)
