s = {1, 2, 3}
print(s.pop(), s.pop(), s)
