"""The ``safeguarding-model`` command line.

Each command lives in its own module with an ``add_parser(subparsers)`` function;
``COMMANDS`` lists them in the order ``--help`` shows them, and ``SUMMARIES`` what
``--help`` says of each, so that a run imports only the module of the command it runs
(``--help`` and ``--version`` import none, nor the model, the exporters or the
documents: they answer at once). Bad input ends with a
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

from .. import progress
from ..errors import LoadError, SafeguardingModelError

__all__ = ["COMMANDS", "SUMMARIES", "build_parser", "main"]

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
SUMMARIES = {
    "examples": "list the shipped example datasets",
    "show": "summarise a partnership's arrangements",
    "validate": "check a file or folder against the format",
    "export": "export the data, an org chart or a document in another format",
    "exporters": "list the export formats, built-in and from installed plugins",
    "schema": "print the JSON Schema of the file format",
    "query": "ask the governance graph a question",
    "migrate": "rewrite files of an earlier format version in the current one",
    "diff": "say what changed between two versions of the arrangements",
    "compare": "compare partnerships side by side",
    "check": "check the arrangements against the law and statutory guidance on a date",
    "rules": "list the statutory and structural rules that check applies",
    "plan": "report the progress of business plans",
    "completion": "print the shell completion script for bash, zsh or tcsh",
}
"""What ``--help`` says of each command (each command's module says the same; a test
holds them together)."""
EXIT_USAGE = 2


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser: every command's sub-parser, or, given the arguments of a
    run, the sub-parser of the command they name alone (the others only named, with
    what ``--help`` says of them), so the run imports no other command's module."""
    from .. import __version__

    parser = argparse.ArgumentParser(
        prog="safeguarding-model",
        description="Read, check and export the arrangements of safeguarding children "
        "partnerships.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    chosen = None if argv is None else _command(argv)
    for name in COMMANDS:
        if argv is None or name == chosen:
            from ._help import HelpFormatter, epilog

            module = importlib.import_module(f".{name}", __name__)
            module.add_parser(subparsers)
            command = subparsers.choices[name]
            command.epilog = epilog(name)  # examples to copy, kept as written
            command.formatter_class = HelpFormatter
        else:
            subparsers.add_parser(name, help=SUMMARIES[name], add_help=False)
    return parser


def _command(argv: Sequence[str]) -> str | None:
    """The command the arguments name: the first that is not an option (only the
    options of the command line itself, which take no value, can come before it)."""
    for argument in argv:
        if not argument.startswith("-"):
            return argument if argument in COMMANDS else None
        if argument == "--":
            return None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    _use_utf8()
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(arguments)
    args = parser.parse_args(arguments)
    try:
        with progress.shown():  # on standard error, when it is a terminal
            status: int = args.run(args)
        sys.stdout.flush()  # a full disk or a file-size limit shows here, not at exit
        return status
    except LoadError as error:
        return _say(_printable(str(error)))
    except SafeguardingModelError as error:
        return _say(_printable(f"safeguarding-model: {error}"))
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


def _printable(text: str) -> str:
    from ._common import printable

    return printable(text)


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
