import logging
logging.basicConfig(format="%(levelname)s %(message)s")
try:
    1 / 0
except ZeroDivisionError:
    logging.exception("failed")
print("after")
