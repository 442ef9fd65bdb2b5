"""``safeguarding-model query SOURCE VERB [ARGS]``: ask the governance graph a question.

Verbs: ``accountability BODY``, ``escalation FROM TO``, ``chairs [BODY ...]``,
``sits-on WHO``, ``members BODY`` and ``structure [--strict]``; of the business plans,
``owns WHO``, ``unowned [PLAN]``, ``joint [PLAN]`` and ``progress [PLAN]``. A body, post
or person is named by id or by name, case-insensitively. ``--on DATE`` asks of the structure as
it stood on a date, and the answer says so first. Exit status: 0 answered, 1 no
escalation route (or, for ``structure``, an error, or with ``--strict`` a warning), or
nothing stood on the ``--on`` date; 2 bad input.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .. import progress
from ..documents import view_on
from ..documents.dated import on_sentence
from ..errors import NotFoundError, NothingStoodError, SafeguardingModelError
from ..model import PartialDate
from ..model.dates import span_of
from ..model.meaning import dated_words
from ..model.names import Names
from ._common import (
    add_source,
    cautions,
    load_source,
    nothing_stood,
    on_date,
    print_json,
    print_text,
)

if TYPE_CHECKING:
    from ..graph import GovernanceGraph

FORMATS = ("text", "json")
EXIT_NO_ANSWER = 1

Verb = Callable[["GovernanceGraph", argparse.Namespace], tuple[Any, int]]


def _accountability(gg: GovernanceGraph, args: argparse.Namespace) -> tuple[Any, int]:
    return gg.accountability(args.body), 0


def _escalation(gg: GovernanceGraph, args: argparse.Namespace) -> tuple[Any, int]:
    route = gg.escalation(args.start, args.end)
    return route, 0 if route.found else EXIT_NO_ANSWER


def _chairs(gg: GovernanceGraph, args: argparse.Namespace) -> tuple[Any, int]:
    return gg.chairs(*args.bodies), 0


def _sits_on(gg: GovernanceGraph, args: argparse.Namespace) -> tuple[Any, int]:
    return gg.sits_on(args.who), 0


def _members(gg: GovernanceGraph, args: argparse.Namespace) -> tuple[Any, int]:
    return gg.members(args.body), 0


def _structure(gg: GovernanceGraph, args: argparse.Namespace) -> tuple[Any, int]:
    report = gg.structure()
    return report, EXIT_NO_ANSWER if report.failed(strict=args.strict) else 0


def _owns(gg: GovernanceGraph, args: argparse.Namespace) -> tuple[Any, int]:
    return gg.owns(args.who), 0


def _unowned(gg: GovernanceGraph, args: argparse.Namespace) -> tuple[Any, int]:
    return gg.unowned(args.plan), 0


def _joint(gg: GovernanceGraph, args: argparse.Namespace) -> tuple[Any, int]:
    return gg.joint(args.plan), 0


def _progress(gg: GovernanceGraph, args: argparse.Namespace) -> tuple[Any, int]:
    return gg.progress(args.plan), 0


VERBS: dict[str, Verb] = {
    "accountability": _accountability,
    "escalation": _escalation,
    "chairs": _chairs,
    "sits-on": _sits_on,
    "members": _members,
    "structure": _structure,
    "owns": _owns,
    "unowned": _unowned,
    "joint": _joint,
    "progress": _progress,
}


def _add_options(parser: argparse.ArgumentParser, top: bool) -> None:
    # Accepted before or after the verb; the verb's parser must not reset them.
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text" if top else argparse.SUPPRESS,
        help="output format (default text)",
    )
    parser.add_argument(
        "--on",
        metavar="DATE",
        default=None if top else argparse.SUPPRESS,
        help="ask of the structure as it stood on a date: 2023, 2023-06 or 2023-06-30 "
        "(default: everything in the data, each entry with its dates, what is planned "
        "apart); exit status 1 when nothing stood then",
    )


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "query",
        help="ask the governance graph a question",
        description="Ask the governance graph of SOURCE a question: the accountability line "
        "of a body, the escalation route between two bodies, who chairs what, every body "
        "an organisation, post or person sits on, the members of a body, or the structural "
        "findings; of the business plans, what a body owns, the priorities whose owner "
        "is not given, the ones run jointly, and progress by year and state. "
        "Name bodies, posts and people by id or by name (case-insensitive). "
        "With --on DATE, the structure as it stood on that date. "
        "Exit status: 0 answered; 1 no escalation route, structure findings that fail, "
        "or nothing stood on the --on date; 2 bad input.",
    )
    add_source(parser)
    _add_options(parser, top=True)
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", required=True)

    def verb(name: str, help_text: str) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = verbs.add_parser(name, help=help_text, description=help_text)
        _add_options(sub, top=False)
        return sub

    sub = verb(
        "accountability",
        "the accountability line of a body, as far as the data goes: along stated lines of "
        "accountability and where bodies sit, up to the lead safeguarding partners, a "
        "leadership group or a collaboration that answers to no one; lines for information, "
        "of advice or whose meaning is not stated are listed apart, not followed",
    )
    sub.add_argument(
        "body", metavar="BODY", help="a group, partnership, collaboration, post or organisation"
    )
    sub = verb(
        "escalation",
        "the shortest escalation route from one body to another: escalation lines first, "
        "then lines of every other kind (each step says which), and where bodies sit",
    )
    sub.add_argument("start", metavar="FROM", help="the body a concern starts at")
    sub.add_argument("end", metavar="TO", help="the body it should reach")
    sub = verb("chairs", "who chairs each partnership and group")
    sub.add_argument("bodies", metavar="BODY", nargs="*", help="only these bodies (default: all)")
    sub = verb(
        "sits-on", "every body an organisation, post or person sits on, and in what capacity"
    )
    sub.add_argument("who", metavar="WHO", help="an organisation, post or person")
    sub = verb("members", "the members of a group, partnership or collaboration, expanded to posts")
    sub.add_argument("body", metavar="BODY", help="a group, partnership or collaboration")
    sub = verb(
        "structure", "structural findings: cycles, bodies reporting to no one, missing chairs, ..."
    )
    sub.add_argument("--strict", action="store_true", help="exit 1 on warnings as well as errors")
    sub = verb(
        "owns",
        "the objectives, activities and actions of the business plans a group, organisation, "
        "post or person owns (alone or jointly), with the plan, partners and years",
    )
    sub.add_argument("who", metavar="WHO", help="a group, organisation, post or person")
    plan_help = "only this business plan, by id or title (default: every plan)"
    sub = verb(
        "unowned",
        "the objectives and activities whose owner the data does not give: not stated in "
        "the source, or not given (unknown, never none)",
    )
    sub.add_argument("plan", metavar="PLAN", nargs="?", help=plan_help)
    sub = verb(
        "joint",
        "the objectives and activities run jointly with other partnerships, a collaboration "
        "or an organisation, and with whom",
    )
    sub.add_argument("plan", metavar="PLAN", nargs="?", help=plan_help)
    sub = verb(
        "progress",
        "each plan's progress by reporting year and by state of its actions (not stated "
        "where no document gives one)",
    )
    sub.add_argument("plan", metavar="PLAN", nargs="?", help=plan_help)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..graph import build_graph

    on = on_date(args.on)
    dataset = load_source(args.source)
    try:
        view = view_on(dataset, on)
    except NothingStoodError as error:
        return nothing_stood(error)
    with progress.stage("building the governance graph"):
        graph = build_graph(dataset, on=on)
    try:
        answer, status = VERBS[args.verb](graph, args)
    except NotFoundError as error:
        if on is None:
            raise
        return _not_then(dataset, graph, error, on)
    cautions(view.cautions)
    if args.format == "json":
        data = answer.to_dict()
        if on is not None:
            data = {"on": str(on), "cautions": list(view.cautions), **data}
        print_json(data)
    else:
        if on is not None:
            print_text(on_sentence(on))
        print_text(str(answer))
    return status


def _not_then(dataset: Any, graph: GovernanceGraph, error: NotFoundError, on: PartialDate) -> int:
    """A name the view on ``on`` does not hold: when the source holds it (it had not
    started, had ended, or is planned), say that it did not stand then, with its dates,
    and give the status of nothing standing; otherwise the name is unknown."""
    try:
        found = Names(dataset).resolve(error.key)
    except SafeguardingModelError:
        raise error from None
    if found.id in graph.graph:  # it stood then: the name was of the wrong kind
        raise error
    name = getattr(found, "name", None) or getattr(found, "title", error.key)
    dates = dated_words(
        getattr(found, "start", None),
        getattr(found, "end", None),
        span_of(on),
        planned=getattr(found, "planned", False),
    )
    why = f" ({dates})" if dates else ""
    return nothing_stood(NothingStoodError(f"{name}{why} did not stand on {on}.", str(on)))
