"""The engine: apply the rules in force on a date to each partnership, and report.

For each partnership that stood on the date (the view of
:meth:`~safeguarding_model.model.Dataset.as_of`), the engine chooses the edition of
Working Together it is checked by (:func:`~.instruments.choose_edition`), then applies:

- the rules of that edition;
- the rules of legislation in force on the date (a rule's own ``start`` and ``end``,
  else its instrument's): the integrated care board from 1 July 2022, whatever the
  edition;
- the rules of a provision not yet in force (``commences``) only from the commencement
  date given in ``assume_in_force``; otherwise each says, as information, that it is
  not yet in force;
- the rules of a regime the partnership declares (the Care Act 2014);
- the structural rules, on every date.

A rule whose dates start or end within the span of the date asked (``2022`` for the
integrated care boards) is not applied on a guess: it says that a day is needed. A rule
that raises is reported as such (at its own severity) and the others still run.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from .. import progress
from ..errors import Diagnostic, NothingStoodError, PluginProblem, Severity, UsageError
from ..model import Dataset, PartialDate, Partnership
from ..model.dates import OnDate, Span, after_source, as_of, date_text, later, parse_date, span_of
from .context import Context
from .instruments import (
    PROVISIONS,
    EditionChoice,
    InstrumentInfo,
    InstrumentKind,
    choose_edition,
    instrument,
    parse_edition,
)
from .registry import RuleManager, default_manager, sorted_rules
from .rule import Outcome, Rule, RuleFinding, RuleOutcome

__all__ = [
    "CheckReport",
    "PartnershipCheck",
    "applicable",
    "check",
    "parse_assumptions",
]

_SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@attrs.frozen(kw_only=True)
class PartnershipCheck:
    """One partnership checked on a date: the edition it was checked by and why
    (``reason``, ``notes``), what each rule applied came to (``outcomes``) and what the
    rules found (``findings``, errors first)."""

    partnership: str
    name: str
    edition: InstrumentInfo | None
    reason: str
    declared: InstrumentInfo | None = None
    chosen: bool = False
    notes: tuple[str, ...] = ()
    outcomes: tuple[RuleOutcome, ...] = ()
    findings: tuple[RuleFinding, ...] = ()

    def failed(self, strict: bool = False) -> bool:
        """Whether a ``must`` is not met (an error); with ``strict``, a ``should`` or an
        advisory rule too (a warning)."""
        bad = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
        return any(f.severity in bad for f in self.findings)

    def of(self, rule_id: str) -> tuple[RuleFinding, ...]:
        """The findings of one rule."""
        return tuple(f for f in self.findings if f.rule == rule_id)

    def outcome(self, rule_id: str) -> Outcome | None:
        """What one rule came to, or None when it did not apply."""
        return next((o.outcome for o in self.outcomes if o.rule.id == rule_id), None)

    def counts(self) -> dict[str, int]:
        """How many findings of each severity."""
        return {s.value: sum(f.severity == s for f in self.findings) for s in Severity}

    def _repr_html_(self) -> str:
        """The check in a notebook, its findings as a table
        (:mod:`safeguarding_model.notebook`, a face, imported only when displayed)."""
        from ..notebook.checks import check_html

        return check_html(self)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {
            "partnership": self.partnership,
            "name": self.name,
            "edition": None if self.edition is None else self.edition.key,
            "edition_title": None if self.edition is None else self.edition.title,
            "reason": self.reason,
            "declared": None if self.declared is None else self.declared.key,
            "chosen": self.chosen,
            "notes": list(self.notes),
            "failed": self.failed(),
            "counts": self.counts(),
            "outcomes": [o.to_dict() for o in self.outcomes],
            "findings": [f.to_dict() for f in self.findings],
        }


@attrs.frozen(kw_only=True)
class CheckReport:
    """The statutory check of a dataset on a date: each partnership's check, the date
    (``on``, and whether it was given or is today), the commencement dates assumed,
    cautions about the date, and the plugins that could not be used."""

    on: str
    on_given: bool
    checks: tuple[PartnershipCheck, ...]
    assumptions: tuple[tuple[str, str], ...] = ()
    cautions: tuple[str, ...] = ()
    problems: tuple[PluginProblem, ...] = ()

    def failed(self, strict: bool = False) -> bool:
        """Whether a ``must`` is not met for any partnership (with ``strict``, a
        ``should`` or an advisory rule too)."""
        return any(c.failed(strict) for c in self.checks)

    @property
    def findings(self) -> tuple[RuleFinding, ...]:
        """Every finding, partnership by partnership."""
        return tuple(f for c in self.checks for f in c.findings)

    def _repr_html_(self) -> str:
        """The check in a notebook, its findings as a table
        (:mod:`safeguarding_model.notebook`, a face, imported only when displayed)."""
        from ..notebook.checks import check_html

        return check_html(self)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {
            "on": self.on,
            "on_given": self.on_given,
            "assumptions": dict(self.assumptions),
            "failed": self.failed(),
            "cautions": list(self.cautions),
            "partnerships": [c.to_dict() for c in self.checks],
            "plugin_problems": [p.to_dict() for p in self.problems],
        }


def parse_assumptions(
    values: Iterable[str] | Mapping[str, OnDate] | None,
) -> dict[str, PartialDate]:
    """Commencement dates for provisions not yet in force: ``["s2=2027-09-01"]`` (as the
    command line gives them) or ``{"s2": "2027-09-01"}``. A clear error for a provision
    that is not one of :data:`~.instruments.PROVISIONS`, or a date that is not one."""
    if values is None:
        return {}
    pairs: list[tuple[str, Any]] = []
    if isinstance(values, Mapping):
        pairs = list(values.items())
    else:
        for value in values:
            key, sep, date = value.partition("=")
            if not sep or not key.strip() or not date.strip():
                raise UsageError(
                    f"--assume-in-force {value!r}: write PROVISION=DATE, such as s2=2027-09-01"
                )
            pairs.append((key.strip(), date.strip()))
    found: dict[str, PartialDate] = {}
    for key, date in pairs:
        if key not in PROVISIONS:
            known = "; ".join(
                f"{k}: {v[1]} of the {instrument(v[0]).title}" for k, v in PROVISIONS.items()
            )
            raise UsageError(f"{key!r} is not a provision awaiting commencement; they are: {known}")
        if isinstance(date, PartialDate):
            found[key] = date
            continue
        if isinstance(date, datetime.date):
            found[key] = PartialDate(year=date.year, month=date.month, day=date.day)
            continue
        try:
            found[key] = PartialDate.from_string(str(date))
        except ValueError:
            raise UsageError(
                f"--assume-in-force {key}={date}: not a date (write 2027, 2027-09 or 2027-09-01)"
            ) from None
    return found


def applicable(
    rule: Rule,
    span: Span,
    on_text: str,
    choice: EditionChoice,
    partnership: Partnership,
    assumptions: Mapping[str, PartialDate],
) -> tuple[bool, Outcome | None, str | None]:
    """Whether ``rule`` applies to ``partnership`` on ``span``: (applies, outcome,
    message). A rule that does not concern the partnership or the date is (False,
    None, None): left out. One that concerns it but cannot be applied is (False,
    outcome, why): not in force yet, or a date too vague to tell."""
    info = instrument(rule.instrument)
    edition = choice.edition.key if choice.edition is not None else None
    if info.kind is InstrumentKind.GUIDANCE and info.key != edition:
        return False, None, None
    if info.kind is InstrumentKind.REGIME:
        declared = {regime.instrument for regime in partnership.regimes}
        if info.regime not in declared:
            return False, None, None
    made = info.start if info.kind is InstrumentKind.LEGISLATION else None
    if made is not None and made.first_day() > span[1]:
        return False, None, None  # before the instrument was made
    start = rule.start or (info.start if info.kind is InstrumentKind.LEGISLATION else None)
    end = rule.end
    if start is not None and start.first_day() > span[1]:
        return False, None, None
    if end is not None and end.last_day() < span[0]:
        return False, None, None
    if rule.commences is not None:
        provision = PROVISIONS.get(rule.commences, (rule.instrument, rule.commences))[1]
        commencement = assumptions.get(rule.commences)
        if commencement is None:
            return (
                False,
                Outcome.NOT_IN_FORCE,
                f"not yet in force: {provision} of the {info.title} comes into force on a day "
                f"that regulations appoint, and none is known; give --assume-in-force "
                f"{rule.commences}=DATE to check it as if in force from DATE",
            )
        if commencement.first_day() > span[1]:
            return (
                False,
                Outcome.NOT_IN_FORCE,
                f"not in force on {on_text}: {provision} of the {info.title} is assumed to "
                f"come into force on {commencement}",
            )
        if commencement.last_day() > span[0]:
            return (
                False,
                Outcome.DATE_TOO_VAGUE,
                f"{provision} of the {info.title}, assumed in force from {commencement}, may or "
                f"may not have been in force on {on_text}: give a day",
            )
    if start is not None and start.last_day() > span[0]:
        return (
            False,
            Outcome.DATE_TOO_VAGUE,
            f"it applies from {start}, which falls within {on_text}: give a day to check it",
        )
    if end is not None and end.first_day() < span[1]:
        return (
            False,
            Outcome.DATE_TOO_VAGUE,
            f"it applies to {end}, which falls within {on_text}: give a day to check it",
        )
    return True, None, None


def _as_finding(context: Context, rule: Rule, item: object) -> RuleFinding:
    """What a check yielded, as a finding of ``rule`` at no more than its severity."""
    if isinstance(item, RuleFinding):
        if item.rule != rule.id:
            item = attrs.evolve(item, rule=rule.id)
        return attrs.evolve(item, severity=rule.limit(item.severity))
    if isinstance(item, Diagnostic):
        made = context.fail(
            item.message,
            path=item.path or None,
            expected=item.expected,
            found=item.found,
            code=item.code,
        )
        severity = rule.limit(item.severity)
        outcome = "not-met" if item.severity != Severity.INFO else "note"
        return attrs.evolve(made, severity=severity, suggestion=item.suggestion, outcome=outcome)
    raise TypeError(f"the check yielded {type(item).__name__}, not a Diagnostic")


def _run(context: Context, rule: Rule) -> tuple[Outcome, list[RuleFinding]]:
    found: list[RuleFinding] = []
    try:
        for item in rule.check(context):
            found.append(_as_finding(context, rule, item))
    except Exception as error:  # a rule that raises is reported, and the others still run
        words = str(error).strip()
        told = f"{type(error).__name__}: {words}" if words else type(error).__name__
        failure = context.note(
            f"the rule could not be checked: its check raised {told}",
            code="rule-raised",
            severity=rule.severity,
        )
        return Outcome.COULD_NOT_RUN, [*found, attrs.evolve(failure, outcome="could-not-run")]
    outcomes = {f.outcome for f in found}
    if "not-met" in outcomes:
        return Outcome.NOT_MET, found
    if "cannot-tell" in outcomes:
        return Outcome.CANNOT_TELL, found
    return Outcome.MET, found


def _check_partnership(
    context: Context, rules: list[Rule], choice: EditionChoice
) -> PartnershipCheck:
    outcomes: list[RuleOutcome] = []
    findings: list[RuleFinding] = []
    partnership = context.partnership
    for rule in rules:
        ruled = context.for_rule(rule)
        applies, outcome, why = applicable(
            rule, context.span, context.on_text, choice, partnership, context.assumptions
        )
        if not applies:
            if outcome is None:
                continue
            kind = "not-in-force" if outcome is Outcome.NOT_IN_FORCE else "date-too-vague"
            finding = attrs.evolve(ruled.note(why or outcome.value), outcome=kind)
            outcomes.append(RuleOutcome(rule=rule, outcome=outcome, findings=1))
            findings.append(finding)
            continue
        result, found = _run(ruled, rule)
        outcomes.append(RuleOutcome(rule=rule, outcome=result, findings=len(found)))
        findings += found
    findings.sort(key=lambda f: _SEVERITY_RANK[Severity(f.severity)])
    return PartnershipCheck(
        partnership=partnership.id,
        name=partnership.name,
        edition=choice.edition,
        reason=choice.reason,
        declared=choice.declared,
        chosen=choice.chosen,
        notes=choice.notes,
        outcomes=tuple(outcomes),
        findings=tuple(findings),
    )


def _why_not(partnership: Partnership, on_text: str, span: Span) -> str:
    """Why ``partnership`` did not stand on the date, in a sentence."""
    name = partnership.name
    began = later(partnership.start, partnership.effective)
    if began is not None and began.first_day() > span[1]:
        return f"{name}: these arrangements took effect {began}; nothing stood on {on_text}"
    if partnership.end is not None and partnership.end.last_day() < span[0]:
        return f"{name} ended {partnership.end}; nothing stood on {on_text}"
    return f"{name} did not stand on {on_text}"


def _caution(partnership: Partnership, span: Span, on_text: str) -> str | None:
    """A caution for a date after the source's publication: what the source does not
    date is read as it was then, and may have changed by the date checked."""
    published = after_source(partnership, span)
    if published is None:
        return None
    return (
        f"{partnership.label}: the source is of {published}; what it does not date "
        f"is read as it was then, and may have changed by {on_text}."
    )


def check(
    dataset: Dataset,
    on: OnDate | None = None,
    *,
    edition: InstrumentInfo | str | None = None,
    partnership: str | None = None,
    assume_in_force: Iterable[str] | Mapping[str, OnDate] | None = None,
    manager: RuleManager | None = None,
    rules: Iterable[Rule] | None = None,
    today: datetime.date | None = None,
) -> CheckReport:
    """Check ``dataset`` against the rules in force on ``on`` (by default today).

    ``edition`` (an edition's key, such as ``working-together-2023``) checks by that
    edition instead of the one chosen from the date and the arrangements' regimes;
    ``partnership`` (an id or name) checks that partnership only; ``assume_in_force``
    gives commencement dates for provisions not yet in force (``{"s2": "2027-09"}``).
    ``rules`` replaces the registered rules (by default those of ``manager``, itself by
    default the plugin core's). Raises
    :class:`~safeguarding_model.errors.NothingStoodError` when no partnership asked
    for stood on the date.

    >>> import safeguarding_model as sm
    >>> report = check(sm.load("isle-of-wight-2024"), "2024-10-01")
    >>> report.checks[0].edition.key, report.failed()
    ('working-together-2023', False)
    """
    on_given = on is not None
    date: PartialDate | datetime.date
    if on is None:
        date = today or datetime.date.today()
    elif isinstance(on, PartialDate | datetime.date):
        date = on
    else:
        date = parse_date(str(on))
    span = span_of(date)
    on_text = date_text(date)
    chosen = parse_edition(edition) if isinstance(edition, str) else edition
    assumptions = parse_assumptions(assume_in_force)
    view, _ = as_of(dataset, date)
    asked = list(dataset.partnerships)
    if partnership is not None:
        asked = [dataset.partnership(partnership)]
    if not asked:
        raise UsageError("this dataset holds no partnership to check")
    standing = {p.id: p for p in view.partnerships}
    gone = [p for p in asked if p.id not in standing]
    if len(gone) == len(asked):
        raise NothingStoodError("\n".join(_why_not(p, on_text, span) for p in gone), on_text)
    if manager is None and rules is None:
        manager = default_manager()
    if rules is not None:
        chosen_rules = sorted_rules(list(rules))
    else:
        assert manager is not None
        chosen_rules = manager.rules()
    problems = tuple(manager.problems()) if manager is not None else ()
    shared: dict[str, Any] = {}
    checks = []
    cautions = []
    for source_partnership in progress.steps(asked, "checking", unit="partnerships"):
        if source_partnership.id not in standing:
            cautions.append(_why_not(source_partnership, on_text, span) + ".")
            continue
        viewed = standing[source_partnership.id]
        choice = choose_edition(viewed, on_text, span, chosen)
        context = Context(
            source=dataset,
            dataset=view,
            partnership=viewed,
            on=date,
            span=span,
            edition=choice.edition,
            assumptions=assumptions,
            shared=shared,
        )
        checks.append(_check_partnership(context, chosen_rules, choice))
        caution = _caution(viewed, span, on_text)
        if caution:
            cautions.append(caution)
    return CheckReport(
        on=on_text,
        on_given=on_given,
        checks=tuple(checks),
        assumptions=tuple((k, str(v)) for k, v in sorted(assumptions.items())),
        cautions=tuple(cautions),
        problems=problems,
    )
