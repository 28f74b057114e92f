x = 5
x += 2
x -= 1
x *= 3
x //= 4
x **= 2
x %= 7
x <<= 3
x >>= 1
x |= 1
x &= 13
x ^= 6
print(x)
y = 1.5
y /= 2
print(y)
s = "a"
s *= 3
print(s)
t = (1,)
t += (2,)
print(t)
d = {"k": 1}
d["k"] += 5
print(d)
l = [1, 2]
l[0] -= 10
print(l)
