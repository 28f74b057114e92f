class Config:
    debug = False

    def __init__(self):
        self.name = "app"


c = Config()
print(hasattr(c, "name"), hasattr(c, "debug"), hasattr(c, "missing"))
print(getattr(c, "name"), getattr(c, "missing", "default"), getattr(Config, "debug"))
setattr(c, "name", "svc")
setattr(c, "debug", True)
print(c.name, c.debug, Config.debug)
try:
    getattr(c, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    c.nothing
except AttributeError as e:
    print("AttributeError:", e)
