items = [1, 2]
for i, x in enumerate(items):
    if x < 3:
        items.append(x + 2)
    print(i, x)
print(items)
