print(",".join(["a", "b", "c"]), "".join("xyz"), "-".join([]), " ".join(str(i) for i in range(3)))
print(", ".join({"k1": 1, "k2": 2}), "/".join(("a", "b")))
try:
    ",".join([1, 2])
except TypeError as e:
    print(e)
