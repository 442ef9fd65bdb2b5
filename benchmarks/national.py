"""A deterministic national-scale model for benchmarks: partnerships in regions that
share their police force, integrated care board and a collaboration, with business
plans and dated history, written as a folder of YAML files.

    python benchmarks/national.py [PARTNERSHIPS] [FOLDER]

Each partnership is a copy of the shipped Isle of Wight 2024 arrangements (its
organisations, people, posts, groups, lines and governed documents, with their dates)
with its ids prefixed (``p007-executive-group``) and its name numbered, plus:

- a business plan: a copy of the shipped Hampshire plan 2020-23, its objectives owned
  by the partnership's own groups and run jointly with a neighbour in its region;
- dated history beyond the template's (a former name, a regime with its dates, an
  integrated care board that replaced a clinical commissioning group): the 2018
  regime it followed until the 2024 arrangements, a task and finish group that ran
  from 2021 to 2023, and the tenure of its Director of Children's Services.

Partnerships come in regions of four. A region's police force, integrated care board,
the commissioning group it replaced, their posts and the people holding them are
shared: each partnership's file repeats them identically (as the format allows), and
the region's file holds them too, with the region's collaboration (the template's HIPS,
its executive group and subgroups, every partnership of the region a member) that each
partnership escalates to. So ``count`` partnerships make ``count`` partnership files and
``ceil(count / 4)`` region files; the same count always gives the same bytes.

:func:`alone` gives one partnership's file as it would be published on its own (the
collaboration naming that partnership only, its neighbours counted, not named, and
its plan run with no neighbour), to compare a document made from the national
dataset with the same document made from that partnership alone.

The data is synthetic and only for timing.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import attrs

from safeguarding_model import (
    Collaboration,
    Dataset,
    Group,
    GroupKind,
    GuidanceEdition,
    Partnership,
    dumps,
    load,
)
from safeguarding_model.model import PartialDate, Regime
from safeguarding_model.model.values import FormerName

REGION_SIZE = 4
TEMPLATE = "isle-of-wight-2024"
PLAN_TEMPLATE = "hips"

# The template's bodies that a region shares (everything they name is shared too).
_SHARED_ORGANISATIONS = (
    "hampshire-and-isle-of-wight-constabulary",
    "nhs-hampshire-and-isle-of-wight",
    "hampshire-and-isle-of-wight-partnership-of-ccgs",
)
_COLLABORATION = "hips"
_COUNCIL = "isle-of-wight-council"
_PARTNERSHIP = "isle-of-wight-scp"

# The Hampshire plan's owners, as groups of the template (by what they do).
_PLAN_GROUPS = {
    "safeguarding-adolescents-group": "child-exploitation-delivery-subgroup",
    "neglect-group": "performance-and-quality-assurance-group",
    "child-sexual-abuse-strategy-group": "learning-inquiry-group",
    "hscp-business-group": "executive-group",
    "hscp-child-exploitation-review-group": "child-exploitation-delivery-subgroup",
}
_PLAN_PARTNERSHIP = "hampshire-scp"
_PLAN_NEIGHBOUR = "isle-of-wight-scp"

# Fields that hold prose, never an id.
_PROSE = frozenset({"name", "title", "text", "note", "short_name", "description", "purpose"})


def _renamed(value: Any, names: dict[str, str | None]) -> Any:
    """A copy of an attrs value with every id in ``names`` renamed (an id renamed to
    None is dropped from the tuple that holds it)."""
    if isinstance(value, str):
        return names.get(value, value)
    if isinstance(value, tuple):
        renamed = (_renamed(v, names) for v in value)
        return tuple(
            v for v, old in zip(renamed, value, strict=True) if v is not None or old is None
        )
    if attrs.has(type(value)):
        changes = {
            f.name: _renamed(getattr(value, f.name), names)
            for f in attrs.fields(type(value))
            if f.name not in _PROSE and f.init
        }
        return attrs.evolve(value, **changes)
    return value


def _references(value: Any, ids: set[str]) -> Iterator[str]:
    """The ids of ``ids`` that ``value`` names anywhere."""
    if isinstance(value, str):
        if value in ids:
            yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _references(item, ids)
    elif attrs.has(type(value)):
        for f in attrs.fields(type(value)):
            if f.name not in _PROSE:
                yield from _references(getattr(value, f.name), ids)


@cache
def _template() -> tuple[Dataset, frozenset[str], frozenset[str]]:
    """The template, the ids a region shares with its partnerships, and the ids only
    the region's collaboration names (its groups, its chair's post, the other areas)."""
    template = load(TEMPLATE)
    ids = set(template.index())
    shared = set(_SHARED_ORGANISATIONS)
    for post in template.posts:
        if post.organisation in shared:
            shared.add(post.id)
            if post.holder:
                shared.add(post.holder)
    collaboration = template.get(_COLLABORATION)
    assert isinstance(collaboration, Collaboration)
    regional = {_COLLABORATION, *(g.id for g in collaboration.groups)}
    outside = {o.id for o in template.organisations}
    outside |= {p.id for p in template.posts} | {p.id for p in template.people}
    regional |= set(_references(collaboration, ids)) & outside - shared - {_COUNCIL}
    return template, frozenset(shared), frozenset(regional)


def _region_of(number: int) -> int:
    return number // REGION_SIZE


def _names(number: int) -> dict[str, str | None]:
    """Every template id as partnership ``number`` (or its region) calls it."""
    template, shared, regional = _template()
    p, r = f"p{number:03d}", f"r{_region_of(number):03d}"
    return {
        key: f"{r}-{key}" if key in shared or key in regional else f"{p}-{key}"
        for key in template.index()
    }


def _partnership_id(number: int) -> str:
    return f"p{number:03d}-{_PARTNERSHIP}"


def _council_id(number: int) -> str:
    return f"p{number:03d}-{_COUNCIL}"


def _numbered(dataset: Dataset, number: int) -> Dataset:
    """Names that tell the partnerships and regions apart, and the added history."""
    region = _region_of(number)
    p = f"p{number:03d}"
    organisations = []
    for organisation in dataset.organisations:
        if organisation.id == _council_id(number):
            organisation = attrs.evolve(organisation, name=f"Area {number} Council")
        elif organisation.id.endswith(_SHARED_ORGANISATIONS[0]):
            organisation = attrs.evolve(organisation, name=f"Region {region} Constabulary")
        elif organisation.id.endswith(_SHARED_ORGANISATIONS[1]):
            organisation = attrs.evolve(organisation, name=f"NHS Region {region}")
        organisations.append(organisation)
    posts = []
    for post in dataset.posts:
        if post.id == f"{p}-director-of-childrens-services":
            post = attrs.evolve(post, start=PartialDate.from_string(f"20{21 + number % 3}-09"))
        posts.append(post)
    partnerships = []
    for partnership in dataset.partnerships:
        partnerships.append(_history(partnership, number))
    return attrs.evolve(
        dataset,
        organisations=tuple(organisations),
        posts=tuple(posts),
        partnerships=tuple(partnerships),
    )


def _history(partnership: Partnership, number: int) -> Partnership:
    """The partnership numbered, with the 2018 regime it followed before and a task and
    finish group that has closed."""
    p = f"p{number:03d}"
    date = PartialDate.from_string
    old = Regime(
        instrument=GuidanceEdition.WORKING_TOGETHER_2018, start=date("2019-06"), end=date("2024-08")
    )
    parent = next(g for g in partnership.groups if g.kind is GroupKind.SUBGROUP)
    closed = Group(
        id=f"{p}-neglect-task-and-finish-group",
        name=f"Neglect Task and Finish Group {number}",
        kind=GroupKind.TASK_AND_FINISH_GROUP,
        parent=parent.id,
        start=date("2021-04"),
        end=date("2023-03"),
    )
    return attrs.evolve(
        partnership,
        name=f"Area {number} Safeguarding Children Partnership",
        short_name=f"A{number}SCP",
        former_names=(
            FormerName(name=f"Area {number} Safeguarding Children Board", end=date("2019-06")),
        ),
        regimes=(old, *partnership.regimes),
        groups=(*partnership.groups, closed),
    )


@cache
def _plan_template() -> Any:
    return load(PLAN_TEMPLATE).plans[0]


def _plan(number: int, neighbour: int | None) -> Any:
    """The Hampshire plan as partnership ``number``'s, run jointly with ``neighbour``."""
    plan = _plan_template()
    p = f"p{number:03d}"
    names: dict[str, str | None] = {plan.id: f"{p}-business-plan"}
    names.update({o.id: f"{p}-{o.id}" for o in plan.objectives})
    names.update({old: f"{p}-{new}" for old, new in _PLAN_GROUPS.items()})
    names[_PLAN_PARTNERSHIP] = _partnership_id(number)
    names[_PLAN_NEIGHBOUR] = None if neighbour is None else _partnership_id(neighbour)
    return attrs.evolve(_renamed(plan, names), title=f"Area {number} Business Plan 2020-23")


