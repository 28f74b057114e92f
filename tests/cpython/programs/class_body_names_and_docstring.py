class Settings:
    """Settings of the app."""
    BASE = 10
    DOUBLE = BASE * 2
    NAMES = ["a", "b"]

    def total(self):
        return self.BASE + self.DOUBLE


print(Settings.DOUBLE, Settings().total(), Settings.NAMES)
