"""What a rule is, and what checking one finds.

A :class:`Rule` is plain data: an id, the requirement in words, the instrument it
rests on (an Act, a set of regulations, an edition of Working Together, or the
package's own structural checks) and where in it (a chapter and topic, or a section:
never an invented paragraph number), its modality (``must``, ``should`` or ``may``,
as the source says), the evidence status of that source (``confirmed`` in the
legislation, ``secondary`` from a briefing that paraphrases it, ``unconfirmed``), the
dates it applies from and to, and a ``check`` function. Plugins build rules and hand
them to the ``register`` function of the ``register_rules`` hook.

A rule's ``check`` receives a :class:`~.context.Context` (the partnership as it stood
on the date checked, and helpers) and yields diagnostics; the engine makes each a
:class:`RuleFinding`, the package's one :class:`~safeguarding_model.errors.Diagnostic`
record with the rule's source, status and modality beside it.

How much a finding matters follows from the rule: a ``must`` not met is an error, a
``should`` a warning, a ``may`` information; a rule resting on an unconfirmed source is
advisory and one step milder (a ``must`` a warning, a ``should`` information).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs

from ..errors import Diagnostic, PluginError, Severity
from ..model import PartialDate

if TYPE_CHECKING:
    from .context import Context

__all__ = [
    "ID_RULE",
    "Check",
    "Evidence",
    "Modality",
    "Outcome",
    "Rule",
    "RuleFinding",
    "RuleOutcome",
    "milder",
]

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_RULE = (
    "lower-case letters and digits, in words joined by single hyphens, such as 'wt2023-lead-posts'"
)
"""What a rule id (and an instrument key) may be, in words."""


class Modality(enum.StrEnum):
    """What the source asks: ``must`` (a duty), ``should`` (an expectation) or ``may``
    (a permission, or a remark worth making)."""

    MUST = "must"
    SHOULD = "should"
    MAY = "may"

    @property
    def severity(self) -> Severity:
        """The severity of a finding that the requirement is not met."""
        return {
            Modality.MUST: Severity.ERROR,
            Modality.SHOULD: Severity.WARNING,
            Modality.MAY: Severity.INFO,
        }[self]


class Evidence(enum.StrEnum):
    """How sure the source of a rule is (see ``STATUTORY.md``)."""

    CONFIRMED = "confirmed"
    """Read in the primary source (legislation.gov.uk)."""
    SECONDARY = "secondary"
    """Read in a partnership site or briefing that quotes or paraphrases the source."""
    UNCONFIRMED = "unconfirmed"
    """Recollection only: a rule resting on it is advisory and says so."""


_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def milder(severity: Severity) -> Severity:
    """One step milder: an error a warning, a warning information."""
    return _ORDER[min(_ORDER.index(severity) + 1, len(_ORDER) - 1)]


def _at_most(severity: Severity, limit: Severity) -> Severity:
    return severity if _ORDER.index(severity) >= _ORDER.index(limit) else limit


Check: TypeAlias = Callable[["Context"], Iterable[Diagnostic]]
"""A rule's check: given the context, yields what it finds (nothing when it is met)."""


def _id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _ID.match(value):
        raise PluginError(f"rule {attribute.name}: expected {ID_RULE}, found {value!r}")


def _text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise PluginError(f"rule {attribute.name}: expected some text, found {value!r}")


def _optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _text(instance, attribute, value)


