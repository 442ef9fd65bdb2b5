"""An empty cell of the groups table is never left to be read as "none": a note after
the table says what an empty cell of each column that has one means."""

from __future__ import annotations

from safeguarding_model.documents import Paragraph, Table, arrangements
from safeguarding_model.documents._common import EMPTY_CELLS
from safeguarding_model.model import Dataset


def _groups(document_blocks: list[object]) -> tuple[Table, object]:
    place = next(
        n
        for n, b in enumerate(document_blocks)
        if isinstance(b, Table) and "Joint with" in b.header
    )
    table = document_blocks[place]
    assert isinstance(table, Table)
    return table, document_blocks[place + 1] if place + 1 < len(document_blocks) else None


def test_a_note_after_the_groups_table_says_what_empty_cells_mean(iow: Dataset) -> None:
    document = arrangements(iow)
    blocks = [b for _, s in document.walk() for b in s.blocks]
    table, after = _groups(blocks)
    empty = [c for c in EMPTY_CELLS if any(not row[c] for row in table.rows)]
    assert empty == [4, 5, 6]  # the Executive Group reports to no group; few escalate
    assert isinstance(after, Paragraph) and after.note
    text = after.text
    assert text.startswith("An empty cell means, under Reports to,")
    assert all(EMPTY_CELLS[c] in text for c in empty)


def test_no_note_where_no_cell_is_empty(iow: Dataset) -> None:
    import attrs

    partnership = iow.partnership()
    groups = tuple(
        attrs.evolve(g, joint_with=("iow-safeguarding-adults-board",))
        for g in partnership.groups
        if g.reports_to and g.escalates_to
    )
    assert groups
    changed = attrs.evolve(iow, partnerships=(attrs.evolve(partnership, groups=groups),))
    blocks = [b for _, s in arrangements(changed).walk() for b in s.blocks]
    table, after = _groups(blocks)
    assert all(all(row[c] for c in EMPTY_CELLS) for row in table.rows)
    assert not (isinstance(after, Paragraph) and "An empty cell" in after.text)
