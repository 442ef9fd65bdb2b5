"""Escaping: names that break naive exporters show as written in every format."""

from __future__ import annotations

import html
import io
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from consumers import (
    BLOCK_STARTS,
    check_html,
    check_markdown,
    check_mermaid,
    dot_output,
    read_csv,
    read_zip,
    svg_texts,
)

from safeguarding_model.exporters import export
from safeguarding_model.exporters.escape import (
    clean,
    dot_string,
    markdown_text,
    mermaid_string,
    one_line,
)
from safeguarding_model.model import (
    Dataset,
    Group,
    GroupKind,
    GuidanceEdition,
    Line,
    Organisation,
    OrganisationKind,
    Partnership,
    Regime,
    RelevantAgency,
)
from strategies import NASTY

NAMES = [
    *(name for name in NASTY if name.strip()),
    "tab\there",
    "bell\x07ring",
    "a &lt; b",
    *BLOCK_STARTS,
]


@pytest.fixture(scope="module")
def nasty() -> Dataset:
    """A partnership whose every group and organisation has a nasty name."""
    organisations = tuple(
        Organisation(id=f"org-{i}", name=name, kind=OrganisationKind.OTHER)
        for i, name in enumerate(NAMES)
    )
    groups = tuple(
        Group(
            id=f"group-{i}",
            name=name,
            kind=GroupKind.SUBGROUP,
            reports_to=(Line(to="group-0", text=name),) if i else (),
            joint_with=(f"org-{i}",),
        )
        for i, name in enumerate(NAMES)
    )
    partnership = Partnership(
        id="nasty",
        name='The "Nasty" <Partnership> & Co',
        regimes=(Regime(instrument=GuidanceEdition.WORKING_TOGETHER_2023),),
        groups=groups,
        relevant_agencies=tuple(
            RelevantAgency(organisation=o.id, footnote=o.name) for o in organisations
        ),
    )
    return Dataset(organisations=organisations, partnerships=(partnership,))


def test_graphviz_shows_every_name_as_written(nasty: Dataset) -> None:
    svg = dot_output(export(nasty, "dot", depth=1), "svg")  # type: ignore[arg-type]
    drawn = " ".join(svg_texts(svg))
    for name in NAMES:
        for word in one_line(name).split():
            assert word in drawn, (name, word)


def test_dot_strings_escape_quotes_backslashes_entities_and_newlines() -> None:
    assert dot_string('a "b" \\ c') == '"a \\"b\\" \\\\ c"'
    assert dot_string("x & y") == '"x &amp; y"'
    assert dot_string("one\ntwo") == '"one\\ntwo"'


def test_mermaid_labels_hold_no_syntax(nasty: Dataset) -> None:
    text = export(nasty, "mermaid", depth=1)
    assert isinstance(text, str)
    check_mermaid(text)
    for name in NAMES:
        body = mermaid_string(name)[1:-1]
        assert not set(body) & set('"<>[]{}|%`\\\n'), body


def test_mermaid_entity_codes_decode_to_the_name() -> None:
    import re

    def entity(match: re.Match[str]) -> str:  # as Mermaid reads them: #59; and #quot;
        code = match.group(1)
        return html.unescape(f"&#{code};" if code.isdigit() else f"&{code};")

    for name in NAMES:
        body = mermaid_string(name)[1:-1]
        decoded = re.sub(r"#(\w+);", entity, body)
        assert decoded == one_line(name)


def test_html_escapes_every_name(nasty: Dataset) -> None:
    page = export(nasty, "html")
    assert isinstance(page, str)
    root = check_html(page)
    text = "".join(root.itertext())
    assert "<script>alert(1)</script>" in text  # shown as text, never as markup
    assert "<script" not in page
    assert 'The "Nasty" <Partnership> & Co' in text


def test_markdown_escapes_every_name(nasty: Dataset) -> None:
    from safeguarding_model.documents import arrangements

    text = export(nasty, "markdown")
    assert isinstance(text, str)
    check_markdown(text, arrangements(nasty))
    assert "\\<script\\>alert(1)\\</script\\>" in text


