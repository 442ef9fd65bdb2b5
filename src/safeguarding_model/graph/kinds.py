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

from ..model.groups import LineKind
from ..model.values import Choice

__all__ = [
    "EDGE_ATTRIBUTES",
    "LINE_EDGES",
    "LINE_KINDS",
    "NOT_ACCOUNTABLE",
    "EdgeKind",
    "NodeKind",
    "edge_key",
    "key_kind",
]


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
    MEETING = "meeting"
    COURSE = "course"
    TOOL = "tool"
    CONTACT = "contact"


class EdgeKind(Choice):
    """What an edge means. The value is the edge's ``kind`` attribute and the key of the
    first edge of that kind between two nodes; a repeat is keyed ``kind#2``,
    ``kind#3``, ... (see ``edge_key``), so no fact the model gives is dropped."""

    REPORTS_TO = "reports-to"
    """body -> the body it reports to and answers to: a line whose meaning is
    ``accountable-to`` (stated so, or a line of a ``reports_to`` list that gives no other
    meaning): a group's ``reports_to``, a partnership's ``reports_to`` (to a lead
    partners' forum above it), or a line of a partnership's or collaboration's ``lines``
    from its ``by``. A line to several bodies "and/or" is one edge to each, each with
    ``alternatives``: the ids of the others."""

    REPORTS_FOR_INFORMATION_TO = "reports-for-information-to"
    """body -> the body it sends information to without answering to it (a line of kind
    ``for-information``: a subgroup's report to the Health and Wellbeing Board). Never
    accountability: no ``accountable-to`` edge is derived from it."""

    ADVISES = "advises"
    """body -> the body it advises or makes recommendations to (a line of kind
    ``advises``). Never accountability: no ``accountable-to`` edge is derived from it."""

    REPORTS_TO_MEANING_NOT_STATED = "reports-to-meaning-not-stated"
    """body -> the body it reports to where the document does not say whether it answers
    to it or only informs it (a line of kind ``reports-to``). Never accountability: no
    ``accountable-to`` edge is derived from it, and a group with only such lines
    answers, derived, as a group with no line of accountability does."""

    ACCOUNTABLE_TO = "accountable-to"
    """Derived (always ``derived``, with the rule in ``via``): a body -> the body it
    answers to. Accountability goes no further than the data:

    - a body answers to the bodies it has a stated line of accountability to (a
      ``reports-to`` edge: its ``line_kind`` is ``accountable-to``); never along a line
      for information, of advice, of escalation or of a meaning the document does not
      state. A line to several bodies "and/or"
      gives one edge to each, each with ``alternatives`` (the others) and saying so in
      ``via``: the body answers to one or more of them, the data does not say which;
    - a group with no such line in place answers to the group it sits under, and
      failing that to its partnership or collaboration; a group of kind
      ``leadership-group`` (the lead partners' forum above the partnership) is the top:
      it answers to nothing by this rule, never to the partnership it leads;
    - a partnership answers to its lead safeguarding partners (the post where the data
      names it, else the organisation), and to a body above it (a leadership group)
      only along a stated line;
    - a collaboration answers to no one unless a stated line says so: taking part in
      a collaboration never makes one partnership's group accountable to another
      partnership or its lead partners;
    - a delegated partner's post answers to the lead partner it acts for.
    """

    ESCALATES_TO = "escalates-to"
    """body -> the body it escalates to (an ``escalates_to`` line of a group or a
    partnership, or a line of kind ``escalates-to`` from a ``by``)."""

    MEMBER_OF = "member-of"
    """post, person or organisation -> group, expanded from roles, sectors and chairs of
    groups; -> partnership, from the partnership's own ``members`` where the document
    gives them apart from its groups'."""

    CHAIRS = "chairs"
    """post, person or organisation -> the group or partnership it chairs: a chair's
    ``post``, ``person`` or ``organisation`` (an agency only: "chaired by the police"),
    each organisation or post a rotating chair passes between (``via`` says it rotates,
    ``period`` its period in the document's words, ``order`` its place when the
    rotation is in order), and, derived, the holders of the role a chair is ``one_of``
    (each edge says the chair is one of them) and the partnership chair's post for a
    group chaired by the partnership chair. Also post -> an organisation outside the
    partnership the post chairs (a post's ``also_chairs``)."""

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

    LEAD_PARTNER_THROUGH = "lead-partner-through"
    """the part of a lead partner's organisation the lead partner acts through (its
    ``through``: "the Local Authority (through Families, Children and Learning)") ->
    partnership, with the statutory role as ``capacity``. The part is not itself a lead
    partner: its organisation is."""

    SCRUTINISES = "scrutinises"
    """independent scrutineer's post -> partnership; and whoever performs one of the
    partnership's scrutiny mechanisms (a post, group, organisation or person in its
    ``by``, or, derived, the holders of its ``by_role``) -> partnership, with the
    mechanism's kind as ``capacity``."""

    OBSERVES = "observes"
    """participating observer (post or organisation) -> partnership."""

    LINKED_TO = "linked-to"
    """partnership -> a board or arrangement it has a functional link with."""

    JOINT_WITH = "joint-with"
    """group -> the board, partnership or collaboration it is run jointly with; a plan's
    objective -> the partnership, collaboration or organisation it is run jointly with
    (its ``joint_with``)."""

    REPRESENTS = "represents"
    """organisation -> the sector it represents (a sector representation's ``via``)."""

    REPRESENTED_IN = "represented-in"
    """sector -> the partnership whose arrangements say how it is represented."""

    PART_OF = "part-of"
    """group -> its partnership or collaboration; group -> parent group;
    organisation -> parent organisation; a plan's objective (or activity) -> the
    plan."""

    RELEVANT_AGENCY_OF = "relevant-agency-of"
    """organisation -> partnership."""

    COLLABORATES_IN = "collaborates-in"
    """partnership or organisation -> collaboration: a collaboration's ``members``, and
    a partnership's ``collaborations`` (the collaborations it says it takes part in;
    ``Dataset.members_of``)."""

    NOMINATES_CHAIR = "nominates-chair-of"
    """group or organisation -> the group or partnership whose chair it nominates."""

    CHAIR_MEMBER_OF = "chair-member-of"
    """group -> group (or partnership): the chair of the first is a member of the
    second."""

    AREA_OF = "area-of"
    """local authority -> the partnership whose area it defines, the group that covers
    its area (a group's ``covers``), or the collaboration that spans it (a
    collaboration's ``areas``)."""

    FOLLOWS_PROCEDURES_OF = "follows-procedures-of"
    """partnership -> the collaboration whose procedures it follows."""

    SUPPORTS_IN_KIND = "supports-in-kind"
    """organisation -> partnership it gives services to rather than money."""

    FUNDS = "funds"
    """organisation -> the partnership it contributes to (a funding contribution), with
    ``amount`` (whole pounds), ``percent`` (a share of the budget) or ``in_kind`` (the
    services given) and ``period``, as the data gives them; for a contribution paid on
    behalf of others, ``subject`` holds their ids (space-separated)."""

    PAYS_ON_BEHALF_OF = "pays-on-behalf-of"
    """organisation -> an organisation it pays the partnership's contribution for (a
    contribution's ``on_behalf_of``: a county council for the district councils), with
    the partnership in ``subject``."""

    HOSTS_BUDGET = "hosts-budget-of"
    """organisation, partnership or group -> the partnership whose budget it holds (the
    funding's ``hosted_by``: the accountable body, a fund hosted by a council)."""

    SHARES_BUDGET = "shares-budget-with"
    """partnership -> a board or partnership its one budget is shared with (the
    funding's ``shared_with``: the safeguarding adults board), with that body's share
    (``amount`` or ``percent``) where the funding's ``split`` gives it."""

    AGREES_BUDGET = "agrees-budget-of"
    """body or post -> the partnership whose budget it agrees (funding's ``agreed_by``,
    or, derived, the holders of its ``agreed_by_role``), with how often in
    ``cadence_text``."""

    APPROVED = "approved-arrangements-of"
    """body, post or person -> the partnership whose arrangements it approved
    (approval's ``by``, or, derived, the holders of its ``by_role``), with the date in
    ``period`` and the instrument in ``text``."""

    HOLDS_EVENT = "holds-event-for"
    """body or post -> the partnership whose recurring event or product it holds or
    produces (an annual conference, a newsletter): ``text`` is its name, ``capacity``
    ``event`` or ``product``, ``cadence`` and ``cadence_text`` how often."""

    RECEIVES_EVENT = "receives-event-of"
    """body or post -> the partnership whose recurring event or product it receives (an
    event's ``to``: the schools a newsletter is shared with), with the event's name in
    ``subject``."""

    HAS_DUTIES_IN = "has-duties-in"
    """post -> the partnership in which its duties are given (a duty of one post, such
    as the chair's), the items in ``text``."""

    OWNED_BY = "owned-by"
    """organisation -> an organisation that owns it (a company owned by two councils);
    document -> the partnership, collaboration or group that owns it; business plan ->
    the partnership or collaboration whose plan it is."""

    DELIVERS_SERVICES_FOR = "delivers-services-for"
    """organisation -> an organisation it delivers services for (a children's trust
    for a council)."""

    MONITORS = "monitors"
    """body or post -> a document it monitors (a regional strategy monitored by each
    partnership); body or post -> a business plan whose progress it reviews (a plan's
    ``reviews``: how often in ``cadence`` or ``cadence_text``, what it does with it in
    ``subject``)."""

    OWNS = "owns"
    """group, organisation or post -> a plan's objective (or activity) it owns (the
    objective's ``owners``); the owner of one of its actions too, with ``capacity``
    ``action``, the action in ``subject`` and its reporting year in ``period``."""

    LINKS_TO = "links-to"
    """objective -> another objective it links to (an objective's ``links``), with the
    document's words in ``text``."""

    MEETING_OF = "meeting-of"
    """meeting -> the group, partnership or collaboration that met, with the date in
    ``period``."""

    BROUGHT_TO = "brought-item-to"
    """organisation, post or body -> a meeting it brought an item to (presented,
    updated, facilitated: a meeting item's ``by``), the item in ``subject``."""

    OFFERS = "offers"
    """partnership, collaboration or organisation -> a training course it offers (a
    course's ``by``)."""

    ADOPTS = "adopts"
    """partnership or collaboration -> a practice tool it adopted (a tool's
    ``adopted_by``), with the tool's dates."""

    REPLACES = "replaces"
    """tool -> the tool it replaced (a tool's ``replaces``)."""

    CONTACT_FOR = "contact-for"
    """contact -> the body or post it is how to contact (a contact's ``of``)."""

    DELIVERS = "delivers"
    """body or post -> a document it delivers or coordinates; a delivery plan -> the
    document it is a delivery plan for."""

    @property
    def label(self) -> str:
        """The kind in words: ``reports to``, ``reports to (its meaning not stated)``."""
        if self is EdgeKind.REPORTS_TO_MEANING_NOT_STATED:
            return LineKind.REPORTS_TO.phrase
        return super().label

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


