"""Output that says what the data says, in the words it should: nothing silent is
shown as "none", dates take "on" or "in", an ambiguous partnership name is refused, a
chair sitting for a member sector is a member, and "a" and "an" agree with the next
word."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import safeguarding_model as sm
from safeguarding_model.cli import main
from safeguarding_model.errors import UsageError
from safeguarding_model.model.values import with_article

# --- 2. nothing the data leaves silent is shown as "none" -------------------------------

SILENT = """
schema: safeguarding-model/1
organisations:
  - {id: north-council, name: Northshire County Council, kind: local-authority}
posts:
  - {id: north-dcs, title: Director of Children's Services, organisation: north-council}
partnerships:
  - id: northshire-scp
    name: Northshire Safeguarding Children Partnership
    guidance: working-together-2023
    groups:
      - id: board
        name: Partnership Board
        kind: partnership-board
        members: [{post: north-dcs}]
      - id: case-review-group
        name: Case Review Group
        kind: subgroup
        chairs: [{post: north-dcs}]
        members: [{post: north-dcs}]
        reports_to: [{to: board, cadence: quarterly}]
        escalates_to: [{to: board}]
      - id: audit-group
        name: Audit Group
        kind: subgroup
        members: [{post: north-dcs}]
        not_stated: [chairs, reports_to]
"""

NO_GROUPS = """
schema: safeguarding-model/1
partnerships:
  - id: northshire-scp
    name: Northshire Safeguarding Children Partnership
    guidance: working-together-2023
"""

NONE_CLAIMS = re.compile(r"\bnone\b|no reporting line|name no groups", re.IGNORECASE)


class _Text(HTMLParser):
    """The text a browser shows, without the inline charts and styles."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.cells: list[str] = []
        self._skip = 0
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("svg", "style"):
            self._skip += 1
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("svg", "style"):
            self._skip -= 1
        elif tag in ("td", "th") and self._cell is not None:
            self.cells.append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.parts.append(data)
        if self._cell is not None:
            self._cell.append(data)


def _markdown(dataset: sm.Dataset, **options: str) -> str:
    text = sm.export(dataset, "markdown", **options)
    assert isinstance(text, str)
    return re.sub(r"```mermaid\n.*?```", "", text, flags=re.DOTALL)  # the chart's own syntax


def _html(dataset: sm.Dataset, **options: str) -> _Text:
    page = sm.export(dataset, "html", **options)
    assert isinstance(page, str)
    parser = _Text()
    parser.feed(page)
    return parser


def _row(markdown: str, group: str) -> list[str]:
    line = next(line for line in markdown.splitlines() if line.startswith(f"| {group} |"))
    return [cell.strip() for cell in line.strip("|").split("|")]


def test_a_field_the_data_leaves_silent_is_never_shown_as_none() -> None:
    dataset = sm.loads(SILENT)
    for document in ("arrangements", "yearly-report"):
        markdown = _markdown(dataset, document=document)
        assert not NONE_CLAIMS.search(markdown), NONE_CLAIMS.findall(markdown)
        board = _row(markdown, "Partnership Board")
        # chair and cadence not stated; a top body reports to no group by design, and
        # the escalation and joint cells stay empty when the data gives none
        assert board[2:] == ["not stated in the arrangements"] * 2 + ["", "", ""]
        assert "Partnership Board: its reporting line" not in markdown  # the top body
        assert "Audit Group: the arrangements do not say whom it reports to." in markdown
        html = _html(dataset, document=document)
        shown = " ".join(html.parts)
        assert not NONE_CLAIMS.search(shown), NONE_CLAIMS.findall(shown)
        assert "none" not in html.cells
        assert html.cells.count("not stated in the arrangements") >= 4  # chairs, meets


def test_what_the_data_does_state_still_shows() -> None:
    dataset = sm.loads(SILENT)
    markdown = _markdown(dataset)
    review = _row(markdown, "Case Review Group")
    chair = "Director of Children's Services, Northshire County Council (holder not stated)"
    assert review[2] == chair
    assert review[4:6] == ["Partnership Board (quarterly)", "Partnership Board"]
    assert "Case Review Group reports to Partnership Board (quarterly)." in markdown
    assert f"- Chair: {chair}" in markdown
    # A field the data records as not stated in the source says so, as before.
    audit = _row(markdown, "Audit Group")
    assert audit[2] == audit[4] == "the arrangements do not say"
    assert "Audit Group: the arrangements do not say whom it reports to." in markdown
    html = _html(dataset)
    assert chair in html.cells and "Partnership Board (quarterly)" in html.cells


def test_the_board_section_leaves_out_the_chair_it_is_not_given() -> None:
    markdown = _markdown(sm.loads(SILENT))
    board = markdown.split("### Partnership Board", 1)[1].split("### ", 1)[0]
    assert "Chair:" not in board
    assert "- Kind: partnership board" in board


def test_a_yearly_report_does_not_say_the_arrangements_name_no_groups() -> None:
    dataset = sm.loads(NO_GROUPS)
    markdown = _markdown(dataset, document="yearly-report")
    assert not NONE_CLAIMS.search(markdown)
    assert not NONE_CLAIMS.search(" ".join(_html(dataset, document="yearly-report").parts))


# --- 3. "took effect on" a day, "in" a month or a year ----------------------------------


@pytest.mark.parametrize(
    ("effective", "sentence"),
    [
        ("2019-09-29", "These arrangements took effect on 29 September 2019."),
        ("2024-09", "These arrangements took effect in September 2024."),
        ("2019", "These arrangements took effect in 2019."),
    ],
)
def test_the_date_the_arrangements_took_effect_takes_on_or_in(
    effective: str, sentence: str
) -> None:
    dataset = sm.loads(NO_GROUPS + f'    effective: "{effective}"\n')
    assert sentence in _markdown(dataset)
    assert sentence in " ".join(_html(dataset).parts)


def test_the_shipped_2019_arrangements_still_took_effect_in_june() -> None:
    assert "These arrangements took effect in June 2019." in _markdown(
        sm.load("isle-of-wight-2019")
    )


# --- 4. an ambiguous partnership name is refused, with the candidates ------------------

TWO_SCPS = """
schema: safeguarding-model/1
partnerships:
  - id: northshire-scp
    name: Northshire Safeguarding Children Partnership
    short_name: SCP
    guidance: working-together-2023
  - id: southby-scp
    name: Southby Safeguarding Children Partnership
    short_name: SCP
    guidance: working-together-2023
"""


@pytest.fixture
def two_scps(tmp_path: Path) -> Path:
    path = tmp_path / "region.yaml"
    path.write_text(TWO_SCPS, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "argv",
    [
        ["show"],
        ["show", "--format", "json"],
        ["export", "--to", "markdown"],
        ["export", "--to", "html"],
        ["export", "--to", "mermaid"],
    ],
    ids=" ".join,
)
@pytest.mark.parametrize("name", ["SCP", "scp", "  scp "])
def test_an_ambiguous_partnership_name_is_refused_with_the_candidates(
    capsys: pytest.CaptureFixture[str], two_scps: Path, argv: list[str], name: str
) -> None:
    status = main([argv[0], str(two_scps), *argv[1:], "--partnership", name])
    out, err = capsys.readouterr()
    assert status == 2
    assert out == ""
    assert "could mean several things" in err
    assert "`northshire-scp` (Northshire Safeguarding Children Partnership)" in err
    assert "`southby-scp` (Southby Safeguarding Children Partnership)" in err
    assert "name one by its id" in err


def test_an_id_or_a_name_only_one_has_still_chooses(
    capsys: pytest.CaptureFixture[str], two_scps: Path
) -> None:
    for key in ("southby-scp", "southby safeguarding children partnership"):
        assert main(["show", str(two_scps), "--partnership", key, "--format", "json"]) == 0
        assert json.loads(capsys.readouterr().out)["partnership"]["id"] == "southby-scp"


# --- 5. a chair who sits for a member sector is a member --------------------------------

SECTORS = """
schema: safeguarding-model/1
organisations:
  - {id: north-council, name: Northshire County Council, kind: local-authority}
  - {id: early-years-settings, name: Early Years Settings, kind: early-years-sector}
  - {id: early-years-team, name: Early Years Team, kind: local-authority-service,
     parent: north-council}
  - {id: schools, name: Schools, kind: school-sector}
  - {id: oak-school, name: Oak Primary School, kind: education-provider, parent: schools}
  - {id: voluntary-sector, name: Voluntary Sector, kind: voluntary-sector}
  - {id: northshire-cvs, name: Northshire CVS, kind: charity}
posts:
  - {id: early-years-lead, title: Early Years Lead, organisation: early-years-team}
  - {id: oak-head, title: Headteacher, organisation: oak-school}
  - {id: cvs-chief, title: Chief Executive, organisation: northshire-cvs}
partnerships:
  - id: northshire-scp
    name: Northshire Safeguarding Children Partnership
    guidance: working-together-2023
    sector_representation:
      - sector: early-years-settings
        via: early-years-team
        text: Early years settings are represented via the Early Years Team.
      - sector: voluntary-sector
        via: northshire-cvs
        groups: [voluntary-sector-forum]
        text: The voluntary sector is represented via Northshire CVS.
    groups:
      - id: executive
        name: Executive
        kind: executive-group
        chairs: [{post: oak-head}]
        members: [{post: oak-head}]
      - id: early-years-group
        name: Early Years Group
        kind: subgroup
        reports_to: [{to: executive}]
        chairs: [{post: early-years-lead}]
        members: [{organisation: early-years-settings}]
      - id: education-group
        name: Education Group
        kind: subgroup
        reports_to: [{to: executive}]
        chairs: [{post: oak-head}]
        members: [{organisation: schools}]
      - id: voluntary-sector-forum
        name: Voluntary Sector Forum
        kind: forum
        reports_to: [{to: executive}]
        chairs: [{post: cvs-chief}]
        members: [{organisation: north-council}]
      - id: council-group
        name: Council Group
        kind: subgroup
        reports_to: [{to: executive}]
        chairs: [{post: cvs-chief}]
        members: [{organisation: north-council}]
"""


def test_a_chair_from_the_body_that_represents_a_member_sector_is_a_member() -> None:
    report = sm.build_graph(sm.loads(SECTORS)).structure()
    flagged = {f.bodies[0].id: f.severity for f in report.of("chair-not-member")}
    # The early years lead sits for the early years settings, a member by a member entry;
    # the CVS chief for the voluntary sector, a member by sector representation; the
    # head of a school for the school sector. Only the council group's chair is not one.
    assert flagged == {"council-group": "warning"}


# --- 6. "a" or "an" by the next word ---------------------------------------------------


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("organisation", "an organisation"),
        ("organisation, post or person", "an organisation, post or person"),
        ("group, partnership or collaboration", "a group, partnership or collaboration"),
        ("executive group", "an executive group"),
        ("Independent Scrutineer", "an Independent Scrutineer"),
        ("`area`", "an `area`"),
        ("post", "a post"),
    ],
)
def test_the_article_agrees_with_the_next_word(words: str, expected: str) -> None:
    assert with_article(words) == expected


def test_graph_messages_say_an_organisation() -> None:
    graph = sm.build_graph(sm.load("isle-of-wight-2024"))
    with pytest.raises(UsageError) as caught:
        graph.sits_on("executive-group")
    assert "is a group; this question needs an organisation, post or person" in str(caught.value)
    with pytest.raises(UsageError) as caught:
        graph.members("isle-of-wight-council")
    assert "is an organisation; this question needs a group, partnership or collaboration" in (
        str(caught.value)
    )
    with pytest.raises(UsageError) as caught:
        graph.sits_on("nobody at all")
    assert "no organisation, post or person in this data has the id or name" in str(caught.value)


def test_the_query_command_says_an_organisation(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "isle-of-wight-2024", "sits-on", "executive-group"]) == 2
    err = capsys.readouterr().err
    assert "needs an organisation, post or person" in err
    assert "needs a organisation" not in err
