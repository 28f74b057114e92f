from collections import deque
print(len("héllo"), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 3}), len(frozenset([1])), len(range(0, 10, 3)), len(deque([1, 2])))
print(len({}.keys()), len({1: 2}.items()), len({1: 2}.values()))
