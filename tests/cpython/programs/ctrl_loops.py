for i in range(3):
    if i == 1:
        continue
    print("i", i)
else:
    print("for-else")
n = 0
while n < 5:
    n += 1
    if n == 3:
        break
else:
    print("not printed")
print("n", n)
while False:
    pass
else:
    print("while-else")
for x in []:
    print("never")
print("done")
