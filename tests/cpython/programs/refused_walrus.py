data = [1, 5, 2, 8]
if (n := len(data)) > 3:
    print("long", n)
print([y for x in data if (y := x * 2) > 4])
while (m := data.pop()) != 5:
    print(m)
