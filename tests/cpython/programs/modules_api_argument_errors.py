import random, logging, sys
from collections import deque
try:
    random.random(1)
    print('random(1)', "ok")
except Exception as e:
    print('random(1)', type(e).__name__, e)
try:
    random.seed(1, 2, 3)
    print('seed(1,2,3)', "ok")
except Exception as e:
    print('seed(1,2,3)', type(e).__name__, e)
try:
    random.seed(x=1)
    print('seed(x=1)', "ok")
except Exception as e:
    print('seed(x=1)', type(e).__name__, e)
try:
    random.seed([1])
    print('seed([1])', "ok")
except Exception as e:
    print('seed([1])', type(e).__name__, e)
try:
    random.randint(1)
    print('randint(1)', "ok")
except Exception as e:
    print('randint(1)', type(e).__name__, e)
try:
    random.randint(1, 2, 3)
    print('randint(1,2,3)', "ok")
except Exception as e:
    print('randint(1,2,3)', type(e).__name__, e)
try:
    random.randint(1.5, 2)
    print('randint(1.5,2)', "ok")
except Exception as e:
    print('randint(1.5,2)', type(e).__name__, e)
try:
    random.randrange()
    print('randrange()', "ok")
except Exception as e:
    print('randrange()', type(e).__name__, e)
try:
    random.randrange(1, 2, 3, 4)
    print('randrange(1,2,3,4)', "ok")
except Exception as e:
    print('randrange(1,2,3,4)', type(e).__name__, e)
try:
    random.randrange(1.5)
    print('randrange(1.5)', "ok")
except Exception as e:
    print('randrange(1.5)', type(e).__name__, e)
try:
    random.choice()
    print('choice()', "ok")
except Exception as e:
    print('choice()', type(e).__name__, e)
try:
    random.choice(5)
    print('choice(5)', "ok")
except Exception as e:
    print('choice(5)', type(e).__name__, e)
try:
    random.shuffle()
    print('shuffle()', "ok")
except Exception as e:
    print('shuffle()', type(e).__name__, e)
try:
    random.shuffle((1, 2))
    print('shuffle((1,2))', "ok")
except Exception as e:
    print('shuffle((1,2))', type(e).__name__, e)
try:
    random.uniform(1)
    print('uniform(1)', "ok")
except Exception as e:
    print('uniform(1)', type(e).__name__, e)
try:
    random.sample([1])
    print('sample([1])', "ok")
except Exception as e:
    print('sample([1])', type(e).__name__, e)
try:
    random.sample({1, 2}, 1)
    print('sample({1,2},1)', "ok")
except Exception as e:
    print('sample({1,2},1)', type(e).__name__, e)
try:
    random.sample([1], -1)
    print('sample([1],-1)', "ok")
except Exception as e:
    print('sample([1],-1)', type(e).__name__, e)
try:
    random.getrandbits()
    print('getrandbits()', "ok")
except Exception as e:
    print('getrandbits()', type(e).__name__, e)
try:
    random.getrandbits(-1)
    print('getrandbits(-1)', "ok")
except Exception as e:
    print('getrandbits(-1)', type(e).__name__, e)
try:
    random.choices()
    print('choices()', "ok")
except Exception as e:
    print('choices()', type(e).__name__, e)
try:
    random.choices([1], [1, 2])
    print('choices([1],[1,2])', "ok")
except Exception as e:
    print('choices([1],[1,2])', type(e).__name__, e)
try:
    random.choices([], k=1)
    print('choices([],k=1)', "ok")
except Exception as e:
    print('choices([],k=1)', type(e).__name__, e)
try:
    random.choices([1], x=1)
    print('choices([1],x=1)', "ok")
except Exception as e:
    print('choices([1],x=1)', type(e).__name__, e)
try:
    logging.basicConfig(x=1)
    print('basicConfig(x=1)', "ok")
except Exception as e:
    print('basicConfig(x=1)', type(e).__name__, e)
try:
    logging.basicConfig(1)
    print('basicConfig(1)', "ok")
except Exception as e:
    print('basicConfig(1)', type(e).__name__, e)
try:
    logging.info()
    print('info()', "ok")
except Exception as e:
    print('info()', type(e).__name__, e)
try:
    logging.log()
    print('log()', "ok")
except Exception as e:
    print('log()', type(e).__name__, e)
try:
    logging.log(1)
    print('log(1)', "ok")
except Exception as e:
    print('log(1)', type(e).__name__, e)
try:
    logging.log("x", "y")
    print("log('x','y')", "ok")
except Exception as e:
    print("log('x','y')", type(e).__name__, e)
try:
    logging.getLogger(1, 2)
    print('getLogger(1,2)', "ok")
except Exception as e:
    print('getLogger(1,2)', type(e).__name__, e)
try:
    logging.getLogger(5)
    print('getLogger(5)', "ok")
except Exception as e:
    print('getLogger(5)', type(e).__name__, e)
try:
    logging.info("m", x=1)
    print('info(x=1)', "ok")
except Exception as e:
    print('info(x=1)', type(e).__name__, e)
try:
    sys.exit(1, 2)
    print('exit(1,2)', "ok")
except Exception as e:
    print('exit(1,2)', type(e).__name__, e)
try:
    deque(1)
    print('deque(1)', "ok")
except Exception as e:
    print('deque(1)', type(e).__name__, e)
try:
    deque([], -1)
    print('deque([],-1)', "ok")
except Exception as e:
    print('deque([],-1)', type(e).__name__, e)
try:
    deque([], x=1)
    print('deque([],x=1)', "ok")
except Exception as e:
    print('deque([],x=1)', type(e).__name__, e)
try:
    deque([], 1, 2)
    print('deque([],1,2)', "ok")
except Exception as e:
    print('deque([],1,2)', type(e).__name__, e)
d = deque([1])
try:
    d.append()
    print('d.append()', "ok")
except Exception as e:
    print('d.append()', type(e).__name__, e)
try:
    d.rotate("x")
    print("d.rotate('x')", "ok")
except Exception as e:
    print("d.rotate('x')", type(e).__name__, e)
try:
    d.index()
    print('d.index()', "ok")
except Exception as e:
    print('d.index()', type(e).__name__, e)
try:
    d.insert(1)
    print('d.insert(1)', "ok")
except Exception as e:
    print('d.insert(1)', type(e).__name__, e)
try:
    d.pop(1)
    print('d.pop(1)', "ok")
except Exception as e:
    print('d.pop(1)', type(e).__name__, e)
try:
    d.extend(1)
    print('d.extend(1)', "ok")
except Exception as e:
    print('d.extend(1)', type(e).__name__, e)
try:
    d.count()
    print('d.count()', "ok")
except Exception as e:
    print('d.count()', type(e).__name__, e)
