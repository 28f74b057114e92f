try:
    5()
except TypeError as e:
    print(e)
try:
    "abc"()
except TypeError as e:
    print(e)
try:
    x = None
    x()
except TypeError as e:
    print(e)
try:
    [1][0]()
except TypeError as e:
    print(e)
