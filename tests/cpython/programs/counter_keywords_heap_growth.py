# Counter(a=3) and update(b=2) build a dict of the keywords; making each key's string may grow
# racecheck's heap, which once left the dict being filled behind (probe6: Counter() printed).
from collections import Counter

c = Counter(a=3)
print(c)
total = 0
for n in range(300):
    junk = [str(i) for i in range(n % 7)]  # the heap grows by varied amounts between calls
    c = Counter(a=n, b=1)
    c.update(b=2)
    total += c["a"] + c["b"]
print(total, c)
c2 = Counter(spam=2, eggs=5, ham=1)
print(c2, c2.most_common(1))
c2.subtract(eggs=5)
print(sorted(c2.items()))
print("done")
