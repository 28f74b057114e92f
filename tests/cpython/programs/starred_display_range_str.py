print([*range(3), *"ab"])
