class Base:
    def greet(self, who):
        return "hello " + who


class Child(Base):
    def greet(self, who):
        shout = lambda s: s.upper() + "!"
        def twice(s):
            return s + " " + s
        return twice(shout(super().greet(who)))


print(Child().greet("bob"))
