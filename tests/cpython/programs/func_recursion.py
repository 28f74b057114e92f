def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print(fact(10), fib(15))
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print(e)
