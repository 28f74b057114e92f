import logging, threading
logging.basicConfig(format="%(levelname)s:%(threadName)s:%(message)s", level=logging.DEBUG)
logging.debug("d %d", 1)
logging.info("i %s", "x")
logging.warning("w")
logging.error("e")
logging.critical("c")
def work():
    logging.info("from worker")
t = threading.Thread(target=work, name="T1")
t.start()
t.join()
