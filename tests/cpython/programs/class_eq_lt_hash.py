class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor

    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)

    def __hash__(self):
        return hash((self.major, self.minor))

    def __repr__(self):
        return f"v{self.major}.{self.minor}"


vs = [Version(1, 2), Version(0, 9), Version(1, 0)]
print(sorted(vs))
print(Version(1, 2) == Version(1, 2), Version(1, 2) != Version(1, 3))
print(Version(0, 1) < Version(0, 2), Version(2, 0) > Version(1, 9))
print(len({Version(1, 2), Version(1, 2), Version(3, 4)}))
print(Version(1, 0) in vs, min(vs), max(vs))
d = {Version(1, 0): "one"}
print(d[Version(1, 0)])


class OnlyEq:
    def __eq__(self, other):
        return True


try:
    hash(OnlyEq())
except TypeError as e:
    print("TypeError:", e)
