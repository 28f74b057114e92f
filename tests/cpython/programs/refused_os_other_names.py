import os

print("start", os.cpu_count() >= 1)
print(os.path.join("a", "b"))
