class BadLen:
    def __len__(self):
        return "three"
class NegLen:
    def __len__(self):
        return -1
class BadBool:
    def __bool__(self):
        return 1
class BoolLen:
    def __len__(self):
        return True
for make in (BadLen, NegLen, BadBool):
    for test in (len, bool):
        try:
            print(test(make()))
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
try:
    if NegLen():
        pass
except ValueError as e:
    print("ValueError", e)
print(len(BoolLen()), bool(BoolLen()))
