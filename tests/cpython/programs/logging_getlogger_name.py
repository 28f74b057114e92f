import logging
logging.basicConfig(format="%(name)s|%(levelname)s|%(message)s", level=logging.INFO)
log = logging.getLogger("app")
log.info("hello")
logging.getLogger().warning("root")
print(log.name, logging.INFO, logging.WARNING, logging.ERROR)
