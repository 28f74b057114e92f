import threading
data = threading.local()
data.x = 1
def work():
    data.x = 2
    print("thread sees", data.x)
t = threading.Thread(target=work)
t.start()
t.join()
print("main sees", data.x)
def missing():
    try:
        print(data.x)
    except AttributeError as e:
        print(e)
t2 = threading.Thread(target=missing)
t2.start()
t2.join()