def _function(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not callable(value):
        raise PluginError(f"rule {attribute.name}: expected a function, found {value!r}")


def _date(value: object) -> PartialDate | None:
    if value is None or isinstance(value, PartialDate):
        return value
    if isinstance(value, str):
        try:
            return PartialDate.from_string(value)
        except ValueError as error:
            raise PluginError(f"rule date: {error}") from None
    raise PluginError(f"rule date: expected a date such as 2022-07-01, found {value!r}")


def _choice(kind: type[enum.StrEnum], value: object) -> Any:
    try:
        return kind(str(value))
    except ValueError:
        words = ", ".join(member.value for member in kind)
        raise PluginError(
            f"rule {kind.__name__.lower()}: expected one of {words}, found {value!r}"
        ) from None


def _modality(value: object) -> Modality:
    found: Modality = _choice(Modality, value)
    return found


def _evidence(value: object) -> Evidence | None:
    if value is None:
        return None
    found: Evidence = _choice(Evidence, value)
    return found


@attrs.frozen(kw_only=True)
class Rule:
    """One statutory (or structural) requirement and how to check it.

    ``id``
        unique among all rules, lower-case words joined by hyphens
        (``wt2023-lead-posts``); findings carry it as their ``code``.
    ``title``
        the requirement in words, one line ("the lead safeguarding partners are the
        posts the edition names").
    ``instrument``
        the key of the instrument it rests on (``children-act-2004``,
        ``working-together-2023``, ``structure``; see
        :data:`~.instruments.INSTRUMENTS`). A rule of an edition of Working Together
        applies when that edition is the one checked; a rule of another instrument
        applies by its dates. A plugin may name an instrument of its own.
    ``reference``
        where in the instrument: a chapter and topic (``ch.2, lead safeguarding
        partners``) or a section (``s.16E(3)(b)``), never an invented paragraph number.
    ``modality``
        ``must``, ``should`` or ``may``, as the source says.
    ``evidence``
        the evidence status of the source: ``confirmed``, ``secondary`` or
        ``unconfirmed`` (advisory); ``None`` for a check that rests on no statutory
        source (the structure of the data, the arrangements' own commitments).
    ``start``, ``end``
        the dates it applies from and to, where it does not apply for the whole life of
        its instrument (a ``PartialDate`` or text such as ``2022-07-01``).
    ``commences``
        the provision whose commencement it waits for (``s2``): it applies only once a
        commencement date is given (``--assume-in-force s2=DATE``).
    ``basis``
        what the source says, in words, and what the check can and cannot see.
    ``check``
        ``check(context)`` yields the diagnostics it finds (see :class:`~.context.Context`).
    ``distribution``
        filled in by the plugin manager: the distribution that registered it.
    """

    id: str = attrs.field(validator=_id)
    title: str = attrs.field(validator=_text)
    instrument: str = attrs.field(validator=_id)
    reference: str = attrs.field(validator=_text)
    modality: Modality = attrs.field(converter=_modality)
    evidence: Evidence | None = attrs.field(converter=_evidence)
    check: Check = attrs.field(validator=_function, metadata={"plain": False}, eq=False)
    start: PartialDate | None = attrs.field(default=None, converter=_date)
    end: PartialDate | None = attrs.field(default=None, converter=_date)
    commences: str | None = attrs.field(default=None, validator=attrs.validators.optional(_id))
    basis: str | None = attrs.field(default=None, validator=_optional_text)
    distribution: str | None = None

    def __attrs_post_init__(self) -> None:
        start, end = self.start, self.end
        if start is not None and end is not None and end.last_day() < start.first_day():
            raise PluginError(f"rule {self.id}: its end, {end}, is before its start")

    @property
    def advisory(self) -> bool:
        """Whether the rule rests on an unconfirmed source, and so only advises."""
        return self.evidence is Evidence.UNCONFIRMED

    @property
    def severity(self) -> Severity:
        """The severity of a finding that the rule is not met: by its modality, one step
        milder when it is advisory."""
        found = self.modality.severity
        return milder(found) if self.advisory else found

    def limit(self, severity: Severity) -> Severity:
        """``severity`` capped at the rule's own (a ``should`` cannot make an error)."""
        return _at_most(Severity(severity), self.severity)

    @property
    def status(self) -> str:
        """The evidence status in words, with ``advisory`` where it is unconfirmed."""
        if self.evidence is None:
            return "no statutory source"
        return f"{self.evidence.value}, advisory" if self.advisory else self.evidence.value

    @property
    def dates(self) -> str:
        """When it applies, in words: ``from 2022-07-01``, ``2018-06-29 to 2022-06-30``,
        ``on commencement of s2``; empty when it applies for the life of its instrument."""
        parts = []
        if self.start and self.end:
            parts.append(f"{self.start} to {self.end}")
        elif self.start:
            parts.append(f"from {self.start}")
        elif self.end:
            parts.append(f"to {self.end}")
        if self.commences:
            parts.append(f"on commencement of {self.commences}")
        return ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: every field but the check, with the status and dates in words."""
        return {
            "id": self.id,
            "title": self.title,
            "instrument": self.instrument,
            "reference": self.reference,
            "modality": self.modality.value,
            "evidence": None if self.evidence is None else self.evidence.value,
            "advisory": self.advisory,
            "severity": self.severity.value,
            "start": None if self.start is None else str(self.start),
            "end": None if self.end is None else str(self.end),
            "commences": self.commences,
            "basis": self.basis,
            "distribution": self.distribution,
        }


@attrs.frozen(kw_only=True)
class RuleFinding(Diagnostic):
    """What a rule found: a :class:`~safeguarding_model.errors.Diagnostic` whose
    ``code`` is the rule's id (or, for a structural rule, the structural finding's
    code), whose ``source`` cites the instrument and where in it, with its status, and
    whose ``path`` is the part of the model concerned (``partnerships[0].chairs``).
    Beside it: the ``rule`` id, its ``instrument``, ``reference``, ``modality`` and
    ``evidence``, whether it is ``advisory``, the ``partnership`` checked, the ids of
    the ``bodies`` concerned, the source document's words (``text``) where the data
    keeps them, and the ``outcome`` it stands for: ``not-met``, ``cannot-tell`` (the
    data does not say enough to tell), ``note`` (a remark), ``not-in-force``,
    ``date-too-vague`` or ``could-not-run`` (the rule raised)."""

    rule: str
    instrument: str
    reference: str
    modality: str
    evidence: str | None = None
    advisory: bool = False
    partnership: str | None = None
    bodies: tuple[str, ...] = ()
    text: str | None = None
    outcome: str = "not-met"


class Outcome(enum.StrEnum):
    """What checking one rule came to."""

    MET = "met"
    """It ran and found nothing against the arrangements."""
    NOT_MET = "not-met"
    """It found the requirement not met (at the rule's severity)."""
    CANNOT_TELL = "cannot-tell"
    """The data does not say enough to tell."""
    NOT_IN_FORCE = "not-in-force"
    """Its provision is not in force on the date (no commencement date given, or a later one)."""
    DATE_TOO_VAGUE = "date-too-vague"
    """It starts or ends within the span of the date asked: give a day."""
    COULD_NOT_RUN = "could-not-run"
    """Its check raised an exception: reported, and the other rules still ran."""


@attrs.frozen(kw_only=True)
class RuleOutcome:
    """One rule applied to one partnership: the rule, what it came to and how many
    findings it made."""

    rule: Rule
    outcome: Outcome
    findings: int = 0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: the rule's id, source and status, and the outcome."""
        return {
            "rule": self.rule.id,
            "title": self.rule.title,
            "instrument": self.rule.instrument,
            "reference": self.rule.reference,
            "modality": self.rule.modality.value,
            "evidence": None if self.rule.evidence is None else self.rule.evidence.value,
            "advisory": self.rule.advisory,
            "outcome": self.outcome.value,
            "findings": self.findings,
        }
