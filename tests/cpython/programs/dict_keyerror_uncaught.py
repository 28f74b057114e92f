counts = {"x": 1}
print(counts["y"])
