try:
    len(5)
except TypeError as e:
    print(e)
len(None)
