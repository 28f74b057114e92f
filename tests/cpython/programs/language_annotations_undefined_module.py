print("before")
count: Undefined = 0
print("after")
