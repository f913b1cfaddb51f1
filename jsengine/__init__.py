"""jsengine: a JavaScript (ES2021) engine in pure Python for running untrusted scripts.

    >>> import jsengine
    >>> jsengine.run("[1, 2, 3].map(x => x * 2)")
    [2, 4, 6]

See docs/python-api.md.
"""

from .budget import Budget
from .engine import Engine, compile, run
from .errors import BudgetExceeded, HostError, JSError, JSSyntaxError
from .interop import HostFunction
from .values import UNDEFINED

__version__ = "0.1.0"
__all__ = ["Engine", "Budget", "run", "compile", "HostFunction", "HostError", "JSError", "JSSyntaxError",
           "BudgetExceeded", "UNDEFINED"]
