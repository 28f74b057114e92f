import random
print(random.random(), random.randint(1, 1000000))
