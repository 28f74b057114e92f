items = [3, 1]
items.apend(2)
