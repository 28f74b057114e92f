print(1 == 1.0, 1 == True, "1" == 1, [1, 2] < [1, 3], (1, 2) < (1, 2, 0), "abc" < "abd", [1] == (1,), None == None)
print(1 < 2 < 3, 3 > 2 > 2, 1 != 2, {1: 2} == {1: 2}, {1, 2} == frozenset([2, 1]), "a" < "B")
try:
    [1] < (1,)
except TypeError as e:
    print(e)
try:
    None < None
except TypeError as e:
    print(e)
