"""Governance graph build time against a plain networkx build, reported as ratios
(never asserted).

    python benchmarks/bench_graph.py [NODES]

Generates a deterministic national-scale model of about NODES graph nodes (default
10,000): partnerships in regions of four, each region sharing a police force, an
integrated care board and a collaboration with its own executive and subgroups; each
partnership with a council and its services, relevant agencies, sectors, functional
links, posts and people, an executive group, a partnership board, subgroups and task
and finish groups under them. The data is synthetic and only for timing.

It times (a) ``build_graph`` on the model, and (b) the baseline: building a plain
``nx.MultiDiGraph`` from the finished node and edge lists (the least any build must
do), and prints the ratio. It then times the build at a third and two thirds of the
size, with Python's cyclic garbage collector on and off, to show that the time per
node stays flat; and the structural findings and a sweep of queries (who chairs
what, the members and the accountability line of every group, an escalation route
from every partnership's subgroups to its region's executive, every seat of every
police force) at the same sizes, per group, to show that nothing grows faster than
the number of groups and partnerships.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from functools import partial
from typing import Any

import networkx as nx

from safeguarding_model.graph import GovernanceGraph, build_graph
from safeguarding_model.model import (
    Area,
    Chair,
    Collaboration,
    Dataset,
    DelegatedPartner,
    FunctionalLink,
    Group,
    GroupKind,
    GuidanceEdition,
    LeadPartner,
    Line,
    Member,
    MemberCapacity,
    Observer,
    Organisation,
    OrganisationKind,
    Partnership,
    PartnershipRole,
    Person,
    Post,
    Regime,
    RelevantAgency,
    Scrutineer,
    SectorRepresentation,
    StatutoryRole,
)
from safeguarding_model.model.values import Cadence

SERVICES = (
    "adult-social-care",
    "education",
    "housing",
    "public-health",
    "regulatory",
    "youth-justice",
)
SECTORS = (
    ("schools", OrganisationKind.SCHOOL_SECTOR),
    ("early-years", OrganisationKind.EARLY_YEARS_SECTOR),
    ("voluntary", OrganisationKind.VOLUNTARY_SECTOR),
)
AGENCY_KINDS = (
    OrganisationKind.NHS_TRUST,
    OrganisationKind.HEALTH_PROVIDER,
    OrganisationKind.PROBATION,
    OrganisationKind.FIRE_AND_RESCUE,
    OrganisationKind.COURT_SERVICE,
)
SUBGROUPS = ("performance", "learning", "education", "workforce", "exploitation", "neglect")
NODES_PER_PARTNERSHIP = 61  # including a quarter of a region's shared nodes


class _Region:
    """The organisations, posts and people a region of four partnerships shares."""

    def __init__(self, number: int) -> None:
        r = f"r{number:03d}"
        self.prefix = r
        self.police = Organisation(
            id=f"{r}-police", name=f"Police force {number}", kind=OrganisationKind.POLICE
        )
        self.icb = Organisation(
            id=f"{r}-icb",
            name=f"Integrated care board {number}",
            kind=OrganisationKind.INTEGRATED_CARE_BOARD,
        )
        self.people = [
            Person(id=f"{r}-person-{i}", name=f"Regional person {number}.{i}") for i in range(3)
        ]
        self.posts = [
            Post(
                id=f"{r}-chief-constable",
                title="Chief Constable",
                organisation=self.police.id,
                holder=self.people[0].id,
            ),
            Post(
                id=f"{r}-icb-chief",
                title="Chief Executive",
                organisation=self.icb.id,
                holder=self.people[1].id,
            ),
            Post(
                id=f"{r}-police-lead",
                title="Chief Superintendent",
                organisation=self.police.id,
                holder=self.people[2].id,
            ),
            Post(
                id=f"{r}-icb-safeguarding", title="Safeguarding Director", organisation=self.icb.id
            ),
        ]
        self.members: list[str] = []

    def collaboration(self) -> Collaboration:
        r = self.prefix
        executive = Group(
            id=f"{r}-executive",
            name=f"Regional Executive Group {r}",
            kind=GroupKind.EXECUTIVE_GROUP,
            chairs=(Chair(post=f"{r}-police-lead"),),
            members=(
                Member(
                    organisation=self.police.id, text="the force, through its safeguarding lead"
                ),
                Member(organisation=self.icb.id),
                Member(role=PartnershipRole.PARTNERSHIP_CHAIR),
            ),
        )
        subgroups = tuple(
            Group(
                id=f"{r}-{name}",
                name=f"Regional {name} group",
                kind=GroupKind.SUBGROUP,
                parent=executive.id,
            )
            for name in ("health", "exploitation", "procedures")
        )
        return Collaboration(
            id=f"{r}-collaboration",
            name=f"Region {r}",
            members=tuple(self.members),
            groups=(executive, *subgroups),
        )


def _partnership(
    number: int, region: _Region
) -> tuple[list[Organisation], list[Person], list[Post], Partnership]:
    p = f"p{number:04d}"
    council = Organisation(
        id=f"{p}-council", name=f"Council {number}", kind=OrganisationKind.LOCAL_AUTHORITY
    )
    services = [
        Organisation(
            id=f"{p}-{s}",
            name=f"{s.replace('-', ' ').title()}, Council {number}",
            kind=OrganisationKind.LOCAL_AUTHORITY_SERVICE,
            parent=council.id,
        )
        for s in SERVICES
    ]
    agencies = [
        Organisation(
            id=f"{p}-agency-{i}",
            name=f"Agency {number}.{i}",
            kind=AGENCY_KINDS[i % len(AGENCY_KINDS)],
        )
        for i in range(15)
    ]
    sectors = [
        Organisation(id=f"{p}-{s}", name=f"{s.title()} sector {number}", kind=k) for s, k in SECTORS
    ]
    boards = [
        Organisation(id=f"{p}-board-{i}", name=f"Board {number}.{i}", kind=OrganisationKind.BOARD)
        for i in range(5)
    ]
    people = [Person(id=f"{p}-person-{i}", name=f"Person {number}.{i}") for i in range(8)]
    posts = [
        Post(
            id=f"{p}-chief-executive",
            title="Chief Executive",
            organisation=council.id,
            holder=people[0].id,
        ),
        Post(
            id=f"{p}-dcs",
            title="Director of Children's Services",
            organisation=council.id,
            holder=people[1].id,
        ),
        Post(
            id=f"{p}-education-director",
            title="Education Director",
            organisation=council.id,
            holder=people[2].id,
        ),
        Post(
            id=f"{p}-social-care-head",
            title="Head of Social Care",
            organisation=council.id,
            holder=people[3].id,
        ),
        Post(
            id=f"{p}-early-help-head",
            title="Head of Early Help",
            organisation=council.id,
            holder=people[4].id,
        ),
        Post(
            id=f"{p}-scrutineer",
            title="Independent Scrutineer",
            independent=True,
            holder=people[5].id,
        ),
        Post(
            id=f"{p}-cabinet-member",
            title="Cabinet Member",
            organisation=council.id,
            holder=people[6].id,
        ),
        Post(
            id=f"{p}-business-manager",
            title="Business Manager",
            organisation=council.id,
            holder=people[7].id,
        ),
    ]
    executive = f"{p}-executive"
    board = f"{p}-board"
    subgroup_ids = [f"{p}-{name}-group" for name in SUBGROUPS]
    groups = [
        Group(
            id=executive,
            name=f"Executive Group {number}",
            kind=GroupKind.EXECUTIVE_GROUP,
            chairs=(Chair(partnership_chair=True),),
            members=(
                Member(role=PartnershipRole.DELEGATED_SAFEGUARDING_PARTNERS),
                Member(chair_of=tuple(subgroup_ids)),
                Member(text="senior education leaders", capacity=MemberCapacity.REPRESENTATIVE),
            ),
            meets=Cadence.QUARTERLY,
            escalates_to=(Line(to=f"{region.prefix}-executive"),),
        ),
        Group(
            id=board,
            name=f"Partnership Board {number}",
            kind=GroupKind.PARTNERSHIP_BOARD,
            chairs=(Chair(partnership_chair=True),),
            members=(
                Member(role=PartnershipRole.RELEVANT_AGENCIES),
                Member(role=PartnershipRole.DELEGATED_SAFEGUARDING_PARTNERS),
            ),
        ),
    ]
    for i, gid in enumerate(subgroup_ids):
        chair = Chair(post=posts[2 + i % 3].id) if i % 2 == 0 else Chair(nominated_by=executive)
        groups.append(
            Group(
                id=gid,
                name=f"{SUBGROUPS[i].title()} Subgroup {number}",
                kind=GroupKind.SUBGROUP,
                chairs=(chair,),
                members=(Member(post=posts[2 + i % 3].id), Member(organisation=agencies[i].id)),
                reports_to=(Line(to=executive, cadence=Cadence.QUARTERLY),) if i != 5 else (),
                escalates_to=(Line(to=executive),),
                joint_with=(boards[0].id,) if i == 3 else (),
            )
        )
    for i in range(2):
        groups.append(
            Group(
                id=f"{p}-task-{i}",
                name=f"Task and Finish Group {number}.{i}",
                kind=GroupKind.TASK_AND_FINISH_GROUP,
                parent=subgroup_ids[i],
                members=(Member(organisation=agencies[5 + i].id),),
            )
        )
    partnership = Partnership(
        id=p,
        name=f"Safeguarding Children Partnership {number}",
        regimes=(Regime(instrument=GuidanceEdition.WORKING_TOGETHER_2023),),
        area=Area(text=f"The area of council {number}", local_authorities=(council.id,)),
        lead_partners=(
            LeadPartner(
                role=StatutoryRole.LOCAL_AUTHORITY, organisation=council.id, post=posts[0].id
            ),
            LeadPartner(
                role=StatutoryRole.INTEGRATED_CARE_BOARD,
                organisation=region.icb.id,
                post=region.posts[1].id,
            ),
            LeadPartner(
                role=StatutoryRole.CHIEF_OFFICER_OF_POLICE,
                organisation=region.police.id,
                post=region.posts[0].id,
            ),
        ),
        delegated_partners=(
            DelegatedPartner(post=posts[1].id, acts_for=StatutoryRole.LOCAL_AUTHORITY),
            DelegatedPartner(post=region.posts[3].id, acts_for=StatutoryRole.INTEGRATED_CARE_BOARD),
            DelegatedPartner(
                post=region.posts[2].id, acts_for=StatutoryRole.CHIEF_OFFICER_OF_POLICE
            ),
        ),
        chairs=(Chair(post=posts[1].id),),
        escalates_to=(Line(to=f"{region.prefix}-executive"),),
        scrutineers=(Scrutineer(post=posts[5].id),),
        relevant_agencies=tuple(
            RelevantAgency(organisation=o.id) for o in (*services, *agencies, *sectors)
        ),
        sector_representation=(
            SectorRepresentation(
                sector=sectors[1].id, via=services[1].id, text="through the early years team"
            ),
            SectorRepresentation(
                sector=sectors[2].id, groups=(board,), text="on the partnership board"
            ),
        ),
        observers=(Observer(post=posts[6].id),),
        functional_links=tuple(FunctionalLink(organisation=b.id) for b in boards),
        groups=tuple(groups),
    )
    organisations = [council, *services, *agencies, *sectors, *boards]
    return organisations, people, posts, partnership


def national(nodes: int = 10_000) -> Dataset:
    """A deterministic model with about ``nodes`` graph nodes."""
    count = max(1, round(nodes / NODES_PER_PARTNERSHIP))
    organisations: list[Organisation] = []
    people: list[Person] = []
    posts: list[Post] = []
    partnerships: list[Partnership] = []
    collaborations: list[Collaboration] = []
    region: _Region | None = None
    for number in range(count):
        if number % 4 == 0:
            if region is not None:
                collaborations.append(region.collaboration())
            region = _Region(number // 4)
            organisations += [region.police, region.icb]
            people += region.people
            posts += region.posts
        assert region is not None
        orgs, persons, own_posts, partnership = _partnership(number, region)
        organisations += orgs
        people += persons
        posts += own_posts
        partnerships.append(partnership)
        region.members.append(partnership.id)
    if region is not None:
        collaborations.append(region.collaboration())
    return Dataset(
        organisations=tuple(organisations),
        people=tuple(people),
        posts=tuple(posts),
        partnerships=tuple(partnerships),
        collaborations=tuple(collaborations),
    )


def best_of(repeats: int, action: Callable[[], object]) -> float:
    """The fastest of several runs, in seconds."""
    times = []
    for _ in range(repeats):
        gc.collect()  # start each run from the same heap; the collector stays on
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def plain_build(nodes: list[Any], edges: list[Any]) -> Any:
    """The baseline: a MultiDiGraph from finished node and edge lists."""
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    return graph


def query_sweep(governance: GovernanceGraph) -> int:
    """Ask the questions people ask, of every body; returns how many were asked."""
    dataset = governance.dataset
    asked = 1
    governance.chairs()
    for _, group in dataset.groups():
        governance.members(group.id)
        governance.accountability(group.id)
        asked += 2
    for partnership in dataset.partnerships:
        region = partnership.escalates_to[0].to
        for group in partnership.groups[2:4]:
            governance.escalation(group.id, region)
            asked += 1
    for collaboration in dataset.collaborations:
        police = collaboration.id.replace("-collaboration", "-police")
        governance.sits_on(police)
        asked += 1
    return asked


def main(target: int) -> None:
    dataset = national(target)
    first = build_graph(dataset)
    nodes = list(first.graph.nodes(data=True))
    edges = list(first.graph.edges(keys=True, data=True))
    print(
        f"model: {len(dataset.partnerships)} partnerships, {len(nodes)} nodes, {len(edges)} edges"
        f", {len(first.problems)} unresolved references"
    )
    build = best_of(5, lambda: build_graph(dataset))
    plain = best_of(5, lambda: plain_build(nodes, edges))
    print(f"build_graph            {build:8.3f} s")
    print(f"plain MultiDiGraph     {plain:8.3f} s   (from finished node and edge lists)")
    print(f"ratio                  {build / plain:8.2f}")
    print()
    print("Growth (the collector's full passes make the times with it on less even):")
    print("nodes   edges   build(s)  us/node   collector off: build(s)  us/node")
    for size in sorted({max(1, target // 3), max(1, 2 * target // 3), target}):
        part = national(size)
        count = build_graph(part).graph.number_of_nodes()
        links = build_graph(part).graph.number_of_edges()
        seconds = best_of(3, partial(build_graph, part))
        gc.disable()
        try:
            quiet = best_of(3, partial(build_graph, part))
        finally:
            gc.enable()
        print(
            f"{count:>5}  {links:>6}  {seconds:>9.3f}  {1e6 * seconds / count:>7.1f}"
            f"  {quiet:>23.3f}  {1e6 * quiet / count:>7.1f}"
        )
    print()
    governance = build_graph(dataset)
    findings = best_of(3, governance.structure)
    found = len(governance.structure().findings)
    print(f"structure findings     {findings:8.3f} s   ({found} findings)")
    print(f"ratio to the build     {findings / build:8.2f}")
    print()
    print("Findings and queries per group (flat when nothing is quadratic):")
    print("groups  structure(s)  us/group   queries  queries(s)  us/group")
    for size in sorted({max(1, target // 3), max(1, 2 * target // 3), target}):
        sized = build_graph(national(size))
        groups = len(sized.nodes_of("group"))
        structure = best_of(3, sized.structure)
        asked = query_sweep(sized)
        queries = best_of(3, partial(query_sweep, sized))
        print(
            f"{groups:>6}  {structure:>12.3f}  {1e6 * structure / groups:>8.1f}"
            f"  {asked:>8}  {queries:>10.3f}  {1e6 * queries / groups:>8.1f}"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
