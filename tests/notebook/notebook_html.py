"""Reading the notebook's HTML back, as a browser's parser would: the standard
library's ``html.parser`` builds a tree, and the HTML must be well formed (every
element closed in order, no end tag for a void element, no script, style or event
handler), so the tests can ask what a display says, table by table."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser

VOID = {"br", "hr", "wbr", "img", "meta", "link", "input", "col", "area", "base", "source"}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = ET.Element("fragment")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag not in ("script", "style", "iframe", "object", "embed"), f"<{tag}>"
        for name, value in attrs:
            assert not name.startswith("on"), f"event handler attribute {name}"
            if name == "href":
                assert value and value.startswith(("https://", "http://")), value
        element = ET.SubElement(self.stack[-1], tag, {k: v or "" for k, v in attrs})
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raise AssertionError(f"<{tag}/>: not HTML")

    def handle_endtag(self, tag: str) -> None:
        assert tag not in VOID, f"</{tag}> closes a void element"
        assert len(self.stack) > 1 and self.stack[-1].tag == tag, (
            f"</{tag}> closes <{self.stack[-1].tag}>"
        )
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        current = self.stack[-1]
        if len(current):
            current[-1].tail = (current[-1].tail or "") + data
        else:
            current.text = (current.text or "") + data


def parse(html: str) -> ET.Element:
    """The HTML as a tree under a ``fragment`` element; it must be well formed and hold
    one outer ``div`` of the package's class."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    assert len(reader.stack) == 1, f"unclosed: {[e.tag for e in reader.stack[1:]]}"
    assert [child.tag for child in reader.root] == ["div"], "one outer element"
    assert reader.root[0].get("class") == "safeguarding-model"
    return reader.root


def words(element: ET.Element) -> str:
    """All the text of an element, a space between its elements' texts (as lines or
    cells would be apart on the page), its white space made single spaces."""
    return " ".join(" ".join(element.itertext()).split())


def tables(root: ET.Element) -> list[list[list[str]]]:
    """Every table: its rows (the header row first), each a list of its cells' text."""
    return [
        [[words(cell) for cell in row if cell.tag in ("th", "td")] for row in table.iter("tr")]
        for table in root.iter("table")
    ]


def facts(root: ET.Element) -> dict[str, str]:
    """The rows of the two-column fact tables: heading to answer."""
    found: dict[str, str] = {}
    for row in root.iter("tr"):
        cells = list(row)
        if len(cells) == 2 and cells[0].tag == "th" and cells[0].get("scope") == "row":
            found.setdefault(words(cells[0]), words(cells[1]))
    return found
