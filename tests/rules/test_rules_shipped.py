"""Verdicts on the shipped Isle of Wight data, pinned to facts of the sources that are not
expected to change: the lead partners and their posts, the delegated partners, the
chair, the regimes and the dates (docs/commands/check.md explains each verdict).

What rests on the words the data keeps (the 2026 edition's changes, the kinds of the
relevant agencies) may shift as the files are improved; those tests ask only that the
rules were applied, or that some of the 2026 changes are not yet shown.
"""

from __future__ import annotations

import datetime

import pytest

from safeguarding_model.errors import Severity
from safeguarding_model.model import Dataset
from safeguarding_model.rules import Outcome, PartnershipCheck, RuleManager, check

MANAGER = RuleManager(external=False)
TODAY = datetime.date(2026, 12, 2)


def one(dataset: Dataset, on: str | None = None, **kw: object) -> PartnershipCheck:
    report = check(dataset, on, manager=MANAGER, today=TODAY, **kw)  # type: ignore[arg-type]
    [result] = report.checks
    return result


def must_failures(result: PartnershipCheck) -> set[str]:
    return {f.rule for f in result.findings if f.severity == Severity.ERROR}


# --- the September 2024 arrangements --------------------------------------------------


@pytest.mark.parametrize(
    ("on", "edition"),
    [("2024-10-01", None), (None, "working-together-2023"), ("2025-06-30", None)],
)
def test_2024_meets_every_must_of_the_2023_rules(
    iow: Dataset, on: str | None, edition: str | None
) -> None:
    result = one(iow, on, edition=edition)
    assert result.edition is not None and result.edition.key == "working-together-2023"
    assert must_failures(result) == set()
    assert not result.failed()
    for rule_id in (
        "ca2004-local-authority-partner",
        "ca2004-icb-partner",
        "ca2004-police-partner",
        "ca2004-independent-scrutiny",
        "wt2023-lead-posts",
        "wt2023-partnership-chair",
        "wt2023-chair-is-delegated-partner",
        "wt2023-delegated-partners",
        "wt2023-scrutiny-independent",
        "structure-cycles",
    ):
        assert result.outcome(rule_id) is Outcome.MET, (rule_id, result.of(rule_id))


def test_2024_the_constabulary_names_two_delegated_partners_which_is_allowed(
    iow: Dataset,
) -> None:
    result = one(iow, "2024-10-01")
    [note] = result.of("wt2023-delegated-partners")
    assert note.severity == Severity.INFO and note.outcome == "note"
    assert "Hampshire and Isle of Wight Constabulary names 2 delegated" in note.message
    assert "Nigel Lecointe" in note.message and "Rob Mitchell" in note.message
    assert "allowed" in note.message
    assert note.path == "partnerships[0].lead_partners[2]"


def test_2024_the_partnership_chair_is_the_delegated_partner_for_the_council(
    iow: Dataset,
) -> None:
    result = one(iow, "2024-10-01")
    assert result.of("wt2023-chair-is-delegated-partner") == ()
    assert result.of("wt2023-partnership-chair") == ()  # named, and agreed in its words


def test_2024_on_today_is_judged_by_the_2026_edition_and_says_so(iow: Dataset) -> None:
    result = one(iow)
    assert result.edition is not None and result.edition.key == "working-together-2026"
    assert "the edition in force on 2026-12-02" in result.reason
    assert "declare Working Together to Safeguard Children 2023" in result.reason
    assert not result.failed()
    changes = (
        "wt2026-looked-after-children",
        "wt2026-accountability-inspection",
        "wt2026-disproportionality",
        "wt2026-data-sharing",
        "wt2026-yearly-report-impact",
    )
    assert all(result.outcome(rule_id) is not None for rule_id in changes)
    unmet = [rule_id for rule_id in changes if result.outcome(rule_id) is Outcome.NOT_MET]
    assert unmet, "the report says what 2026 asks that the document does not yet show"


def test_2024_its_review_falls_due_after_december_2025(iow: Dataset) -> None:
    assert one(iow, "2025-11-30").outcome("own-review-not-overdue") is Outcome.MET
    later = one(iow, "2026-02-01")
    assert later.outcome("own-review-not-overdue") is Outcome.NOT_MET
    [finding] = later.of("own-review-not-overdue")
    assert "to be reviewed by 2025-12" in finding.message
    assert finding.severity == Severity.WARNING


def test_2024_no_cwsa_duty_is_checked_until_it_is_in_force(iow: Dataset) -> None:
    result = one(iow)
    for rule_id in ("cwsa2026-s2-education-agencies", "cwsa2026-s3-child-protection-teams"):
        assert result.outcome(rule_id) is Outcome.NOT_IN_FORCE
    assumed = one(iow, assume_in_force=["s3=2026-09-01"])
    assert assumed.outcome("cwsa2026-s3-child-protection-teams") is Outcome.NOT_MET
    assert "cwsa2026-s3-child-protection-teams" in must_failures(assumed)


# --- the June 2019 arrangements ---------------------------------------------------------


def test_2019_meets_the_2018_rules(iow2019: Dataset) -> None:
    result = one(iow2019, "2019-09-30")
    assert result.edition is not None and result.edition.key == "working-together-2018"
    assert "which the arrangements declare" in result.reason
    assert not result.failed()
    assert result.outcome("ca2004-ccg-partner") is Outcome.MET
    assert result.outcome("ca2004-independent-scrutiny") is Outcome.MET


def test_2019_fails_the_2023_rules_for_the_reasons_a_person_would_give(
    iow2019: Dataset,
) -> None:
    result = one(iow2019, edition="working-together-2023")
    assert result.failed()
    assert must_failures(result) == {
        "ca2004-icb-partner",  # a clinical commissioning group instead of an ICB
        "wt2023-partnership-chair",  # no partnership chair
        "wt2023-lead-posts",  # no lead partner posts
    }
    [ccg] = result.of("ca2004-icb-partner")
    assert "Clinical Commissioning Groups, a clinical commissioning group" in ccg.message
    [chair] = result.of("wt2023-partnership-chair")
    assert "do not state who chairs the partnership" in chair.message
    posts = result.of("wt2023-lead-posts")
    assert len(posts) == 3
    assert any(
        "do not name the post that leads for Isle of Wight Council" in f.message for f in posts
    )


def test_2019_on_2024_12_still_follows_2018_while_2023_gave_time_to_change(
    iow2019: Dataset,
) -> None:
    result = one(iow2019, "2024-12-02")
    assert result.edition is not None and result.edition.key == "working-together-2018"
    assert "gave partnerships until 2024-12" in result.reason
    assert must_failures(result) == {"ca2004-icb-partner"}


def test_a_partnership_that_declares_no_regime_is_checked_by_the_edition_in_force(
    iow: Dataset,
) -> None:
    import attrs

    [partnership] = iow.partnerships
    undeclared = attrs.evolve(iow, partnerships=(attrs.evolve(partnership, regimes=()),))
    result = one(undeclared, "2024-10-01")
    assert result.edition is not None and result.edition.key == "working-together-2023"
    assert result.declared is None
    assert "the arrangements declare no edition of Working Together" in result.reason


def test_checking_is_deterministic(iow: Dataset) -> None:
    first = check(iow, "2026-12-02", manager=MANAGER).to_dict()
    assert check(iow, "2026-12-02", manager=MANAGER).to_dict() == first
