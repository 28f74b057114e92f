try:
    x: undefined_type = 1
    print("annotation ignored", x)
except NameError as e:
    print(e)
