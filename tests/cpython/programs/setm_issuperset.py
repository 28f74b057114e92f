s = {1, 2, 3}
print(s.issuperset({1}), s.issuperset([1, 5]), s.issuperset(()))
