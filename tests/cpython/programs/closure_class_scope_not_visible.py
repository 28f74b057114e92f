x = "global"


class C:
    x = "class"

    def method(self):
        return x

    def via_lambda(self):
        return (lambda: x)()

    def via_nested(self):
        def inner():
            return x
        return inner()


c = C()
print(c.method(), c.via_lambda(), c.via_nested(), C.x)
