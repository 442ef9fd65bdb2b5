"""Each format read back by its real consumer, or, where none is at hand (Mermaid,
Markdown), by a strict syntax check. Shared by the exporter tests."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
import zipfile
import zlib
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest

from safeguarding_model.documents import Document, Figure, ItemList, ListItem, Placeholder
from safeguarding_model.model import Dataset

VOID = {"meta", "br", "hr", "img", "link", "input", "col", "area", "base", "source", "wbr"}


def need_dot() -> str:
    """The path of Graphviz ``dot``; skips the test when it is missing, unless CI says
    Graphviz is required (``SAFEGUARDING_MODEL_REQUIRE_GRAPHVIZ=1``), when it fails."""
    program = shutil.which("dot")
    if program is None:
        if os.environ.get("SAFEGUARDING_MODEL_REQUIRE_GRAPHVIZ"):
            pytest.fail("Graphviz `dot` is required here but not installed")
        pytest.skip("Graphviz `dot` is not installed (apt-get install graphviz)")
    return program


SKIP_PDF = "SAFEGUARDING_MODEL_SKIP_PDF"
"""Set, the tests that print PDF are skipped whatever is installed: CI's first run, with
the lowest versions allowed, sets it, since the PDF plugin's dependencies (WeasyPrint,
pypdf) have the same versions in both runs and printing is slow."""


def can_print() -> bool:
    """Whether WeasyPrint (the ``pdf`` plugin's printer) can load the Pango library, and
    printing is not skipped (:data:`SKIP_PDF`)."""
    if os.environ.get(SKIP_PDF):
        return False
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def need_pdf() -> None:
    """Skips the test when WeasyPrint (the ``pdf`` plugin's printer) cannot load the
    Pango library, unless CI says the PDF tests are required
    (``SAFEGUARDING_MODEL_REQUIRE_PDF=1``), when it fails; skips it where
    :data:`SKIP_PDF` is set."""
    if os.environ.get(SKIP_PDF):
        pytest.skip(f"{SKIP_PDF} is set: the PDF tests run in another run")
    try:
        import weasyprint  # noqa: F401
    except OSError as error:
        reason = f"WeasyPrint cannot load Pango ({error}): apt-get install libpango-1.0-0 libpangoft2-1.0-0"
        if os.environ.get("SAFEGUARDING_MODEL_REQUIRE_PDF"):
            pytest.fail(f"the PDF tests are required here: {reason}")
        pytest.skip(reason)


def pdf_text(content: bytes | str) -> str:
    """The text of a PDF, as pypdf extracts it, page after page, each run of white space
    one space."""
    pypdf = pytest.importorskip("pypdf")
    assert isinstance(content, bytes) and content.startswith(b"%PDF-")
    reader = pypdf.PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def need_browser() -> tuple[str, str]:
    """The paths of Chromium and its driver, with Selenium importable; skips the test
    when any is missing, unless CI says the browser is required
    (``SAFEGUARDING_MODEL_REQUIRE_BROWSER=1``), when it fails. CI sets
    ``SAFEGUARDING_MODEL_SKIP_BROWSER=1`` while it is still installing the browser, so
    that no test drives a half-installed one."""
    if os.environ.get("SAFEGUARDING_MODEL_SKIP_BROWSER"):
        pytest.skip("the browser is still being installed (SAFEGUARDING_MODEL_SKIP_BROWSER)")
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    missing = [
        what
        for what, found in (
            ("Chromium (apt-get install chromium)", chromium),
            ("chromedriver (apt-get install chromium-driver)", driver),
            ("Selenium (pip install -e '.[test]')", importlib.util.find_spec("selenium")),
        )
        if not found
    ]
    if missing:
        if os.environ.get("SAFEGUARDING_MODEL_REQUIRE_BROWSER"):
            pytest.fail(f"the browser is required here but not installed: {'; '.join(missing)}")
        pytest.skip(f"the browser tests need what is not installed: {'; '.join(missing)}")
    assert chromium and driver
    return chromium, driver


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def read_png(data: bytes) -> tuple[int, int, bytes]:
    """The width, height and scanlines (each led by its filter byte) of a PNG, read with
    the standard library: the signature, every chunk's length and checksum, the
    header, and image data that inflates to exactly the rows the header promises."""
    assert data[:8] == PNG_SIGNATURE, "not a PNG"
    position, chunks = 8, []
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        (checksum,) = struct.unpack(">I", data[position + 8 + length : position + 12 + length])
        assert len(body) == length and zlib.crc32(kind + body) == checksum, f"bad {kind!r} chunk"
        chunks.append((kind, body))
        position += 12 + length
    kinds = [kind for kind, _ in chunks]
    assert kinds[0] == b"IHDR" and kinds[-1] == b"IEND" and b"IDAT" in kinds, kinds
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
    assert width > 0 and height > 0 and interlace == 0, (width, height, interlace)
    rows = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    stride = (width * _PNG_CHANNELS[colour] * depth + 7) // 8 + 1
    assert len(rows) == height * stride, "the image data does not fill the picture"
    assert max(rows[::stride]) <= 4, "a row with an unknown filter"
    return width, height, rows


FIXTURES = Path(__file__).parent / "fixtures"


def mermaid_modules() -> tuple[str, Path]:
    """Node and the folder where ``npm install mermaid@11 jsdom`` ran (named by
    ``SAFEGUARDING_MODEL_MERMAID_MODULES``); skips the test when either is missing."""
    node = shutil.which("node")
    modules = os.environ.get("SAFEGUARDING_MODEL_MERMAID_MODULES")
    if node is None or not modules or not (Path(modules) / "node_modules" / "mermaid").is_dir():
        if os.environ.get("SAFEGUARDING_MODEL_REQUIRE_MERMAID"):
            pytest.fail("Mermaid's parser is required here (SAFEGUARDING_MODEL_MERMAID_MODULES)")
        pytest.skip(
            "Mermaid's parser is not at hand: set SAFEGUARDING_MODEL_MERMAID_MODULES to a "
            "folder where `npm install mermaid@11 jsdom` ran (needs Node)"
        )
    return node, Path(modules)


def run_mermaid(script: str, files: list[Path], folder: Path) -> str:
    """Run the Node ``script`` of ``fixtures/`` on ``files`` with Mermaid's own code, and
    return what it prints; it must succeed. The scripts are copied into the test's own
    ``folder`` (never into the shared modules folder), beside a link to the modules:
    Node resolves ``import 'mermaid'`` from the script's folder upwards."""
    node, modules = mermaid_modules()
    work = folder / "mermaid"
    work.mkdir(exist_ok=True)
    if not (work / "node_modules").exists():
        (work / "node_modules").symlink_to(modules / "node_modules", target_is_directory=True)
    for name in (script, "mermaid-dom.mjs"):
        shutil.copyfile(FIXTURES / name, work / name)
    result = subprocess.run(
        [node, str(work / script), *map(str, files)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def dot_output(source: str, format: str = "canon") -> str:
    """Graphviz reads the DOT and, for ``canon``, writes it back without laying it out
    (with its ``nop`` program, which only parses); for another format it draws it. Any
    error or warning fails the test."""
    program = need_dot()
    parser = shutil.which("nop")
    command = [parser] if format == "canon" and parser else [program, f"-T{format}"]
    result = subprocess.run(command, input=source.encode("utf-8"), capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert not result.stderr.strip(), result.stderr.decode("utf-8", "replace")
    return result.stdout.decode("utf-8")


def heights(plain: str) -> dict[str, float]:
    """Each node's height on the page, from Graphviz's ``plain`` output."""
    found = {}
    for line in plain.splitlines():
        parts = line.split()
        if parts and parts[0] == "node":
            found[parts[1].strip('"')] = float(parts[3])
    return found


def svg_texts(svg: str) -> list[str]:
    """The text of every <text> element of an SVG (which must be well-formed XML)."""
    root = ET.fromstring(svg)
    return [el.text or "" for el in root.iter("{http://www.w3.org/2000/svg}text")]


_NODE = r"[A-Za-z][A-Za-z0-9_]*"
_LABEL = r'"[^"]*"'
_SHAPES = [r"\[\[{l}\]\]", r"\{{\{{{l}\}}\}}", r"\({l}\)", r"\(\[{l}\]\)", r"\[{l}\]"]
_NODE_DEF = re.compile(
    rf"^\s*({_NODE})(?:" + "|".join(s.format(l=_LABEL) for s in _SHAPES) + r")\s*$"
)
_ARROWS = r"(?:-->|==>|-\.->|-\.-|o--o|--o)"
_EDGE = re.compile(
    rf"^\s*({_NODE})(?:\[{_LABEL}\])?\s+{_ARROWS}(?:\|{_LABEL}\|)?\s+({_NODE})(?:\[{_LABEL}\])?\s*$"
)
_SUBGRAPH = re.compile(rf"^\s*subgraph\s+({_NODE})\s+\[{_LABEL}\]\s*$")


def check_mermaid(text: str) -> dict[str, int]:
    """A strict check of the flowcharts the exporter writes: every line is one of the
    statements it uses, labels are quoted without inner quotes, every edge joins
    defined nodes, subgraphs close, and link styles name existing links."""
    lines = text.splitlines()
    assert lines[1] == "flowchart BT", lines[:2]
    assert lines[0].startswith("%% ")
    defined: set[str] = set()
    edges = 0
    depth = 0
    styles: list[int] = []
    for line in lines[2:]:
        if match := _SUBGRAPH.match(line):
            depth += 1
        elif line.strip() == "end":
            depth -= 1
            assert depth >= 0, "an `end` without a subgraph"
        elif match := _NODE_DEF.match(line):
            defined.add(match.group(1))
        elif match := _EDGE.match(line):
            for node in match.groups():
                if node.startswith("k"):
                    defined.add(node)
                assert node in defined, f"edge to undefined node {node}: {line}"
            edges += 1
        elif line.startswith("  classDef "):
            assert re.match(r"^  classDef [a-z_]+ [a-z:#0-9,.\- ]+$", line), line
        elif line.startswith("  class "):
            assert re.match(r"^  class [a-z0-9,]+ [a-z_]+$", line), line
        elif line.startswith("  linkStyle "):
            match = re.match(r"^  linkStyle ([0-9,]+) [a-z:#0-9,.\- ]+$", line)
            assert match, line
            styles += [int(n) for n in match.group(1).split(",")]
        else:
            raise AssertionError(f"not a Mermaid statement the exporter writes: {line!r}")
    assert depth == 0, "a subgraph is not closed"
    assert sorted(styles) == list(range(edges)), "link styles do not match the links"
    return {"nodes": len(defined), "edges": edges}


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            assert not name.startswith("on"), f"event handler attribute {name}"
            if name in ("src", "href") and value:
                assert not value.startswith(("http:", "https:", "//")) or tag == "a", value
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        self.stack.pop()


def check_html(text: str) -> ET.Element:
    """Well-formed: HTML tags nest and close, and the page parses as XML. Self-contained:
    no scripts, no stylesheets or images fetched from elsewhere."""
    checker = _Checker()
    checker.feed(text)
    checker.close()
    assert not checker.stack, f"unclosed: {checker.stack}"
    for tag in ("script", "link", "iframe", "img", "object", "embed"):
        assert tag not in checker.tags, f"<{tag}> in a self-contained page"
    assert text.startswith("<!DOCTYPE html>")
    return ET.fromstring(text)


_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_LIST_ITEM = re.compile(r"^\s*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)")
_SETEXT_OR_RULE = re.compile(r"^ {0,3}(?:=+|-+|(?:\* *){3,}|(?:_ *){3,})\s*$")


def markdown_expected(document: Document) -> dict[str, int]:
    """How many headings, list items and quotes the renderer writes for a document: a
    heading for the title and each section, a list item for each entry of a list (its
    points too) and each line of a chart in words, a quote for each placeholder."""

    def count(items: tuple[ListItem, ...]) -> int:
        return sum(1 + count(item.children) for item in items)

    blocks = [*document.blocks, *(b for _, s in document.walk() for b in s.blocks)]
    items = sum(count(b.items) for b in blocks if isinstance(b, ItemList))
    items += sum(len(b.description) for b in blocks if isinstance(b, Figure))
    quotes = sum(1 for b in blocks if isinstance(b, Placeholder))
    return {"headings": 1 + len(list(document.walk())), "items": items, "quotes": quotes}


def check_markdown(text: str, document: Document) -> None:
    """Headings, list items and quotes only where the renderer puts them (so no text in
    the data starts one), no setext underline, thematic break or indented code block,
    fences balanced, table rows whole, no raw HTML tags."""
    fence = False
    found = {"headings": 0, "items": 0, "quotes": 0}
    for line in text.splitlines():
        if line.startswith("```"):
            fence = not fence
            continue
        if fence:
            continue
        if _HEADING.match(line):
            found["headings"] += 1
        if _LIST_ITEM.match(line):
            found["items"] += 1
        elif line.startswith(" ") or line.startswith("\t"):
            raise AssertionError(f"an indented line that is not a list item: {line!r}")
        if line.startswith(">"):
            found["quotes"] += 1
        assert not _SETEXT_OR_RULE.match(line), f"a setext underline or a rule: {line!r}"
        assert not re.search(r"(?<!\\)<[A-Za-z/!?]", line), f"raw HTML in Markdown: {line!r}"
        if line.startswith("|"):
            cells = re.split(r"(?<!\\)\|", line)
            assert cells[0] == "" and cells[-1] == "", line
    assert not fence, "a code fence is not closed"
    expected = markdown_expected(document)
    assert found == expected, f"found {found}, expected {expected}"


def read_csv(text: str) -> list[list[str]]:
    """Python's csv module reads the table; every row is as wide as the header."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows, "no header"
    assert all(len(row) == len(rows[0]) for row in rows), "rows of different widths"
    return rows


def read_zip(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}){0,2}$")
"""Popolo's pattern for every date it holds."""


def check_popolo(text: str) -> dict[str, list[dict[str, object]]]:
    """Popolo JSON whose every membership names its member (a person, a post or an
    organization) and, unless it is the holding of an independent post, the
    organization; every id it gives is one the file holds; every date is one Popolo's
    pattern takes. The planned part (``planned``: organizations, posts, memberships not
    yet in place) is checked the same way, its ids against the file's and its own; the
    file's own part never names what is only planned."""
    data = json.loads(text)
    _check_popolo_part(data, data)
    planned = data.get("planned")
    if planned is not None:
        both = {key: [*data[key], *planned.get(key, [])] for key in ("organizations", "posts")}
        _check_popolo_part({**planned, "persons": data["persons"], **both}, planned)
        for item in (*planned["organizations"], *planned["memberships"]):
            assert item["extras"]["planned"] is True, item
    for key in ("organizations", "posts", "memberships"):
        for item in data[key]:
            for name in ("start_date", "end_date", "founding_date", "dissolution_date"):
                if name in item:
                    assert DATE.match(item[name]), item
            assert not item.get("extras", {}).get("planned"), item
    return data  # type: ignore[no-any-return]


def _check_popolo_part(data: dict[str, Any], part: dict[str, Any]) -> None:
    """The memberships, organizations and posts of ``part`` name only ids of ``data``."""
    ids = {key: {item["id"] for item in data[key]} for key in ("organizations", "persons", "posts")}
    posts = {post["id"]: post for post in data["posts"]}
    assert len(ids["posts"]) == len(data["posts"]), "repeated post ids"
    for membership in part["memberships"]:
        named = [key for key in ("person_id", "post_id", "member") if key in membership]
        assert named, f"a membership that names no member: {membership}"
        if "organization_id" not in membership:
            post = posts[membership["post_id"]]
            assert "organization_id" not in post, membership  # an independent post's holder
        else:
            assert membership["organization_id"] in ids["organizations"], membership
        if "person_id" in membership:
            assert membership["person_id"] in ids["persons"], membership
        if "post_id" in membership:
            assert membership["post_id"] in ids["posts"], membership
        if "member" in membership:
            assert membership["member"]["id"] in ids["organizations"], membership
    for organization in part["organizations"]:
        if "parent_id" in organization:
            assert organization["parent_id"] in ids["organizations"], organization
    for post in part["posts"]:
        if "organization_id" in post:
            assert post["organization_id"] in ids["organizations"], post


BLOCK_STARTS = (
    "1. First",
    "2024. A year to remember",
    "1) One",
    "10) Ten",
    "# Heading",
    "## Two",
    "> A quote",
    "- A dash",
    "+ A plus",
    "* A star",
    "| a | b |",
    "<b>bold</b> <!-- c -->",
    "`code` and ```fence",
    "[a link](https://example.org) ![image](x.png)",
    "    indented like code",
    "\tTabbed",
    "---",
    "===",
    "***",
    "___",
    "Title\n---",
    "Title\n===",
    "~~~",
    "=SUM(A1:A2)",
    "@import",
    "-5",
    "+44 1983",
)
"""Text that starts a Markdown block (a list, heading, quote, code block, rule or
setext heading) or a spreadsheet formula, to add to the strategies' nasty names."""


def with_texts(dataset: Dataset, texts: list[str]) -> Dataset:
    """The dataset with its names, titles, texts and descriptions replaced, in order,
    by ``texts`` (cycled), so that every kind of text field carries them."""
    if not texts:
        return dataset
    position = 0

    def rewrite(value: object) -> object:
        nonlocal position
        if isinstance(value, tuple):
            return tuple(rewrite(item) for item in value)
        if not attrs.has(type(value)):
            return value
        changes: dict[str, object] = {}
        for field in attrs.fields(type(value)):
            current = getattr(value, field.name)
            if field.name in TEXT_FIELDS and isinstance(current, str):
                changes[field.name] = texts[position % len(texts)]
                position += 1
            elif isinstance(current, tuple) or attrs.has(type(current)):
                changes[field.name] = rewrite(current)
        return attrs.evolve(value, **changes)  # type: ignore[misc]

    result = rewrite(dataset)
    assert isinstance(result, Dataset)
    return result


TEXT_FIELDS = frozenset(
    {
        "name",
        "short_name",
        "title",
        "text",
        "description",
        "footnote",
        "charging",
        "vision",
        "purpose",
        "rule",
        "agreed_every",
        "rotation_period",
        "cadence_text",
        "condition",
        "subject",
        "meets_text",
        "ends_when",
        "every_text",
        "instrument",
    }
)
"""The fields that hold a name or the document's words (not ids, not notes)."""