def _partnership_file(number: int, count: int, *, on_its_own: bool) -> Dataset:
    template, _, regional = _template()
    names = _names(number)
    copy: Dataset = _renamed(template, names)
    region = _region_of(number)
    members = range(region * REGION_SIZE, min(count, (region + 1) * REGION_SIZE))
    neighbour = next((n for n in members if n != number), None)
    kept = {names[key] for key in template.index() if key not in regional or on_its_own}
    copy = attrs.evolve(
        copy,
        organisations=tuple(o for o in copy.organisations if o.id in kept),
        people=tuple(o for o in copy.people if o.id in kept),
        posts=tuple(o for o in copy.posts if o.id in kept),
        collaborations=copy.collaborations if on_its_own else (),
        plans=(_plan(number, None if on_its_own else neighbour),),
    )
    return _numbered(copy, number)


def _region_file(region: int, count: int) -> Dataset:
    """The region's shared organisations, posts and people, and its collaboration."""
    _, shared, regional = _template()
    members = range(region * REGION_SIZE, min(count, (region + 1) * REGION_SIZE))
    first = _partnership_file(members[0], count, on_its_own=True)
    names = _names(members[0])
    wanted = {names[key] for key in shared | regional}
    collaboration = first.collaborations[0]
    collaboration = attrs.evolve(
        collaboration,
        name=f"Region {region}",
        short_name=f"R{region}",
        members=tuple(_partnership_id(n) for n in members),
        areas=tuple(_council_id(n) for n in members),
        partial=tuple(p for p in collaboration.partial if p.field != "members"),
    )
    return Dataset(
        organisations=tuple(o for o in first.organisations if o.id in wanted),
        people=tuple(o for o in first.people if o.id in wanted),
        posts=tuple(o for o in first.posts if o.id in wanted),
        collaborations=(collaboration,),
    )


