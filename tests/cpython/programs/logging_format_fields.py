import logging
import threading
logging.basicConfig(format="[%(levelname)s] (%(threadName)-10s) %(message)s", level=logging.INFO)
def worker():
    logging.info("working")
t = threading.Thread(target=worker, name="Worker-1")
t.start()
t.join()
logging.info("main %s %d", "done", 3)
log = logging.getLogger()
log.warning("via root logger")
