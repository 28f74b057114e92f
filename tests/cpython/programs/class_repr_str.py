class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"


class Named(Account):
    def __str__(self):
        return "account of " + self.owner


a = Account("ann", 10)
n = Named("bob", 5)
print(a)
print(n)
print(repr(n), str(a))
print([a, n])
print(f"{a} / {n} / {n!r}")
print("%s and %r" % (n, n))
print("{} {!r}".format(n, a))


class Plain:
    pass


print(str(Plain()).startswith("<__main__.Plain object at 0x"))
