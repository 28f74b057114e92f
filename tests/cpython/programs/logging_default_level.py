import logging
logging.debug("hidden")
logging.info("hidden too")
logging.warning("shown")
logging.error("shown %s", 2)
