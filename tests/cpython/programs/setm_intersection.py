s = {1, 2, 3}
print(s.intersection({2, 3, 4}), s.intersection([3], range(4)), s.intersection())