LINE_EDGES: dict[LineKind, EdgeKind] = {
    LineKind.ACCOUNTABLE_TO: EdgeKind.REPORTS_TO,
    LineKind.FOR_INFORMATION: EdgeKind.REPORTS_FOR_INFORMATION_TO,
    LineKind.ADVISES: EdgeKind.ADVISES,
    LineKind.ESCALATES_TO: EdgeKind.ESCALATES_TO,
    LineKind.REPORTS_TO: EdgeKind.REPORTS_TO_MEANING_NOT_STATED,
}
"""The kind of edge a line of each meaning is (``Line.meaning``)."""

LINE_KINDS = frozenset(kind.value for kind in LINE_EDGES.values())
"""The values of the edge kinds that are lines the data states."""

NOT_ACCOUNTABLE = (
    EdgeKind.REPORTS_FOR_INFORMATION_TO,
    EdgeKind.ADVISES,
    EdgeKind.REPORTS_TO_MEANING_NOT_STATED,
)
"""The kinds of line, escalation routes aside, that carry no accountability: for
information, of advice, and lines whose meaning the document does not state."""

EDGE_ATTRIBUTES: tuple[str, ...] = (
    "kind",
    "cadence",
    "text",
    "capacity",
    "derived",
    "via",
    "start",
    "end",
    "planned",
    "line_kind",
    "alternatives",
    "condition",
    "subject",
    "cadence_text",
    "period",
    "order",
    "amount",
    "percent",
    "in_kind",
    "through",
)
"""The attributes of every edge, in this order, ``None`` where the model says nothing:

- ``kind``: the ``EdgeKind`` value (the key without its ``#n``);
- ``cadence``: how often (a ``Cadence`` value) a line is used or an event recurs, and
  ``cadence_text`` the document's words where they are not a known cadence ("at least
  three times a year", "after every Board meeting", how often a budget is agreed);
- ``text``: the document's words; ``capacity``: a member's capacity, a chair's role, a
  lead or delegated partner's statutory role, a scrutiny mechanism's kind, an event's
  kind;
- ``derived``: true when the graph infers the edge rather than reads it, with ``via``
  saying how;
- ``start``, ``end`` (as written) and ``planned``;
- for a line (and an accountable-to edge that follows one): ``line_kind`` (its meaning,
  a ``LineKind`` value), ``alternatives`` (the ids of the other bodies of an "and/or"
  line, space-separated: the edge is one of alternatives), ``condition`` ("by
  exception") and ``subject`` (what is sent along it); ``subject`` is also a recurring
  event's name, a scrutiny mechanism's name and an approval's instrument;
- ``period``: a rotating chair's period in the document's words, a contribution's
  period or the date of an approval (as written); ``order``: a chair's place in a
  rotation given in order (from 1);
- for a funding contribution: ``amount`` (whole pounds), ``percent`` and ``in_kind``
  (the services given, joined by semicolons);
- ``through``: the ids of the bodies a line passes through (its ``via``: "via the
  Scrutiny and Challenge Group"), space-separated.
"""
