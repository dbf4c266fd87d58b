class ConfigError(Exception):
    pass
def load(name):
    raise ConfigError("no setting named " + repr(name))
load("colour")