def national(count: int) -> list[tuple[str, str]]:
    """``count`` partnership files and their regions' files, as (file name, YAML text):
    ``regions/r000.yaml`` ..., ``partnerships/p000.yaml`` ..."""
    files = [
        (f"regions/r{region:03d}.yaml", dumps(_region_file(region, count)))
        for region in range(math.ceil(count / REGION_SIZE))
    ]
    files += [
        (f"partnerships/p{n:03d}.yaml", dumps(_partnership_file(n, count, on_its_own=False)))
        for n in range(count)
    ]
    return files


def alone(number: int = 0) -> str:
    """Partnership ``number``'s file as it would be published on its own (YAML text)."""
    return dumps(_partnership_file(number, number + 1, on_its_own=True))


def partnership_id(number: int = 0) -> str:
    """The id of partnership ``number``."""
    return _partnership_id(number)


def write_national(count: int, folder: Path) -> list[Path]:
    """Write the national model of ``count`` partnerships into ``folder`` (which must
    not hold other data files); returns the paths written."""
    paths = []
    for name, text in national(count):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[2] if len(sys.argv) > 2 else "benchmarks/out/national")
    written = write_national(int(sys.argv[1]) if len(sys.argv) > 1 else 150, target)
    size = sum(p.stat().st_size for p in written) / 1e6
    print(f"wrote {len(written)} files ({size:.1f} MB) to {target}")
