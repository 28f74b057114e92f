values = [1, 2]
print(len(valuez))
