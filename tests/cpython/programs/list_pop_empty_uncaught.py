items = []
print("before")
items.pop()
print("after")
