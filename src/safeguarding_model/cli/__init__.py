"""The ``safeguarding-model`` command line.

Each command lives in its own module with an ``add_parser(subparsers)`` function;
``COMMANDS`` lists them in the order ``--help`` shows them. Bad input ends with a
short message on standard error and exit status 2, never a traceback. Messages
show control characters from a data file as escapes (``\\x1b``), and standard
output and standard error are UTF-8 whatever the locale.
"""

from __future__ import annotations

import argparse
import codecs
import errno
import importlib
import io
import os
import sys
from collections.abc import Sequence

from ..errors import LoadError, SafeguardingModelError
from ._common import printable
from ._help import HelpFormatter, epilog

__all__ = ["COMMANDS", "main"]

COMMANDS = (
    "examples",
    "show",
    "validate",
    "export",
    "exporters",
    "schema",
    "query",
    "migrate",
    "diff",
    "compare",
    "check",
    "rules",
    "plan",
    "completion",
)
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
        command = subparsers.choices[name]
        command.epilog = epilog(name)
        command.formatter_class = HelpFormatter
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    _use_utf8()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args)
        sys.stdout.flush()  # a full disk or a file-size limit shows here, not at exit
        return status
    except LoadError as error:
        return _say(printable(str(error)))
    except SafeguardingModelError as error:
        return _say(printable(f"safeguarding-model: {error}"))
    except BrokenPipeError:  # the reader went away (`| head`): never report success
        _discard_output()
        return EXIT_BROKEN_PIPE
    except OSError as error:
        if error.errno not in _OUTPUT_ERRORS:
            raise
        _discard_output()
        return _say(f"safeguarding-model: cannot write the output ({error.strerror})")
    except KeyboardInterrupt:
        return 130


EXIT_BROKEN_PIPE = 141
"""The status of a command whose reader closed the pipe, as for a command the shell
sees killed by SIGPIPE (128 + 13)."""

_OUTPUT_ERRORS = {errno.ENOSPC, errno.EFBIG, errno.EIO, errno.EDQUOT, errno.EPIPE}


def _say(message: str) -> int:
    """Print an error message on standard error (if it can be), and give status 2."""
    try:
        print(message, file=sys.stderr)
        sys.stderr.flush()
    except OSError:
        pass
    return EXIT_USAGE


def _discard_output() -> None:
    """Send what is left in standard output's buffer nowhere, so that Python's own
    flush at exit does not print a traceback for the same failure."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _use_utf8() -> None:
    """Write standard output and standard error as UTF-8 whatever the locale
    (``LC_ALL=C``, ``PYTHONIOENCODING=ascii``), so names such as "Général" or
    "Children’s" print rather than failing. Each stream keeps its error handler."""
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue  # replaced by something that is not a text file (or None)
        if codecs.lookup(stream.encoding).name != "utf-8":
            stream.reconfigure(encoding="utf-8", errors=stream.errors)
