"""The governance graph: a networkx ``MultiDiGraph`` built from a dataset, and the
questions it answers (accountability lines, escalation routes, chairs, seats,
memberships and structural findings; what a body owns in the business plans, the
priorities whose owner is not given, joint work and progress by year and state).

    >>> import safeguarding_model as sm
    >>> from safeguarding_model.graph import build_graph
    >>> gg = build_graph(sm.load("isle-of-wight-2024"))
    >>> [step.target.name for step in gg.escalation("PQA", "HIPS Executive Group").steps]
    ['Executive Group', 'Isle of Wight Safeguarding Children Partnership', 'HIPS Executive Group']
    >>> build_graph(sm.load("isle-of-wight-2024"), on="2024-09")
    <GovernanceGraph on 2024-09: 83 nodes, 230 edges>

Importing this package imports networkx; ``import safeguarding_model`` does not.
"""

from .answers import (
    AccountabilityLine,
    BodyChairs,
    ChairInfo,
    Chairs,
    EscalationRoute,
    Finding,
    MemberEntry,
    Membership,
    Place,
    Ref,
    Seat,
    Seats,
    Step,
    StructureReport,
)
from .build import build_graph
from .findings import CODES, structure
from .governance import GovernanceGraph
from .kinds import EDGE_ATTRIBUTES, LINE_EDGES, EdgeKind, NodeKind, edge_key, key_kind
from .plan_answers import (
    JointItem,
    JointWork,
    ObjectiveStates,
    Owned,
    Ownership,
    PartnerWork,
    PlanStates,
    PlanYear,
    Progress,
    StateCount,
    Unowned,
    UnownedItem,
    YearStates,
    joint,
    owns,
    progress,
    unowned,
)
from .queries import accountability, chairs, escalation, members, sits_on

__all__ = [
    "CODES",
    "EDGE_ATTRIBUTES",
    "LINE_EDGES",
    "AccountabilityLine",
    "BodyChairs",
    "ChairInfo",
    "Chairs",
    "EdgeKind",
    "EscalationRoute",
    "Finding",
    "GovernanceGraph",
    "JointItem",
    "JointWork",
    "MemberEntry",
    "Membership",
    "NodeKind",
    "ObjectiveStates",
    "Owned",
    "Ownership",
    "PartnerWork",
    "PlanStates",
    "PlanYear",
    "Progress",
    "Place",
    "Ref",
    "Seat",
    "Seats",
    "StateCount",
    "Step",
    "StructureReport",
    "Unowned",
    "UnownedItem",
    "YearStates",
    "accountability",
    "build_graph",
    "chairs",
    "edge_key",
    "escalation",
    "joint",
    "key_kind",
    "members",
    "owns",
    "progress",
    "sits_on",
    "structure",
    "unowned",
]
