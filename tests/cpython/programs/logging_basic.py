import logging
logging.basicConfig(level=logging.DEBUG, format="%(threadName)s: %(message)s")
logging.debug("debug %d", 1)
logging.info("info")
logging.warning("warn %s", "x")
logging.error("error")
logging.critical("crit")
print("printed")
