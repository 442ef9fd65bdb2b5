"""Working Together to Safeguard Children 2023, chapters 2 and 5.

Read in briefings (secondary): lead safeguarding partners by post (the local
authority chief executive, the chief constable, the integrated care board's chief
executive) who jointly set the direction and sign off the arrangements, the budget, the
yearly report and the threshold document; a delegated safeguarding partner for each,
senior enough to decide (several allowed); a partnership chair agreed by the lead
partners; independent scrutiny; education and childcare in strategic decisions; an
agreed multi-agency data set; a yearly report with the impact and its evidence. That the
chair is normally a delegated partner, and the scrutiny's independence of the partners as
a test, are unconfirmed (advisory).
"""

from __future__ import annotations

from ...hooks.specs import Register, hookimpl
from ._editions import wt2023_rules

RULES = wt2023_rules("wt2023", "working-together-2023", "Working Together 2023")


@hookimpl
def register_rules(register: Register) -> None:
    for rule in RULES:
        register(rule)
