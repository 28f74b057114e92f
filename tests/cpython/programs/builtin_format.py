print(format(3.14159, ".2f"), format(42, "05d"), format("x", ">3"), format(1234567, ","), format(5))
