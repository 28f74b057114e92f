for s in ["abc", "1.5", "", "12a"]:
    try:
        int(s)
    except ValueError as e:
        print(e)
try:
    int(None)
except TypeError as e:
    print(e)
try:
    float("x")
except ValueError as e:
    print(e)
