
print("before")
data = "héllo".encode("utf-8")
print(data)
