"""The Care Act 2014, for a partnership that declares it (an all-age partnership that
is also the safeguarding adults board).

``STATUTORY.md`` records nothing of the Act's duties, so no requirement of it is
checked: the one rule here says so whenever a partnership declares the regime, so that
a report never reads as if the adults' side had been checked.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...hooks.specs import Register, hookimpl
from ...model import Scope
from ..context import Context
from ..rule import Modality, Rule, RuleFinding

INSTRUMENT = "care-act-2014"


def not_checked(context: Context) -> Iterator[RuleFinding]:
    p = context.partnership
    yield context.unknown(
        "the arrangements declare the Care Act 2014; its duties (the safeguarding adults "
        "board) are not checked: no source of them has been read",
        path=context.path("regimes"),
    )
    if p.scope is not Scope.ALL_AGE:
        yield context.note(
            f"the arrangements declare the Care Act 2014, but their scope is {p.scope.label}, "
            "not all-age",
            path=context.path("scope"),
        )


RULES = (
    Rule(
        id="care-act-2014-not-checked",
        title="the Care Act 2014 is declared, and not checked",
        instrument=INSTRUMENT,
        reference="the safeguarding adults board (not read)",
        modality=Modality.MAY,
        evidence=None,
        basis="No source of the Care Act's duties has been read: the rule only says that "
        "they are not checked.",
        check=not_checked,
    ),
)


@hookimpl
def register_rules(register: Register) -> None:
    for rule in RULES:
        register(rule)
