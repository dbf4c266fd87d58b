def read_config():
    try:
        {}["path"]
    except KeyError as e:
        raise LookupError("config incomplete") from e
read_config()
