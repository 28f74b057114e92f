import random
random.seed(42)
print(random.random(), random.randint(1, 10), random.randrange(10), random.randrange(0, 100, 5), random.choice("abcdef"))
print(random.uniform(1, 2), random.getrandbits(8), random.sample(range(20), 4), random.choices([1, 2, 3], k=5))
xs = list(range(8))
random.shuffle(xs)
print(xs)
