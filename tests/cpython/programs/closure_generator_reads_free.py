def numbers(limit):
    def gen(step):
        i = 0
        while i < limit:
            yield i
            i += step
    return gen


g = numbers(7)
print(list(g(2)), list(g(3)))
