"""Every built-in rule, met by a small model and not met once the model is broken for it,
on a date it applies; and not applied on a date before its start (or after its end).

``rules_models.good()`` meets every rule on every date; each case names the change that
breaks one rule, the date it applies and a date either side of its start where it does
not (None for the rules that apply on every date).
"""

from __future__ import annotations

import attrs
import pytest
from rules_models import (
    Change,
    D,
    agencies,
    both,
    contents,
    edit,
    good,
    group,
    lead_post,
    partnership,
    post,
    without_aim,
    without_group,
    without_leads,
)

from safeguarding_model.errors import Severity
from safeguarding_model.model import (
    Area,
    Chair,
    Dataset,
    DelegatedPartner,
    Funding,
    Instrument,
    Line,
    Member,
    PublishedReport,
    Regime,
    ReviewSchedule,
    Scope,
    StatutoryRole,
)
from safeguarding_model.rules import Outcome, PartnershipCheck, RuleManager, check

MANAGER = RuleManager(external=False)
BUILTIN = {rule.id: rule for rule in MANAGER.rules()}
ASSUMED = {"s2": "2027-01-01", "s3": "2027-01-01"}

LA = StatutoryRole.LOCAL_AUTHORITY
CCG = StatutoryRole.CLINICAL_COMMISSIONING_GROUP
ICB = StatutoryRole.INTEGRATED_CARE_BOARD
POLICE = StatutoryRole.CHIEF_OFFICER_OF_POLICE


@attrs.frozen
class Case:
    rule: str
    broken: Change
    on: str
    before: str | None = None
    expect: Outcome = Outcome.NOT_MET


def run(dataset: Dataset, on: str) -> PartnershipCheck:
    return check(dataset, on, manager=MANAGER, assume_in_force=ASSUMED).checks[0]


NO_DELEGATE_FOR_POLICE = edit(
    lambda p: attrs.evolve(
        p, delegated_partners=tuple(d for d in p.delegated_partners if d.acts_for is not POLICE)
    )
)
NO_SCHOOLS = both(agencies("nhs-trust", "probation"), partnership(sector_representation=()))
NOT_INDEPENDENT = post("scrutineer", independent=False, organisation="council")
NO_IMPACT = contents(
    "A summary of the activities of the partnership",
    "The practice reviews of the year",
    "How effective the arrangements were",
    "The learning implemented",
)

# The rules of the 2023 edition, also carried into 2026: the change that breaks each.
WT2023 = {
    "lead-posts": lead_post(LA, "dcs"),
    "delegated-partners": NO_DELEGATE_FOR_POLICE,
    "partnership-chair": partnership(chairs=()),
    "chair-is-delegated-partner": partnership(chairs=(Chair(post="scrutineer", text="agreed"),)),
    "scrutiny-independent": NOT_INDEPENDENT,
    "education-strategic": both(
        group("executive", members=(Member(organisation="council"),)),
        partnership(sector_representation=()),
    ),
    "yearly-report-contents": NO_IMPACT,
    "sets-out-partners": partnership(lead_partners=(), delegated_partners=()),
    "sets-out-area": partnership(area=None),
    "sets-out-thresholds": partnership(thresholds=None),
    "sets-out-funding": partnership(funding=None),
    "sets-out-funding-contributions": partnership(funding=Funding(text="The partners fund it.")),
    "sets-out-data": group("executive", objectives=()),
    "sets-out-relevant-agencies": partnership(relevant_agencies=()),
    "sets-out-voice": without_aim("voice"),
    "sets-out-practice-reviews": group("learning", responsibilities=()),
}

