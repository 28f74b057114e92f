s = {1, 2, 3}
print(s.isdisjoint({7}), s.isdisjoint([3]), s.isdisjoint(set()))
