s = {1, 2}
s.add(3)
s.add(2)
s.discard(5)
s.discard(1)
print(s)
s.update([7, 8], {9})
print(s)
s.remove(7)
print(s, s.pop(), s)
t = s.copy()
s.clear()
print(s, t)
a = {1, 2, 3}
b = {2, 3, 4}
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.issubset({1, 2, 3, 4}), a.issuperset({1}), a.isdisjoint({9}), a.union([5], (6,)))
c = {1, 2, 3}
c.intersection_update({2, 3, 5})
print(c)
c.difference_update({3})
print(c)
c.symmetric_difference_update({2, 7})
print(c)
