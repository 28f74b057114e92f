def src(n):
    print("make", n)
    return n
g = (src(i) for i in range(3))
print("created")
for v in g:
    print("got", v)
items = [1, 2]
gen = (x for x in items)
items.append(3)
print(list(gen))
