"""Column widths for a Word table, from its content.

Word lays out a table of fixed layout with the widths it is given and never widens a
column for a word: a word longer than its column is broken mid-word. So the widths
are chosen here, from the text: every column at least as wide as its longest word
(estimated with a deliberately generous width per character, so that the estimate
holds for any ordinary font), and the width left over shared out as the content asks
for it, as a browser lays out a table (the more text a column holds on one line, the
more it gets). A table whose words cannot all fit the width is reported as such
(``None``), so that the writer can turn the page or present it another way.

Widths are in twentieths of a point (twips), Word's own unit for tables.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["column_widths", "text_width", "word_width"]

_WIDE = frozenset("mwMW@%&")
_BOLD = 1.1
"""How much wider a bold text is than the same text in the regular face, at most."""


def _em(character: str) -> float:
    """A generous estimate of one character's advance, in ems: wider than the
    character in the common text fonts (Calibri, Arial, Times New Roman, Georgia)."""
    if character in _WIDE:
        return 0.95
    if character.isupper() or character.isdigit():
        return 0.75
    if not character.isascii() and character.isalpha():
        return 0.8  # letters of other scripts, accented capitals
    return 0.6


def text_width(text: str, size: float, *, bold: bool = False) -> int:
    """The width of ``text`` on one line, in twips, at ``size`` points."""
    ems = sum(_em(character) for character in text)
    return round(ems * size * 20 * (_BOLD if bold else 1.0))


def word_width(text: str, size: float, *, bold: bool = False) -> int:
    """The width of the longest word of ``text``, in twips: the narrowest its column
    can be without breaking a word."""
    return max((text_width(word, size, bold=bold) for word in text.split()), default=0)


def column_widths(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    size: float,
    width: int,
    padding: int,
) -> list[int] | None:
    """The widths of the columns (twips) of a table ``width`` twips wide at most, whose
    cells have ``padding`` twips of margin and border between them; ``None`` when the
    longest words alone are wider than ``width``.

    The header is bold. Each column is at least its longest word plus ``padding``;
    the rest of ``width`` goes to the columns in proportion to how much more than
    that their longest cell needs, so that a column of prose is wide and a column of
    short words narrow, and the table fills the width.
    """
    columns = len(header)
    if columns == 0:
        return []
    least = [0] * columns
    most = [0] * columns
    for number, text in enumerate(header):
        least[number] = word_width(text, size, bold=True)
        most[number] = text_width(text, size, bold=True)
    for row in rows:
        for number, text in enumerate(row):
            least[number] = max(least[number], word_width(text, size))
            most[number] = max(most[number], text_width(text, size))
    least = [value + padding for value in least]
    most = [max(value + padding, low) for value, low in zip(most, least, strict=True)]
    if sum(least) > width:
        return None
    if sum(most) <= width:  # every cell on one line: share the rest by the content
        spare = width - sum(most)
        total = sum(most)
        found = [value + spare * value // total for value in most]
    else:
        spare = width - sum(least)
        wanted = [high - low for high, low in zip(most, least, strict=True)]
        total = sum(wanted)
        found = [
            low + (spare * extra // total if total else spare // columns)
            for low, extra in zip(least, wanted, strict=True)
        ]
    assert sum(found) <= width and all(f >= low for f, low in zip(found, least, strict=True))
    return found
