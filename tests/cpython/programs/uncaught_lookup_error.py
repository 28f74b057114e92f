raise LookupError
