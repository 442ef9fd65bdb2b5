"""The engine: which edition a partnership is checked by on a date, which rules apply,
what a rule that raises does, how severities follow from modality and evidence, and
what the rules may and may not be."""

from __future__ import annotations

import re
import types
from collections.abc import Iterator

import attrs
import pytest
from rules_models import good, partnership

from safeguarding_model.errors import (
    Diagnostic,
    NothingStoodError,
    PluginError,
    Severity,
    UsageError,
)
from safeguarding_model.graph import CODES
from safeguarding_model.model import Instrument, Regime
from safeguarding_model.plugin import hookimpl
from safeguarding_model.rules import (
    EDITIONS,
    Context,
    Evidence,
    Modality,
    Outcome,
    Rule,
    RuleFinding,
    RuleManager,
    check,
    parse_assumptions,
    parse_edition,
)
from safeguarding_model.rules.builtin.structure import GROUPS

MANAGER = RuleManager(external=False)
D = Instrument


def regimes(*pairs: tuple[Instrument, str | None, str | None]) -> tuple[Regime, ...]:
    from safeguarding_model.model import PartialDate

    return tuple(
        Regime(
            instrument=instrument,
            start=PartialDate.from_string(start) if start else None,
            end=PartialDate.from_string(end) if end else None,
        )
        for instrument, start, end in pairs
    )


def edition_on(on: str, *pairs: tuple[Instrument, str | None, str | None], **kw: object) -> str:
    dataset = partnership(regimes=regimes(*pairs))(good())
    result = check(dataset, on, manager=MANAGER, **kw).checks[0]  # type: ignore[arg-type]
    return "none" if result.edition is None else result.edition.key


# --- the edition on a date ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        ("2018-06-28", "none"),
        ("2018-06-29", "working-together-2018"),
        ("2023-12-14", "working-together-2018"),
        ("2023-12-15", "working-together-2023"),
        ("2026-02-28", "working-together-2023"),
        ("2026-03-17", "working-together-2023"),  # the day of 2026 is not confirmed
        ("2026-03-31", "working-together-2026"),  # surely published by then
        ("2026-04-01", "working-together-2026"),
    ],
)
def test_a_partnership_that_declares_no_edition_is_checked_by_the_one_in_force(
    on: str, expected: str
) -> None:
    assert edition_on(on) == expected
    result = check(good(), on, manager=MANAGER).checks[0]
    if result.edition is not None:
        assert "declare no edition" in result.reason
        assert on in result.reason


def test_a_date_in_the_month_the_2026_edition_was_published_says_it_may_apply() -> None:
    result = check(good(), "2026-03-10", manager=MANAGER).checks[0]
    assert result.edition is not None and result.edition.key == "working-together-2023"
    assert any("2026" in note and "may already have been in force" in note for note in result.notes)


def test_the_declared_edition_is_kept_while_the_next_gives_time_to_change() -> None:
    declared = (Instrument.WORKING_TOGETHER_2018, "2019-06", None)
    assert edition_on("2024-06-01", declared) == "working-together-2018"
    assert edition_on("2024-12-31", declared) == "working-together-2018"
    assert edition_on("2025-01-01", declared) == "working-together-2023"
    dataset = partnership(regimes=regimes(declared))(good())
    reason = check(dataset, "2025-01-01", manager=MANAGER).checks[0].reason
    assert "the arrangements declare Working Together to Safeguard Children 2018" in reason
    assert "replaced on 15 December 2023" in reason


def test_an_edition_declared_before_it_was_published_is_not_used() -> None:
    declared = (Instrument.WORKING_TOGETHER_2026, None, None)
    assert edition_on("2025-06-01", declared) == "working-together-2023"
    dataset = partnership(regimes=regimes(declared))(good())
    reason = check(dataset, "2025-06-01", manager=MANAGER).checks[0].reason
    assert "which was not yet in force" in reason
    assert edition_on("2026-03-17", declared) == "working-together-2026"  # it may have been
    result = check(dataset, "2026-03-17", manager=MANAGER).checks[0]
    assert "may already have been in force on 2026-03-17" in result.reason


def test_no_time_to_change_is_given_for_the_2026_edition() -> None:
    declared = (Instrument.WORKING_TOGETHER_2023, "2024-09", None)
    assert edition_on("2026-04-01", declared) == "working-together-2026"
    assert edition_on("2026-02-01", declared) == "working-together-2023"


