class AppError(Exception):
    pass
class DbError(AppError):
    def __init__(self, table):
        super().__init__("bad table " + table)
        self.table = table
try:
    raise DbError("users")
except AppError as e:
    print(type(e).__name__, e, e.table, e.args)
print(DbError.__mro__[1].__name__, issubclass(DbError, Exception))
