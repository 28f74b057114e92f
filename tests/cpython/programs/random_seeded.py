import random
random.seed(42)
print(random.random())
print(random.randint(1, 10), random.randint(1, 10), random.randint(1, 100))
print(random.choice(["a", "b", "c"]), random.randrange(10), random.randrange(0, 100, 5))
print(round(random.uniform(1, 2), 6))
x = [1, 2, 3, 4, 5]
random.shuffle(x)
print(x)
random.seed(7)
print([random.randint(0, 3) for _ in range(10)])
print(random.random() < 1, random.getrandbits(8))
