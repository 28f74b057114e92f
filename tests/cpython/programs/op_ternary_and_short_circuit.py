def loud(x):
    print("eval", x)
    return x
print(loud(0) or loud(2), loud(1) and loud(0), loud(3) if loud(True) else loud(4))
print([] or "default", "a" and "b", None or 0)
