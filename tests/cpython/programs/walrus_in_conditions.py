# Assignment expressions in if/elif/while conditions, call arguments and displays.
items = [3, 1, 4, 1, 5]
if (n := len(items)) > 3:
    print("long", n)
i = 0
while (x := items[i]) != 4:
    print("skip", x)
    i += 1
print("found", x, "at", i)
print(max(y := 10, 2), y)
pair = [z := 7, z * 2]
print(pair, z)
def f():
    if m := items.count(1):
        return m
    return None
print(f())
data = iter([1, 2, 0, 3])
while (v := next(data)):
    print("v", v)
print("end", v)
