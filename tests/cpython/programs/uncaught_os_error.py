raise OSError("disk")
