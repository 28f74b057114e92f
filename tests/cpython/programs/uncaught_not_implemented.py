raise NotImplementedError("later")
