class Animal:
    kind = "animal"

    def __init__(self, name):
        self.name = name

    def speak(self):
        return self.name + " makes a sound"

    def describe(self):
        return f"{self.name} is an {self.kind}: {self.speak()}"


class Dog(Animal):
    kind = "dog"

    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed

    def speak(self):
        return self.name + " barks"


class Puppy(Dog):
    def speak(self):
        return super().speak() + " softly"


for a in [Animal("a"), Dog("rex", "lab"), Puppy("bit", "pug")]:
    print(a.describe())
print(isinstance(Puppy("x", "y"), Animal), isinstance(Animal("z"), Dog))
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Dog, (int, Animal)))
print(isinstance(Dog("d", "b"), object), issubclass(Dog, object))
print([c.__name__ for c in Puppy.__mro__])
