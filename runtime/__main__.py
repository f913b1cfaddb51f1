"""`python -m runtime VERB ...`: the runtime's CLI verbs without the `jsengine` entry point."""

import sys

from runtime.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
