import sys
import threading
def w():
    print("thread exits")
    sys.exit(1)
    print("never")
t = threading.Thread(target=w)
t.start()
t.join()
print("main still runs")
