import threading
data = threading.local()
def work():
    try:
        print(data.value)
    except AttributeError as e:
        print(e)
data.value = 1
t = threading.Thread(target=work)
t.start()
t.join()
