"""Arguments and output shared by the commands."""

from __future__ import annotations

import argparse
import json
import re
import sys

from ..documents._common import choose_partnership
from ..errors import UNSAFE, NothingStoodError, UsageError, visible
from ..io import load, load_bytes
from ..io.reading import DEFAULT_LIMITS
from ..io.writing import write_all, write_file
from ..model import Dataset, PartialDate, Partnership
from ..model.dates import parse_date

SOURCE_HELP = (
    "a YAML or JSON file, a folder of them, the name of a shipped example, or - for standard input"
)


def add_source(parser: argparse.ArgumentParser) -> None:
    """The SOURCE argument and the --partnership choice."""
    parser.add_argument("source", metavar="SOURCE", help=SOURCE_HELP)


def add_format(parser: argparse.ArgumentParser, *choices: str) -> None:
    """--format, text for people by default."""
    parser.add_argument(
        "--format",
        choices=choices,
        default=choices[0],
        help=f"output format (default {choices[0]})",
    )


def add_partnership(parser: argparse.ArgumentParser) -> None:
    """--partnership: which partnership of a region to use."""
    parser.add_argument(
        "--partnership", metavar="ID", help="the partnership to use when the source holds several"
    )


def load_source(source: str) -> Dataset:
    """Load SOURCE, as every command does: ``-`` is standard input (YAML, or JSON where
    it starts with ``{``). An empty SOURCE is refused: it would otherwise be read as
    the current folder."""
    if not source:
        raise UsageError("SOURCE is empty: give a file, a folder or the name of a shipped example")
    if source == "-":
        if sys.stdin is None or sys.stdin.isatty():
            raise UsageError(
                "SOURCE is - (standard input), but nothing is piped in: give a file, or pipe "
                "one in (`cat arrangements.yaml | safeguarding-model show -`)"
            )
        return load_bytes(sys.stdin.buffer.read(DEFAULT_LIMITS.max_bytes + 1), name="<stdin>")
    return load(source)


def partnerships(dataset: Dataset, key: str | None) -> list[Partnership]:
    """The chosen partnership, or all of them."""
    if key is None:
        return list(dataset.partnerships)
    return [choose_partnership(dataset, key)]


_JSON_UNSAFE = re.compile(f"(?!\n)[{UNSAFE}]")  # json.dumps escapes C0 inside text; \n lays it out


def printable(text: str) -> str:
    """Text safe to print to a terminal: control characters (escape sequences, bells,
    bidirectional overrides) from a data file are shown as ``\\x1b``-style escapes
    instead of acting on the terminal. Newlines and tabs are kept."""
    return visible(text, keep="\n\t")


def print_json(data: object) -> None:
    """Print data as JSON for scripts: non-ASCII letters as they are, but every character
    a terminal could act on (controls, line separators, bidirectional overrides)
    escaped as ``\\uXXXX``, which JSON reads back as the same text."""
    text = json.dumps(data, indent=2, ensure_ascii=False)
    print(_JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text))


def print_text(text: str) -> None:
    """Print text for a person (not JSON, which escapes control characters itself)."""
    print(printable(text))


def write(content: str | bytes, output: str | None) -> None:
    """Write to standard output when ``output`` is None or ``-``, else to the file
    ``output``, in one step and never through a symbolic link (see
    :func:`~safeguarding_model.io.writing.write_file`)."""
    if output in (None, "-"):
        _to_stdout(content)
        return
    check_output(output)
    write_file(output, content)


def _to_stdout(content: str | bytes) -> None:
    """Write to standard output, all of it or an ``OSError``: a write that the disk or a
    file-size limit cuts short must not pass for a whole one (Python's buffered
    streams can lose such an error), so the bytes go to the file descriptor itself."""
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (a notebook, a test)
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
        else:
            sys.stdout.write(content)
        return
    sys.stdout.flush()
    write_all(descriptor, content)  # text a chunk at a time: never held twice


def check_output(output: str | None) -> None:
    """Refuse an empty ``-o`` (which would otherwise mean the current folder)."""
    if output == "":
        raise UsageError("-o PATH is empty: give a file name, or - for standard output")


EXIT_NOTHING_STOOD = 1
"""The status of ``show``, ``export`` and ``query`` when nothing stood on the ``--on``
date: the answer is "nothing", not a mistake in the request."""


def add_on(parser: argparse.ArgumentParser, what: str = "show") -> None:
    """--on DATE: the arrangements as they stood on a date."""
    parser.add_argument(
        "--on",
        metavar="DATE",
        help=f"{what} the arrangements as they stood on a date: 2023, 2023-06 or "
        "2023-06-30 (default: the arrangements as published, every dated entry with its "
        "dates); exit status 1 when nothing stood then",
    )


def nothing_stood(error: NothingStoodError) -> int:
    """Say on standard error that nothing stood on the date asked, and why (one line for
    each partnership), and give :data:`EXIT_NOTHING_STOOD`."""
    print(printable(f"safeguarding-model: {error}"), file=sys.stderr)
    return EXIT_NOTHING_STOOD


def cautions(found: tuple[str, ...]) -> None:
    """Print an output's cautions about its date on standard error (standard output
    holds the output itself)."""
    for caution in found:
        print(printable(f"safeguarding-model: {caution}"), file=sys.stderr)


def on_date(text: str | None) -> PartialDate | None:
    """The date of ``--on``, or None; a clear error for text that is not a date."""
    if text is None:
        return None
    try:
        return parse_date(text)
    except UsageError as error:
        raise UsageError(f"--on {error}") from None
