"""The domain model: attrs classes, frozen and pure.

The model imports nothing from files, graphs or plugins; the layers above it do. The
comparison of two versions (:mod:`.changes`) is imported when one of its names is
first used: loading a file does not need it.
"""

from typing import TYPE_CHECKING, Any

from .arrangements import (
    Approval,
    DocumentKind,
    Duty,
    EventKind,
    GovernedDocument,
    OutlineSection,
    RecurringEvent,
    ScrutinyKind,
    ScrutinyMechanism,
    SectionContent,
)
from .collaboration import Collaboration
from .dataset import SCHEMA, Dataset, Entity
from .groups import (
    Chair,
    ChairRole,
    DecisionMethod,
    DecisionRule,
    Group,
    GroupKind,
    Line,
    LineKind,
    Member,
    MemberCapacity,
    PartnershipRole,
    ReportingLine,
)
from .meetings import (
    Contact,
    ContactChannel,
    ContactKind,
    Course,
    CourseSession,
    Meeting,
    MeetingItem,
    Tool,
)
from .organisations import Organisation, OrganisationKind, Person, Post
from .partnership import (
    Area,
    BudgetShare,
    Contribution,
    DelegatedPartner,
    FunctionalLink,
    Funding,
    GuidanceEdition,
    Instrument,
    LeadPartner,
    Observer,
    Partnership,
    Procedures,
    PublishedReport,
    ReferencedDocument,
    Regime,
    RelevantAgency,
    ReviewSchedule,
    Scrutineer,
    SectorRepresentation,
    Source,
    StatutoryRole,
    SupportInKind,
    Training,
    YearlyReport,
)
from .plans import Action, ActionState, Objective, ObjectiveLink, Plan, PlanPart, ProgressReview
from .values import (
    Bound,
    Cadence,
    FieldError,
    FormerName,
    Item,
    PartialDate,
    PartialList,
    Scope,
    Succession,
    SuccessionKind,
    UnstatedPeriod,
)

__all__ = [
    "Contact",
    "ContactChannel",
    "ContactKind",
    "Course",
    "CourseSession",
    "Meeting",
    "MeetingItem",
    "Tool",
    "Action",
    "ActionState",
    "Objective",
    "ObjectiveLink",
    "Plan",
    "PlanPart",
    "ProgressReview",
    "Approval",
    "BudgetShare",
    "Contribution",
    "DocumentKind",
    "Duty",
    "EventKind",
    "GovernedDocument",
    "LineKind",
    "PartialList",
    "RecurringEvent",
    "ReportingLine",
    "ScrutinyKind",
    "ScrutinyMechanism",
    "OutlineSection",
    "SectionContent",
    "UnstatedPeriod",
    "Change",
    "ChangeHow",
    "ChangeKind",
    "Changes",
    "Compared",
    "MatchSource",
    "Topic",
    "changes_between",
    "compare",
    "SuccessionKind",
    "Succession",
    "Regime",
    "PublishedReport",
    "Instrument",
    "FormerName",
    "Bound",
    "SCHEMA",
    "Area",
    "Cadence",
    "Chair",
    "ChairRole",
    "Collaboration",
    "Dataset",
    "DecisionMethod",
    "DecisionRule",
    "DelegatedPartner",
    "Entity",
    "FieldError",
    "Funding",
    "FunctionalLink",
    "Group",
    "GroupKind",
    "GuidanceEdition",
    "Item",
    "LeadPartner",
    "Line",
    "Member",
    "MemberCapacity",
    "Observer",
    "Organisation",
    "OrganisationKind",
    "PartialDate",
    "Partnership",
    "PartnershipRole",
    "Person",
    "Post",
    "Procedures",
    "ReferencedDocument",
    "RelevantAgency",
    "ReviewSchedule",
    "Scope",
    "Scrutineer",
    "SectorRepresentation",
    "Source",
    "StatutoryRole",
    "SupportInKind",
    "Training",
    "YearlyReport",
]

if TYPE_CHECKING:
    from .changes import (
        Change,
        ChangeHow,
        ChangeKind,
        Changes,
        Compared,
        MatchSource,
        Topic,
        changes_between,
        compare,
    )


def __getattr__(name: str) -> Any:
    """The names of :mod:`.changes` (those of ``__all__`` not imported above),
    imported on first use."""
    if name in __all__:
        from . import changes

        value = getattr(changes, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
