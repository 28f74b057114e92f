def nothing():
    pass
print(nothing())
class_like = None
if True:
    pass
print("ok")
