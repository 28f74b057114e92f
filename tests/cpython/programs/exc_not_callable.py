five = 5
text = "abc"
try:
    five()
except TypeError as e:
    print(e)
try:
    text()
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
