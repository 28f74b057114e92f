import threading
c = threading.Condition()
try:
    c.wait()
except RuntimeError as e:
    print("wait", e)
try:
    c.notify()
except RuntimeError as e:
    print("notify", e)
try:
    c.notify_all()
except RuntimeError as e:
    print("notify_all", e)
try:
    c.wait_for(bool)
except RuntimeError as e:
    print("wait_for", e)
