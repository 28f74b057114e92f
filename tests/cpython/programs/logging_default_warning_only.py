import logging
logging.info("hidden")
logging.warning("shown %s", 1)
logging.error("also shown")
