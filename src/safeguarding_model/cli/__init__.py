"""The ``safeguarding-model`` command line.

Each command lives in its own module with an ``add_parser(subparsers)`` function;
``COMMANDS`` lists them in the order ``--help`` shows them. Bad input ends with a
short message on standard error and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from ..errors import LoadError, SafeguardingModelError

__all__ = ["COMMANDS", "main"]

COMMANDS = ("examples", "show", "validate", "export", "exporters", "schema", "query")
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command's sub-parser."""
    from .. import __version__

    parser = argparse.ArgumentParser(
        prog="safeguarding-model",
        description="Read, check and export the arrangements of safeguarding children "
        "partnerships.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        module = importlib.import_module(f".{name}", __name__)
        module.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args)
        return status
    except LoadError as error:
        print(str(error), file=sys.stderr)
        return EXIT_USAGE
    except SafeguardingModelError as error:
        print(f"safeguarding-model: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
