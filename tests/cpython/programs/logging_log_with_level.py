import logging
logging.basicConfig(format="%(levelno)s %(message)s", level=logging.INFO)
logging.log(logging.ERROR, "via log %d", 5)
logging.log(logging.DEBUG, "not shown")
