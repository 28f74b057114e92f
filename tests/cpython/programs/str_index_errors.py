s = "abc"
print(s[0], s[-1], s[2])
try:
    s[3]
except IndexError as e:
    print(e)
try:
    s[0] = "x"
except TypeError as e:
    print(e)
try:
    s["a"]
except TypeError as e:
    print(e)