CASES = [
    # the Children Act 2004
    Case("ca2004-local-authority-partner", without_leads(LA), "2024-10-01", "2018-06-28"),
    Case("ca2004-ccg-partner", without_leads(CCG), "2022-06-30", "2022-07-01"),
    Case("ca2004-icb-partner", without_leads(ICB), "2022-07-01", "2022-06-30"),
    Case("ca2004-police-partner", without_leads(POLICE), "2024-10-01", "2018-06-28"),
    Case("ca2004-independent-scrutiny", partnership(scrutineers=()), "2024-10-01", "2018-06-28"),
    Case(
        "ca2004-yearly-report",
        partnership(
            yearly_reports=(
                PublishedReport(period=D("2022-04 to 2023-03"), published=D("2023-06")),
            )
        ),
        "2024-10-01",
        "2018-06-28",
    ),
    # the relevant agency regulations
    Case(
        "si2018-relevant-agency-types",
        agencies("schools", "early-years", "forum"),
        "2024-10-01",
        "2018-06-28",
    ),
    # Working Together 2018
    Case("wt2018-lead-representatives", lead_post(LA, "dcs"), "2019-09-30", "2018-06-28"),
    Case(
        "wt2018-delegation",
        post("superintendent", holder=None, vacant=True),
        "2019-09-30",
        "2018-06-28",
    ),
    Case("wt2018-scrutiny-independent", NOT_INDEPENDENT, "2019-09-30", "2018-06-28"),
    Case(
        "wt2018-yearly-report-contents",
        contents("A summary of the activities", "The practice reviews"),
        "2019-09-30",
        "2018-06-28",
    ),
    *(
        Case(f"wt2018-sets-out-{key}", change, "2019-09-30", "2018-06-28")
        for key, change in {
            "partners": partnership(lead_partners=(), delegated_partners=()),
            "area": partnership(area=None),
            "working-together": partnership(groups=()),
            "practice-reviews": group("learning", responsibilities=()),
            "scrutiny": partnership(scrutineers=()),
            "relevant-agencies": partnership(relevant_agencies=()),
            "schools": NO_SCHOOLS,
            "youth-custody": partnership(
                area=Area(text="Southvale", local_authorities=("council",))
            ),
            "data": group("executive", objectives=()),
            "training": partnership(training=None),
            "funding": partnership(funding=None),
            "thresholds": partnership(thresholds=None),
            "voice": without_aim("voice"),
            "escalation": group("learning", escalates_to=()),
        }.items()
    ),
    # Working Together 2023, and its rules carried into 2026
    *(Case(f"wt2023-{key}", change, "2023-12-15", "2023-12-14") for key, change in WT2023.items()),
    *(Case(f"wt2026-{key}", change, "2026-04-01", "2026-02-28") for key, change in WT2023.items()),
    # the changes of the 2026 edition
    Case("wt2026-looked-after-children", partnership(purpose=None), "2026-04-01", "2026-02-28"),
    Case("wt2026-accountability-inspection", partnership(vision=None), "2026-04-01", "2026-02-28"),
    Case(
        "wt2026-disproportionality",
        without_aim("disproportionality"),
        "2026-04-01",
        "2026-02-28",
    ),
    Case("wt2026-data-sharing", without_aim("Share information"), "2026-04-01", "2026-02-28"),
    Case("wt2026-yearly-report-impact", NO_IMPACT, "2026-04-01", "2026-02-28"),
    # the Children's Wellbeing and Schools Act 2026, assumed in force from 2027-01-01
    Case(
        "cwsa2026-s2-education-agencies",
        agencies("schools", "nhs-trust"),
        "2027-02-01",
        "2026-12-31",
    ),
    Case(
        "cwsa2026-s3-child-protection-teams",
        without_group("protection-team"),
        "2027-02-01",
        "2026-12-31",
    ),
    # the structure, on every date
    Case(
        "structure-cycles",
        group("executive", reports_to=(Line(to="learning"),)),
        "2024-10-01",
    ),
    Case(
        "structure-references",
        group("learning", reports_to=(Line(to="nowhere"),)),
        "2024-10-01",
    ),
    Case(
        "structure-group-reports", group("learning", reports_to=(), escalates_to=()), "2024-10-01"
    ),
    Case("structure-group-chair", group("learning", chairs=()), "2024-10-01"),
    Case("structure-group-members", group("learning", members=()), "2024-10-01"),
    Case(
        "structure-notes",
        both(
            without_leads(ICB),
            edit(
                lambda p: attrs.evolve(
                    p,
                    delegated_partners=(
                        *p.delegated_partners,
                        DelegatedPartner(post="icb-nurse", acts_for=ICB),
                    ),
                )
            ),
        ),
        "2024-10-01",
        expect=Outcome.MET,  # a "may": a delegation no lead partner makes is said, as information
    ),
    # the arrangements' own commitments
    Case(
        "own-review-not-overdue",
        partnership(review=ReviewSchedule(reviews=(D("2024-06"),))),
        "2024-10-01",
    ),
]


def test_every_built_in_rule_has_a_case() -> None:
    covered = {case.rule for case in CASES} | {"care-act-2014-not-checked"}
    assert covered == set(BUILTIN)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.rule)
def test_the_good_model_meets_the_rule(case: Case) -> None:
    result = run(good(), case.on)
    assert result.outcome(case.rule) is Outcome.MET, result.of(case.rule)
    assert not [f for f in result.of(case.rule) if f.outcome == "not-met"]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.rule)
def test_the_broken_model_does_not_meet_the_rule(case: Case) -> None:
    result = run(case.broken(good()), case.on)
    rule = BUILTIN[case.rule]
    assert result.outcome(case.rule) is case.expect, result.of(case.rule)
    assert not [o for o in result.outcomes if o.outcome is Outcome.COULD_NOT_RUN]
    found = result.of(case.rule)
    assert found, "a broken model makes a finding"
    for finding in found:
        assert finding.source and rule.reference in finding.source
        assert finding.partnership == "southvale-scp"
        assert finding.path.startswith(("partnerships[0]", "collaborations["))
        assert Severity(finding.severity) in {rule.severity, Severity.INFO} or (
            rule.instrument == "structure"
        )
    if case.expect is Outcome.NOT_MET and rule.instrument != "structure":
        assert any(f.severity == rule.severity for f in found if f.outcome == "not-met")


@pytest.mark.parametrize(
    "case", [case for case in CASES if case.before], ids=lambda case: case.rule
)
def test_the_rule_does_not_apply_on_the_other_side_of_its_start(case: Case) -> None:
    assert case.before is not None
    result = run(case.broken(good()), case.before)
    assert result.outcome(case.rule) in (None, Outcome.NOT_IN_FORCE)
    assert not [f for f in result.of(case.rule) if f.outcome == "not-met"]


def test_the_care_act_rule_applies_only_when_the_regime_is_declared() -> None:
    declared = partnership(
        regimes=(Regime(instrument=Instrument.CARE_ACT_2014),), scope=Scope.ALL_AGE
    )
    assert run(good(), "2024-10-01").outcome("care-act-2014-not-checked") is None
    result = run(declared(good()), "2024-10-01")
    assert result.outcome("care-act-2014-not-checked") is Outcome.CANNOT_TELL
    [finding] = result.of("care-act-2014-not-checked")
    assert "not checked" in finding.message
    children = partnership(regimes=(Regime(instrument=Instrument.CARE_ACT_2014),))
    found = run(children(good()), "2024-10-01").of("care-act-2014-not-checked")
    assert any("not all-age" in f.message for f in found)
