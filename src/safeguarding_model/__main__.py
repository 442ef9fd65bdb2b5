"""``python -m safeguarding_model``: the command line."""

import sys

from .cli import main

sys.exit(main())
