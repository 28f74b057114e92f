from collections import deque
print(2 in [1, 2], "b" in "abc", "" in "abc", 3 in (1, 2), "k" in {"k": 1}, 1 in {1}, 5 not in range(3), 1 in deque([1]))
print(1 in {1: 2}.values(), ("a", 1) in {"a": 1}.items(), "a" in {"a": 1}.keys())
try:
    1 in "abc"
except TypeError as e:
    print(e)
try:
    1 in 5
except TypeError as e:
    print(e)
