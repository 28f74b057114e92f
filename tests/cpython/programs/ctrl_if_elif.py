for v in [-1, 0, 1, 5]:
    if v < 0:
        print("neg")
    elif v == 0:
        print("zero")
    elif v < 3:
        print("small")
    else:
        print("big")
print("yes" if 1 else "no", "yes" if [] else "no")
