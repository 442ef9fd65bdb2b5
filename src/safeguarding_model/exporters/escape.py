"""Escaping text for each format the exporters write.

Every exporter embeds names and text from the data, and the data can hold anything:
quotes, brackets, markup, backslashes, newlines, control characters and any script.
These functions make such text safe in one format each, so that it shows as written
and never changes the structure of the file around it. Plugins are welcome to use
them (``from safeguarding_model.exporters.escape import clean``).
"""

from __future__ import annotations

import html
import re
import textwrap

__all__ = [
    "clean",
    "collapse",
    "dot_string",
    "html_text",
    "markdown_cell",
    "markdown_line",
    "markdown_text",
    "mermaid_comment",
    "mermaid_string",
    "one_line",
    "wrap",
]

_SPACE = re.compile(r"\s+")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!{}$]|&(?=[A-Za-z0-9#]))")
"""What Markdown reads as markup; ``&`` only where it could start an entity
(``&amp;``, ``&#38;``), so "Fire & Rescue" stays as written."""
_MARKDOWN_BLOCK_START = re.compile(r"^([-+=:>]|\d+[.)])")
_MERMAID_SAFE = re.compile(r"[\w ,.'/()?!-]", re.UNICODE)
_MERMAID_COMMENT_SAFE = re.compile(r"[\w ,.:'/()?!-]", re.UNICODE)
_MERMAID_NAMED = {'"': "#quot;"}


def clean(text: str) -> str:
    """Text with line ends as ``\\n`` and characters no file format can hold (control
    characters, lone surrogates, non-characters) replaced by U+FFFD."""
    return _CONTROL.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))


def collapse(text: str) -> str:
    """Clean text with each run of white space (newlines too) made one space."""
    return _SPACE.sub(" ", clean(text))


def one_line(text: str) -> str:
    """Clean text on one line, runs of white space made one space, ends trimmed."""
    return collapse(text).strip()


def wrap(text: str, width: int = 28) -> list[str]:
    """Clean text broken into lines of about ``width`` characters, for chart labels."""
    lines: list[str] = []
    for paragraph in clean(text).split("\n"):
        lines.extend(textwrap.wrap(paragraph, width=width, break_long_words=False) or [""])
    return lines or [""]


def dot_string(text: str, *, width: int | None = None) -> str:
    """A Graphviz double-quoted string, quotes included.

    Backslashes and quotes are escaped, ``&`` becomes ``&amp;`` (Graphviz reads
    entities such as ``&lt;`` in labels), and line breaks become ``\\n``; with
    ``width`` the text is wrapped into lines of about that many characters.
    """
    lines = wrap(text, width) if width else clean(text).split("\n")
    escaped = [
        line.replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;") for line in lines
    ]
    return '"' + "\\n".join(escaped) + '"'


def mermaid_string(text: str) -> str:
    """A Mermaid quoted label, quotes included: anything but letters, digits, spaces and
    plain punctuation becomes one of Mermaid's entity codes (``#59;`` for ``;``,
    ``#38;`` for ``&``, ``#58;`` for ``:``, ``#quot;`` for ``"``), so no text can end
    the label, start a comment or be read as markup, and the drawn label shows the text
    as written. Line breaks become spaces.

    The colon is written as a code too: before it parses, Mermaid drops the last ``;``
    of any line where "style" or "classDef" comes before a colon followed by a ``#``
    (for a style such as ``fill:#f00;``), which would break the label's last code.
    """
    return f'"{_mermaid_codes(text, _MERMAID_SAFE)}"'


def mermaid_comment(text: str) -> str:
    """Text for a Mermaid ``%%`` comment line (one line): written as in a label, but
    with colons kept, since Mermaid drops comment lines before it reads anything else."""
    return _mermaid_codes(text, _MERMAID_COMMENT_SAFE)


def _mermaid_codes(text: str, safe: re.Pattern[str]) -> str:
    return "".join(
        ch if safe.fullmatch(ch) else _MERMAID_NAMED.get(ch, f"#{ord(ch)};")
        for ch in one_line(text)
    )


def markdown_text(text: str, *, block_start: bool = False, strip: bool = True) -> str:
    """Inline Markdown that shows ``text`` as written: one line, with every character
    that Markdown could read as syntax backslash-escaped. With ``block_start``, the
    text is a whole line and a leading ``-``, ``+``, ``1.`` and the like is escaped too
    (see :func:`markdown_line`), so it cannot start a list or heading. With ``strip``
    false, a leading or trailing space is kept (one)."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", one_line(text) if strip else collapse(text))
    return markdown_line(escaped) if block_start else escaped


def markdown_line(line: str) -> str:
    """A line of escaped Markdown that cannot start a block: a leading ``-``, ``+``,
    ``=``, ``>``, ``1.``, ``2024.`` or ``1)`` (a list, a setext underline, a quote) is
    escaped. ``line`` is already inline-escaped (by :func:`markdown_text`), so ``#``,
    ``*``, ``|``, ``<`` and the backtick are escaped wherever they stand; leading spaces
    (an indented code block) are trimmed."""
    line = line.lstrip()
    return _MARKDOWN_BLOCK_START.sub(lambda m: _escape_last(m.group(1)), line, count=1)


def _escape_last(marker: str) -> str:
    return marker[:-1] + "\\" + marker[-1]


def markdown_cell(text: str) -> str:
    """Text for a cell of a Markdown table: escaped, one line, never empty."""
    return markdown_text(text) or " "


def html_text(text: str, *, quote: bool = True) -> str:
    """Text for HTML or XML content or attribute values: ``<>&"'`` escaped, clean."""
    return html.escape(clean(text), quote=quote)
