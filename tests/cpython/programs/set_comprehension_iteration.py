sq = {x * x for x in range(-3, 4)}
print(sq, sorted(sq), len(sq))
total = 0
for x in {10, 20, 30}:
    total += x
print(total)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print(e)
print(sorted({"b", "a"}), list({5, 3, 9}), max({4, 8}), sum({1, 2}))
