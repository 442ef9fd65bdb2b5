"""A property: for any valid dataset whose lists the source gives only in part, no line
of ``show``, of the arrangements document (Markdown and HTML) or of the yearly report
presents such a list as complete: each says what the source leaves out."""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from wording import TODAY, markdown, page, section

from safeguarding_model.cli.show import TITLES, render
from safeguarding_model.documents import summary
from safeguarding_model.model import Dataset, Group, PartialList, Partnership
from safeguarding_model.model.meaning import is_leadership, partial_words
from strategies import datasets

# the lists of a partnership that may be given in part (those a generated dataset
# fills, and those it leaves empty: a list the source names none of, but says goes on)
FIELDS = [
    "lead_partners",
    "delegated_partners",
    "chairs",
    "scrutineers",
    "scrutiny",
    "values",
    "principles",
    "aims",
    "relevant_agencies",
    "sector_representation",
    "observers",
    "functional_links",
    "groups",
    "reports_to",
    "escalates_to",
    "lines",
    "duties",
    "events",
    "yearly_reports",
    "regimes",
    "former_names",
    "predecessors",
]
GROUP_FIELDS = ["members", "chairs", "reports_to", "objectives", "responsibilities", "covers"]

# the section of the arrangements document that shows each list, where it has one
SECTIONS = {
    "delegated_partners": "Delegated Safeguarding Partners",
    "chairs": "Partnership Chair",
    "scrutineers": "Independent Scrutineer",
    "values": "Values",
    "principles": "Principles",
    "aims": "Safeguarding Partnership Aims and Objectives",
    "relevant_agencies": "Relevant Agencies",
    "functional_links": "Functional Links",
}


@st.composite
def partially_given(draw: st.DrawFn) -> Dataset:
    """A generated dataset whose first partnership, and some of its groups, give some
    lists only in part (with or without a count of the entries not named)."""
    dataset = draw(datasets(max_partnerships=1))
    partnership = dataset.partnerships[0]

    def entries(fields: list[str], exclude: tuple[str, ...]) -> tuple[PartialList, ...]:
        chosen = draw(st.lists(st.sampled_from(fields), min_size=1, max_size=5, unique=True))
        return tuple(
            PartialList(
                field=field,
                further=draw(st.none() | st.integers(1, 9)),
                truncated=draw(st.booleans()),
            )
            for field in chosen
            if field not in exclude
        )

    groups: list[Group] = []
    for group in partnership.groups:
        if draw(st.booleans()):
            group = attrs.evolve(group, partial=entries(GROUP_FIELDS, group.not_stated))
        groups.append(group)
    partnership = attrs.evolve(
        partnership,
        groups=tuple(groups),
        partial=entries(FIELDS, partnership.not_stated),
    )
    return attrs.evolve(dataset, partnerships=(partnership,))


def _heading_claims(text: str, title: str) -> list[str]:
    """Lines that count a list, or say it is empty, as if it were whole."""
    pattern = rf"^{re.escape(title)}( \(\d+\)|: none given in the data)$"
    return re.findall(pattern, text, re.MULTILINE)


@pytest.mark.slow
@given(partially_given())
def test_no_output_presents_a_partial_list_as_complete(dataset: Dataset) -> None:
    partnership: Partnership = dataset.partnerships[0]
    shown = render(summary(dataset, partnership, today=TODAY))
    document = markdown(dataset)
    html = page(dataset).text
    for entry in partnership.partial:
        words = partial_words(entry)
        assert f"{entry.field.replace('_', ' ')}: {words}" in shown
        assert words in document and words in html
        if entry.field in TITLES:
            assert not _heading_claims(shown, TITLES[entry.field]), entry
        title = SECTIONS.get(entry.field)
        if entry.field == "lead_partners" and partnership.lead_partners:
            title = next(
                s
                for s in ("Lead Safeguarding Partners", "Safeguarding Partners")
                if f"\n## {s}\n" in document
            )
        level = "###" if title == "Functional Links" else "##"
        if title and f"\n{level} {title}\n" in document:
            assert words in section(document, title), (entry, title)
        subgroups = [g for g in partnership.groups if not is_leadership(g)]
        if entry.field == "groups" and subgroups:
            table = section(document, "Partnership Structure and Subgroups")
            assert words in table.split("\n### ", 1)[0]
    for group in partnership.groups:
        for entry in group.partial:
            words = partial_words(entry)
            assert words in shown and words in document and words in html, (group.id, entry)
    report = markdown(dataset, "yearly-report")
    agencies = re.search(r"^The partnership names \d+ relevant agencies(.*):$", report, re.M)
    partial = {entry.field: entry for entry in partnership.partial}
    if agencies and "relevant_agencies" in partial:
        assert agencies.group(1) == f", {partial_words(partial['relevant_agencies'])}"
