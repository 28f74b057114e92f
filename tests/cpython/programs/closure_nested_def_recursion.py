def fibs(n):
    def fib(k):
        return k if k < 2 else fib(k - 1) + fib(k - 2)
    return [fib(i) for i in range(n)]


print(fibs(8))
