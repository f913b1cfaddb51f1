"""Errors the runtime shows to users: a clear message and an exit code, never a traceback."""


class UserError(Exception):
    """A problem the user can fix (bad argument, unknown id, missing file); printed as `error: ...`."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message