def test_the_edition_asked_for_is_used_and_said() -> None:
    dataset = partnership(regimes=regimes((Instrument.WORKING_TOGETHER_2023, "2024-09", None)))(
        good()
    )
    result = check(dataset, "2026-12-02", edition="working-together-2018", manager=MANAGER)
    first = result.checks[0]
    assert first.edition is not None and first.edition.key == "working-together-2018"
    assert first.chosen and "as asked" in first.reason
    assert any("declare Working Together to Safeguard Children 2023" in n for n in first.notes)
    assert any("was not in force on 2026-12-02" in n for n in first.notes)
    assert first.declared is not None and first.declared.key == "working-together-2023"


def test_editions_are_named_by_key_or_year() -> None:
    assert parse_edition("2023").key == "working-together-2023"
    assert parse_edition("working-together-2026") is EDITIONS[2]
    with pytest.raises(UsageError, match="did you mean `working-together-2023`"):
        parse_edition("working-togther-2023")


# --- which rules apply -------------------------------------------------------------------


def test_a_date_too_vague_for_a_rule_says_so_rather_than_guessing() -> None:
    result = check(good(), "2022", manager=MANAGER).checks[0]
    for rule_id in ("ca2004-ccg-partner", "ca2004-icb-partner"):
        assert result.outcome(rule_id) is Outcome.DATE_TOO_VAGUE
        [finding] = result.of(rule_id)
        assert "give a day" in finding.message and finding.severity == Severity.INFO
    assert not result.failed()


def test_a_provision_not_in_force_is_information_until_a_commencement_date_is_given() -> None:
    result = check(good(), "2027-02-01", manager=MANAGER).checks[0]
    assert result.outcome("cwsa2026-s3-child-protection-teams") is Outcome.NOT_IN_FORCE
    [finding] = result.of("cwsa2026-s3-child-protection-teams")
    assert finding.severity == Severity.INFO
    assert "not yet in force" in finding.message and "--assume-in-force s3=DATE" in finding.message
    assumed = check(good(), "2027-02-01", manager=MANAGER, assume_in_force=["s3=2027-03"])
    later = assumed.checks[0].of("cwsa2026-s3-child-protection-teams")
    assert "assumed to come into force on 2027-03" in later[0].message
    assumed = check(good(), "2027-02-01", manager=MANAGER, assume_in_force={"s3": "2027-01"})
    assert assumed.checks[0].outcome("cwsa2026-s3-child-protection-teams") is Outcome.MET


def test_the_act_of_2026_says_nothing_before_it_was_made() -> None:
    result = check(good(), "2024-10-01", manager=MANAGER).checks[0]
    assert result.outcome("cwsa2026-s2-education-agencies") is None
    assert result.of("cwsa2026-s2-education-agencies") == ()


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (["s9=2027"], "'s9' is not a provision awaiting commencement"),
        (["s2"], "write PROVISION=DATE"),
        (["s2=soon"], "not a date"),
        (["=2027"], "write PROVISION=DATE"),
    ],
)
def test_commencement_dates_are_checked(given: list[str], message: str) -> None:
    with pytest.raises(UsageError, match=re.escape(message)):
        parse_assumptions(given)


def test_nothing_standing_on_the_date_is_said() -> None:
    with pytest.raises(NothingStoodError, match="took effect 2018-04; nothing stood on 2017"):
        check(good(), "2017", manager=MANAGER)


def test_a_bad_date_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="'2024-13' is not a date"):
        check(good(), "2024-13", manager=MANAGER)


# --- rules that misbehave ------------------------------------------------------------------


def boom(context: Context) -> Iterator[RuleFinding]:
    yield context.note("a remark before it breaks")
    raise RuntimeError("the check broke")


def plain(context: Context) -> Iterator[Diagnostic]:
    yield Diagnostic(message="a plain diagnostic", code="plain", severity="error")


def rule(rule_id: str, check_function: object, **fields: object) -> Rule:
    values: dict[str, object] = {
        "id": rule_id,
        "title": "a rule of a test",
        "instrument": "test-rules",
        "reference": "rule 1",
        "modality": "must",
        "evidence": "confirmed",
        "check": check_function,
    }
    values.update(fields)
    return Rule(**values)  # type: ignore[arg-type]


def test_a_rule_that_raises_is_reported_and_the_others_still_run() -> None:
    broken = rule("test-broken", boom, modality="should")
    report = check(good(), "2024-10-01", rules=[broken, *MANAGER.rules()])
    result = report.checks[0]
    assert result.outcome("test-broken") is Outcome.COULD_NOT_RUN
    [remark] = [f for f in result.of("test-broken") if f.code == "test-broken"]
    [failure] = [f for f in result.of("test-broken") if f.code == "rule-raised"]
    assert remark.message == "a remark before it breaks"
    assert failure.code == "rule-raised" and failure.severity == Severity.WARNING
    assert "RuntimeError: the check broke" in failure.message
    assert result.outcome("ca2004-icb-partner") is Outcome.MET
    assert not report.failed() and report.failed(strict=True)