def test_markdown_text_escapes_block_starts_and_inline_syntax() -> None:
    assert markdown_text("1. first", block_start=True) == "1\\. first"
    assert markdown_text("2024. a year", block_start=True) == "2024\\. a year"
    assert markdown_text("1) one", block_start=True) == "1\\) one"
    assert markdown_text("- item", block_start=True) == "\\- item"
    assert markdown_text("+ item", block_start=True) == "\\+ item"
    assert markdown_text("=== ", block_start=True) == "\\==="
    assert markdown_text("    code", block_start=True) == "code"
    assert markdown_text("*bold* _it_ `code`") == "\\*bold\\* \\_it\\_ \\`code\\`"
    assert markdown_text("[link](x)") == "\\[link\\](x)"
    assert markdown_text("# h > q | p <b>") == "\\# h \\> q \\| p \\<b\\>"


@pytest.mark.parametrize("text", BLOCK_STARTS)
def test_no_text_starts_a_markdown_block(text: str) -> None:
    """Each text as a partnership's aim (a list item), its thresholds (a paragraph), a
    group's name (a heading and a table cell) and a line of the chart in words."""
    from safeguarding_model.documents import arrangements
    from safeguarding_model.model import Item, ReferencedDocument

    group = Group(id="g", name=text, kind=GroupKind.SUBGROUP, description=text)
    partnership = Partnership(
        id="p",
        name="P",
        regimes=(Regime(instrument=GuidanceEdition.WORKING_TOGETHER_2023),),
        aims=(Item(text=text, points=(Item(text=text),)),),
        thresholds=ReferencedDocument(title=text, text=text),
        groups=(group,),
    )
    dataset = Dataset(partnerships=(partnership,))
    markdown = export(dataset, "markdown")
    assert isinstance(markdown, str)
    check_markdown(markdown, arrangements(dataset))


def test_csv_tables_read_back_exactly(nasty: Dataset) -> None:
    data = export(nasty, "csv")
    assert isinstance(data, bytes)
    rows = read_csv(read_zip(data)["relevant-agencies.csv"])[1:]
    formulas = ("=", "+", "-", "@", "\t", "\n", "\r")
    expected = [("'" if clean(n).startswith(formulas) else "") + clean(n) for n in NAMES]
    assert [row[2] for row in rows] == expected


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(nasty: Dataset) -> None:
    data = export(nasty, "csv")
    assert isinstance(data, bytes)
    for name, table in read_zip(data).items():
        for row in read_csv(table):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r", "\n")), (name, cell)
    rows = read_csv(read_zip(data)["relevant-agencies.csv"])
    assert [
        row[2] for row in rows if row[2][1:] in ("=SUM(A1:A2)", "@import", "-5", "+44 1983")
    ] == ["'=SUM(A1:A2)", "'@import", "'-5", "'+44 1983"]


def test_graphml_and_popolo_keep_the_names(nasty: Dataset) -> None:
    text = export(nasty, "graphml")
    assert isinstance(text, str)
    graph = nx.read_graphml(io.StringIO(text), force_multigraph=True)
    assert graph.nodes["group-1"]["name"] == clean(NAMES[1])
    popolo = json.loads(export(nasty, "popolo"))  # type: ignore[arg-type]
    assert [o["name"] for o in popolo["organizations"]][: len(NAMES)] == NAMES


def test_control_characters_are_replaced_where_the_format_cannot_hold_them() -> None:
    assert clean("bell\x07ring\r\nnext") == "bell\ufffdring\nnext"
    cleaned = html.escape(clean("x\x00y"))
    assert ET.fromstring("<a>" + cleaned + "</a>").text == "x\ufffdy"


def test_an_ampersand_is_escaped_only_where_it_could_start_an_entity() -> None:
    assert markdown_text("Hampshire and Isle of Wight Fire & Rescue Service") == (
        "Hampshire and Isle of Wight Fire & Rescue Service"
    )
    assert markdown_text("&amp; and &#38;") == "\\&amp; and \\&\\#38;"  # "#" is escaped too
    assert markdown_text("AT&T") == "AT\\&T"
