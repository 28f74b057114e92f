count = 0
def inc():
    global count
    count += 1
def read():
    return count
inc()
inc()
print(count, read())
def shadow():
    count = 100
    return count
print(shadow(), count)
def unbound():
    print(total)
    total = 1
try:
    unbound()
except UnboundLocalError as e:
    print(e)
