import logging
logging.basicConfig(format="%(asctime)s %(message)s", level=logging.INFO)
logging.info("when")
