"""Statutory checks by guidance edition and date: the rules layer.

A :class:`Rule` rests on an instrument (the Children Act 2004, the relevant agency
regulations, an edition of Working Together, the Children's Wellbeing and Schools Act
2026, the Care Act 2014, or the package's own structural checks), cites where in it (a
chapter and topic, or a section: never an invented paragraph number), says what the
source asks (``must``, ``should``, ``may``) and how sure that source is (``confirmed``,
``secondary``, ``unconfirmed``: advisory), and checks a partnership as it stood on a
date. Rules are plugins: the built-in ones are the modules of
:mod:`safeguarding_model.rules.builtin`, and third parties add theirs through the
``register_rules`` hook.

:func:`check` applies the rules in force on a date to each partnership of a dataset,
by the edition of Working Together chosen from the date and the arrangements' regimes
(or asked for), and returns a :class:`CheckReport` of :class:`RuleFinding`\\ s (the
package's one diagnostic record). :func:`compliance` gives what the yearly report's
"Compliance with statutory guidance" section shows.

>>> import safeguarding_model as sm
>>> from safeguarding_model import rules
>>> report = rules.check(sm.load("isle-of-wight-2019"), "2019-09-30")
>>> report.checks[0].edition.key, report.failed()
('working-together-2018', False)

Importing this package imports pluggy (the plugin core); the governance graph
(networkx) is imported only when a structural rule runs.
"""

from __future__ import annotations

from .compliance import Compliance, ComplianceRow, compliance, compliance_of
from .context import Context
from .engine import CheckReport, PartnershipCheck, applicable, check, parse_assumptions
from .instruments import (
    EDITIONS,
    INSTRUMENTS,
    PROVISIONS,
    EditionChoice,
    InstrumentInfo,
    InstrumentKind,
    choose_edition,
    instrument,
    parse_edition,
)
from .registry import RULES, RuleManager, default_manager, reset_default_manager, sorted_rules
from .rule import Check, Evidence, Modality, Outcome, Rule, RuleFinding, RuleOutcome

__all__ = [
    "EDITIONS",
    "INSTRUMENTS",
    "PROVISIONS",
    "RULES",
    "Check",
    "CheckReport",
    "Compliance",
    "ComplianceRow",
    "Context",
    "EditionChoice",
    "Evidence",
    "InstrumentInfo",
    "InstrumentKind",
    "Modality",
    "Outcome",
    "PartnershipCheck",
    "Rule",
    "RuleFinding",
    "RuleManager",
    "RuleOutcome",
    "applicable",
    "check",
    "choose_edition",
    "compliance",
    "compliance_of",
    "default_manager",
    "instrument",
    "parse_assumptions",
    "parse_edition",
    "reset_default_manager",
    "sorted_rules",
]
