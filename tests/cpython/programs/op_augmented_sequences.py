a = [1]
b = a
a += [2]
print(a, b, a is b)
t = (1,)
u = t
t += (2,)
print(t, u)
s = "x"
s *= 3
print(s)
d = {"n": 1}
d["n"] += 5
print(d)
