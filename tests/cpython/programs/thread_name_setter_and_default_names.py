import threading
def noop():
    pass
a = threading.Thread(target=noop)
b = threading.Thread(target=noop)
print(a.name.startswith("Thread-"), a.name != b.name, "noop" in a.name)
a.name = "renamed"
print(a.name)
