import random
random.seed(1)
try:
    random.choice([])
except IndexError as e:
    print("IndexError", e)
try:
    random.randint(5, 1)
except ValueError as e:
    print("ValueError", e)
try:
    random.randrange(0)
except ValueError as e:
    print("ValueError", e)
try:
    random.sample([1, 2], 3)
except ValueError as e:
    print("ValueError", e)
try:
    random.randrange(1, 10, 0)
except ValueError as e:
    print("ValueError", e)
