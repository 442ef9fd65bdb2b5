"""The yearly report skeleton: every required section, pre-filled where the data knows
the answer, marked where a person must write."""

from __future__ import annotations

import attrs
from hypothesis import given

from safeguarding_model.documents import Figure, Placeholder, Table, yearly_report
from safeguarding_model.documents.yearly_report import heading_for
from safeguarding_model.model import Dataset
from strategies import datasets


def test_every_required_content_has_a_section_to_write(iow: Dataset) -> None:
    document = yearly_report(iow)
    contents = iow.partnership().yearly_report.contents  # type: ignore[union-attr]
    assert len(contents) == 8
    titles = [s.title for _, s in document.walk()]
    for item in contents:
        section = next(s for _, s in document.walk() if s.title == heading_for(item.text))
        placeholders = [b for b in section.blocks if isinstance(b, Placeholder)]
        assert [p.prompt for p in placeholders] == [item.text]
    assert titles[:5] == [
        "About this report",
        "The partners",
        "Structure and groups",
        "Vision, purpose, values and principles",  # apart from the aims
        "Aims and priorities",
    ]
    vision = next(s for _, s in document.walk() if s.title.startswith("Vision"))
    assert vision.blocks[0].text.startswith("Vision: Our vision is based on the belief")  # type: ignore[union-attr]


def test_the_sections_the_data_can_answer_are_pre_filled(iow: Dataset) -> None:
    document = yearly_report(iow)
    partners = next(s for _, s in document.walk() if s.title == "The partners")
    leads = partners.blocks[0]
    assert isinstance(leads, Table)
    assert [row[2] for row in leads.rows] == ["Wendy Perera", "Maggie MacIsaac", "Scott Chilton"]
    structure = next(s for _, s in document.walk() if s.title == "Structure and groups")
    charts = [block for block in structure.blocks if isinstance(block, Figure)]
    assert [type(block) for block in structure.blocks[: len(charts)]] == [Figure] * len(charts)
    assert charts[0].caption == "The structure of the IOWSCP and its reporting lines"
    groups = structure.blocks[len(charts)]
    assert isinstance(groups, Table) and len(groups.rows) == 7
    scrutiny = next(s for _, s in document.walk() if "scrutineer" in s.title.casefold())
    assert any("Scott MacKechnie" in getattr(b, "text", "") for b in scrutiny.blocks)


def test_headings_are_the_first_phrase_in_full() -> None:
    assert heading_for("A summary of the activities undertaken by the partnership.") == (
        "A summary of the activities undertaken by the partnership"
    )
    long = heading_for(
        "Details of child safeguarding practice reviews/ local learning events undertaken "
        "during the year and action taken to improve practice."
    )
    assert long == (
        "Details of child safeguarding practice reviews/ local learning events undertaken "
        "during the year and action taken to improve practice"
    )
    assert heading_for("any changes (if there were some)") == "Any changes"


def test_without_required_contents_the_skeleton_says_so(iow2019: Dataset) -> None:
    document = yearly_report(iow2019)
    assert document.blocks_of(Placeholder)


@given(datasets())
def test_every_valid_model_gives_a_skeleton(dataset: Dataset) -> None:
    for partnership in dataset.partnerships:
        document = yearly_report(dataset, partnership.id)
        contents = partnership.yearly_report.contents if partnership.yearly_report else ()
        assert len(document.blocks_of(Placeholder)) >= max(1, len(contents))


def with_posts(dataset: Dataset, **changes: dict[str, object]) -> Dataset:
    """The dataset with some posts changed (by id)."""
    posts = tuple(
        attrs.evolve(post, **changes[post.id]) if post.id in changes else post
        for post in dataset.posts
    )
    return attrs.evolve(dataset, posts=posts)


def test_a_vacant_post_is_vacant_and_an_acting_holder_is_acting(iow: Dataset) -> None:
    """As `show` says it (Dataset.name_of): never "not stated" for a post the data says
    is vacant, and never a bare name for someone acting up."""
    dataset = with_posts(
        iow,
        **{
            "council-chief-executive": {"holder": None, "vacant": True},
            "chief-constable": {"acting": True},
        },
    )
    partners = next(s for _, s in yearly_report(dataset).walk() if s.title == "The partners")
    leads = partners.blocks[0]
    assert isinstance(leads, Table)
    assert [row[2] for row in leads.rows] == ["vacant", "Maggie MacIsaac", "Scott Chilton (acting)"]
    unknown = with_posts(iow, **{"council-chief-executive": {"holder": None}})
    section = next(s for _, s in yearly_report(unknown).walk() if s.title == "The partners")
    assert isinstance(section.blocks[0], Table)
    assert section.blocks[0].rows[0][2] == "not stated"


def test_the_arrangements_say_vacant_and_acting_too(iow: Dataset) -> None:
    from safeguarding_model.documents import arrangements

    dataset = with_posts(
        iow,
        **{
            "director-of-childrens-services": {"holder": None, "vacant": True},
            "area-commander": {"acting": True},
            "independent-scrutineer": {"acting": True},
        },
    )
    document = arrangements(dataset)
    delegated = next(s for _, s in document.walk() if s.title.startswith("Delegated"))
    table = delegated.blocks[1]
    assert isinstance(table, Table)
    assert [row[0] for row in table.rows] == [
        "vacant",
        "Fiona Holder",
        "Nigel Lecointe",
        "Rob Mitchell (acting)",
    ]
    scrutiny = next(s for _, s in document.walk() if s.title == "Independent Scrutineer")
    first = scrutiny.blocks[0]
    assert getattr(first, "text", "") == "The independent scrutineer is Scott MacKechnie (acting)."
