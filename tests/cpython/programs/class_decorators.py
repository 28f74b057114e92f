# class decorators: plain functions applied to the class, innermost first, evaluated before the class
registry = []


def register(cls):
    registry.append(cls.__name__)
    return cls


def tag(label):
    print("tag evaluated", label)

    def apply(cls):
        print("tag applied", label, cls.__name__)
        cls.label = label
        return cls

    return apply


def replace(cls):
    return 42


@register
class A:
    pass


@tag("outer")
@tag("inner")
@register
class B:
    print("body of B")

    def hello(self):
        return "hi from " + self.label


@replace
class C:
    pass


print(registry, B.label, B().hello(), C)
