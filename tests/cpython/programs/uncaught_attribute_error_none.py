None.append(1)
