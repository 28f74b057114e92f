print("first")
print("second")
raise ValueError("after")
