from collections import deque
for v in [deque(), deque([0]), {}.keys(), {1: 1}.values()]:
    print("yes" if v else "no")
