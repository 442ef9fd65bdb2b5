"""The kinds of node and edge in the governance graph: one enumeration each.

Every edge points from the subordinate, member or holder to the superior, body or
thing held: ``A reports-to B`` is the edge ``A -> B``.

Edge keys: the ``MultiDiGraph`` keys each edge by its kind, so two facts about the
same pair of nodes are told apart by what they mean. When the model gives the same
kind of edge between the same two nodes more than once (a reporting line that ended
and one that replaced it, a post named directly and again through a role), every
one is kept: the first is keyed ``reports-to``, the second ``reports-to#2``, the
third ``reports-to#3``, in the model's order. The ``kind`` attribute is always the
plain kind, so filter on ``data["kind"]`` (or ``key_kind(key)``), not on the key.
"""

from __future__ import annotations

from ..model.values import Choice

__all__ = ["EdgeKind", "NodeKind", "edge_key", "key_kind"]


class NodeKind(Choice):
    """What a node stands for: one of the model's entities that have an id."""

    ORGANISATION = "organisation"
    PERSON = "person"
    POST = "post"
    PARTNERSHIP = "partnership"
    COLLABORATION = "collaboration"
    GROUP = "group"
    DOCUMENT = "document"
    PLAN = "plan"
    OBJECTIVE = "objective"


class EdgeKind(Choice):
    """What an edge means. The value is the edge's ``kind`` attribute and the key of the
    first edge of that kind between two nodes; a repeat is keyed ``kind#2``,
    ``kind#3``, ... (see ``edge_key``), so no fact the model gives is dropped."""

    REPORTS_TO = "reports-to"
    """group -> the body it reports to (a group's ``reports_to`` line, with its cadence)."""

    ACCOUNTABLE_TO = "accountable-to"
    """Derived: a body -> the body it answers to, up to the lead safeguarding partners.

    A group is accountable along its reporting lines; a group with none to the group
    it sits under; otherwise to its partnership or collaboration. A partnership is
    accountable to its lead safeguarding partners (the post where the data names it,
    else the organisation), a collaboration to its members, and a delegated partner's
    post to the lead partner it acts for. Escalation lines do not make a body
    accountable: an executive group can escalate to a body it does not answer to.
    """

    ESCALATES_TO = "escalates-to"
    """group or partnership -> the body it escalates to (an ``escalates_to`` line)."""

    MEMBER_OF = "member-of"
    """post or organisation -> group, expanded from roles, sectors and chairs of groups."""

    CHAIRS = "chairs"
    """post (or an organisation a chair rotates among) -> the group or partnership it chairs."""

    HOLDS_POST = "holds-post"
    """person -> post."""

    POST_IN = "post-in"
    """post -> the organisation it belongs to."""

    DELEGATES_FOR = "delegates-for"
    """delegated partner's post -> the lead partner's post (or organisation) it acts for:
    the lead partner whose organisation the delegated partner names, else the only lead
    partner in the role it acts for."""

    DELEGATED_PARTNER_OF = "delegated-partner-of"
    """delegated partner's post -> partnership."""

    LEAD_PARTNER_OF = "lead-partner-of"
    """lead partner's organisation, and its post where named -> partnership."""

    SCRUTINISES = "scrutinises"
    """independent scrutineer's post -> partnership."""

    OBSERVES = "observes"
    """participating observer (post or organisation) -> partnership."""

    LINKED_TO = "linked-to"
    """partnership -> a board or arrangement it has a functional link with."""

    JOINT_WITH = "joint-with"
    """group -> the board, partnership or collaboration it is run jointly with."""

    REPRESENTS = "represents"
    """organisation -> the sector it represents (a sector representation's ``via``)."""

    REPRESENTED_IN = "represented-in"
    """sector -> the partnership whose arrangements say how it is represented."""

    PART_OF = "part-of"
    """group -> its partnership or collaboration; group -> parent group;
    organisation -> parent organisation."""

    RELEVANT_AGENCY_OF = "relevant-agency-of"
    """organisation -> partnership."""

    COLLABORATES_IN = "collaborates-in"
    """partnership or organisation -> collaboration."""

    NOMINATES_CHAIR = "nominates-chair-of"
    """group -> the group or partnership whose chair it nominates."""

    CHAIR_MEMBER_OF = "chair-member-of"
    """group -> group: the chair of the first is a member of the second."""

    AREA_OF = "area-of"
    """local authority -> the partnership whose area it defines."""

    FOLLOWS_PROCEDURES_OF = "follows-procedures-of"
    """partnership -> the collaboration whose procedures it follows."""

    SUPPORTS_IN_KIND = "supports-in-kind"
    """organisation -> partnership it gives services to rather than money."""

    @property
    def phrase(self) -> str:
        """The kind in words, as a sentence uses it: ``reports to`` (the same as ``label``)."""
        return self.label


def edge_key(kind: str, number: int) -> str:
    """The key of the ``number``-th edge of ``kind`` between two nodes (from 1):
    ``reports-to``, then ``reports-to#2``, ``reports-to#3``, ..."""
    return kind if number == 1 else f"{kind}#{number}"


def key_kind(key: str) -> str:
    """The plain kind of an edge key: ``reports-to#2`` -> ``reports-to``."""
    return key.partition("#")[0]
