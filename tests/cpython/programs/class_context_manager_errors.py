class OnlyEnter:
    def __enter__(self):
        return self
class OnlyExit:
    def __exit__(self, *a):
        return False
try:
    with OnlyExit():
        pass
except TypeError as e:
    print(e)
with OnlyEnter():
    pass
