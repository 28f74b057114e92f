class Point:
    dims = 2

    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        return self


p = Point(3, -4)
print(p.x, p.y, p.norm1(), p.dims, Point.dims)
p.move(1, 1).move(1, 1)
print(p.x, p.y)
q = Point(1)
q.dims = 3
print(q.dims, Point.dims, p.dims)
Point.dims = 5
print(q.dims, p.dims)
print(type(p).__name__, type(p) is Point, Point.__name__)
print(Point.norm1(p))
m = p.norm1
print(m())
