from collections import deque
import threading
for v in [1, 1.0, "s", None, True, [], (), {}, set(), frozenset(), range(1), deque(), len, print, iter([]), iter(""), iter({}), threading.Lock()]:
    print(type(v).__name__)
print(type(1) is int, type("a") == str, type(type(1)))
