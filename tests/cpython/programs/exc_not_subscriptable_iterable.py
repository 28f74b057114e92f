five = 5
try:
    five[0]
except TypeError as e:
    print(e)
try:
    for x in 5:
        pass
except TypeError as e:
    print(e)
try:
    list(None)
except TypeError as e:
    print(e)
try:
    None[0] = 1
except TypeError as e:
    print(e)
try:
    del (1, 2)[0]
except TypeError as e:
    print(e)
