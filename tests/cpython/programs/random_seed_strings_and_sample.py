import random
random.seed(123)
print(random.sample(range(100), 5), random.choice("xyz"))
random.seed(2**40)
print(random.random())
random.seed(-5)
print(random.random())