def test_a_must_that_cannot_run_fails_the_check() -> None:
    report = check(good(), "2024-10-01", rules=[rule("test-broken", boom)])
    assert report.failed()


def test_a_plain_diagnostic_is_a_finding_at_no_more_than_the_rule_allows() -> None:
    result = check(good(), "2024-10-01", rules=[rule("test-plain", plain, modality="should")])
    [finding] = result.checks[0].of("test-plain")
    assert finding.code == "plain" and finding.severity == Severity.WARNING
    assert finding.source == "test-rules, rule 1 (confirmed)"
    assert result.checks[0].outcome("test-plain") is Outcome.NOT_MET


def test_a_check_that_yields_something_else_is_reported() -> None:
    def odd(context: Context) -> Iterator[object]:
        yield "not a diagnostic"

    result = check(good(), "2024-10-01", rules=[rule("test-odd", odd)]).checks[0]
    assert result.outcome("test-odd") is Outcome.COULD_NOT_RUN
    assert "yielded str, not a Diagnostic" in result.of("test-odd")[0].message


# --- what a rule is ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"id": "Not An Id"}, "rule id: expected lower-case letters"),
        ({"modality": "shall"}, "rule modality: expected one of must, should, may"),
        ({"evidence": "rumour"}, "rule evidence: expected one of confirmed"),
        ({"title": " "}, "rule title: expected some text"),
        ({"check": "not a function"}, "rule check: expected a function"),
        ({"start": "2024-13"}, "rule date:"),
        ({"start": "2024", "end": "2023"}, "its end, 2023, is before its start"),
    ],
)
def test_a_rule_is_checked_when_it_is_made(fields: dict[str, object], message: str) -> None:
    with pytest.raises(PluginError, match=re.escape(message)):
        rule(fields.pop("id", "test-rule"), fields.pop("check", plain), **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("modality", "evidence", "severity"),
    [
        ("must", "confirmed", Severity.ERROR),
        ("must", "secondary", Severity.ERROR),
        ("must", "unconfirmed", Severity.WARNING),
        ("should", "secondary", Severity.WARNING),
        ("should", "unconfirmed", Severity.INFO),
        ("may", "confirmed", Severity.INFO),
        ("may", "unconfirmed", Severity.INFO),
        ("must", None, Severity.ERROR),
    ],
)
def test_severity_follows_modality_and_evidence(
    modality: str, evidence: str | None, severity: Severity
) -> None:
    made = rule("test-rule", plain, modality=modality, evidence=evidence)
    assert made.severity == severity
    assert made.advisory == (evidence == "unconfirmed")
    assert ("advisory" in made.status) == made.advisory


def test_every_built_in_rule_cites_no_paragraph_number() -> None:
    for built_in in MANAGER.rules():
        assert not re.search(r"\bpara|¶", built_in.reference, re.IGNORECASE), built_in.id
        assert built_in.distribution == "safeguarding-model"


def test_every_built_in_rule_of_an_unconfirmed_source_is_advisory() -> None:
    for built_in in MANAGER.rules():
        if built_in.evidence is Evidence.UNCONFIRMED:
            assert built_in.advisory and built_in.severity != Severity.ERROR


def test_every_structural_code_belongs_to_one_structural_rule() -> None:
    gathered = [code for _, codes, _, _ in GROUPS.values() for code in codes]
    assert sorted(gathered) == sorted(CODES), "a code of graph.CODES has no structural rule"
    assert len(gathered) == len(set(gathered))
    for rule_id, (modality, codes, _, _) in GROUPS.items():
        worst = min((CODES[code][0] for code in codes), key=["error", "warning", "info"].index)
        assert Modality(modality).severity == worst or modality is Modality.MAY, rule_id


def test_a_plugin_rule_is_registered_and_a_duplicate_id_refused() -> None:
    manager = RuleManager(external=False)
    extra = rule("test-extra", plain, modality="may")
    clash = attrs.evolve(extra, id="ca2004-icb-partner")

    @hookimpl
    def register_rules(register):  # type: ignore[no-untyped-def]
        register(extra)
        register(clash)

    with pytest.raises(PluginError, match="'ca2004-icb-partner' is already registered"):
        manager.add_plugin(types.SimpleNamespace(register_rules=register_rules), name="mine")
    assert manager.get("test-extra").distribution == "mine"
    assert manager.get("ca2004-icb-partner").distribution == "safeguarding-model"
    with pytest.raises(KeyError, match="did you mean `test-extra`"):
        manager.get("test-extr")
