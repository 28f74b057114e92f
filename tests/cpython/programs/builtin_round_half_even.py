print(round(0.5), round(1.5), round(2.5), round(-0.5), round(2.675, 2), round(1234, -2), round(1250, -2), round(1350, -2))
print(round(3.14159, 3), round(-1.5), round(7), round(7, 1), round(15.5, -1), round(1e300, 2))
print(type(round(2.5)), type(round(2.5, 0)))
