"""Properties of the rules on generated datasets: no rule raises, whatever the dataset,
the date, the edition or the provisions assumed in force; checking is deterministic;
no finding is more serious than its rule allows, and every finding carries its rule's
source and a path into the dataset."""

from __future__ import annotations

import attrs
from hypothesis import event, given
from hypothesis import strategies as st

from safeguarding_model.errors import NothingStoodError, Severity
from safeguarding_model.model import (
    Approval,
    Contribution,
    Dataset,
    DocumentKind,
    Duty,
    Funding,
    GovernedDocument,
    Item,
    PartialDate,
    PartnershipRole,
    ScrutinyKind,
    ScrutinyMechanism,
)
from safeguarding_model.rules import (
    EDITIONS,
    PROVISIONS,
    CheckReport,
    Outcome,
    RuleManager,
    check,
)
from strategies import datasets, partial_dates

MANAGER = RuleManager(external=False)
RULES = {rule.id: rule for rule in MANAGER.rules()}


@st.composite
def richer(draw: st.DrawFn) -> Dataset:
    """A generated dataset, with what the strategies leave out and the rules read:
    scrutiny mechanisms, funding with contributions, duties, an approval and governed
    documents (a thresholds document among them)."""
    dataset = draw(datasets())
    partnerships = []
    for p in dataset.partnerships:
        org_ids = [o.id for o in dataset.organisations]
        post_ids = [post.id for post in dataset.posts]
        scrutiny = tuple(
            ScrutinyMechanism(
                kind=draw(st.sampled_from(list(ScrutinyKind))),
                by=tuple(draw(st.lists(st.sampled_from(post_ids), max_size=1, unique=True))),
                text=draw(st.one_of(st.none(), st.text(min_size=1).filter(str.strip))),
            )
            for _ in range(draw(st.integers(0, 2)))
        )
        funding = None
        if draw(st.booleans()):
            funding = Funding(
                rule=draw(st.one_of(st.none(), st.sampled_from(["equal shares", "by population"]))),
                contributions=tuple(
                    Contribution(organisation=key, amount=draw(st.integers(0, 10**6)))
                    for key in draw(st.lists(st.sampled_from(org_ids), max_size=2, unique=True))
                ),
            )
        duties = tuple(
            Duty(of=role, items=(Item(text="share information and data"),))
            for role in draw(
                st.lists(st.sampled_from(list(PartnershipRole)), max_size=2, unique=True)
            )
        )
        approval = (
            Approval(by_role=PartnershipRole.LEAD_SAFEGUARDING_PARTNERS)
            if draw(st.booleans())
            else None
        )
        partnerships.append(
            attrs.evolve(
                p, scrutiny=scrutiny, funding=funding or p.funding, duties=duties, approval=approval
            )
        )
    documents = tuple(
        GovernedDocument(
            id=f"document-{i}",
            title="Thresholds for child protection teams",
            kind=draw(st.sampled_from(list(DocumentKind))),
            owner=draw(st.sampled_from([p.id for p in dataset.partnerships])),
        )
        for i in range(draw(st.integers(0, 2)))
    )
    return attrs.evolve(dataset, partnerships=tuple(partnerships), documents=documents)


def checked(
    dataset: Dataset, on: PartialDate, edition: str | None, assumed: dict[str, PartialDate]
) -> CheckReport | None:
    try:
        report = check(dataset, on, edition=edition, manager=MANAGER, assume_in_force=assumed)
    except NothingStoodError:
        event("nothing stood on the date")
        return None
    event(f"checked {len(report.checks)} partnership(s)")
    return report


EDITION = st.one_of(st.none(), st.sampled_from([edition.key for edition in EDITIONS]))
ASSUMED = st.dictionaries(st.sampled_from(sorted(PROVISIONS)), partial_dates(), max_size=2)


@given(richer(), partial_dates(), EDITION, ASSUMED)
def test_no_rule_raises_on_any_dataset(
    dataset: Dataset, on: PartialDate, edition: str | None, assumed: dict[str, PartialDate]
) -> None:
    report = checked(dataset, on, edition, assumed)
    if report is None:
        return
    for result in report.checks:
        broken = [o.rule.id for o in result.outcomes if o.outcome is Outcome.COULD_NOT_RUN]
        assert not broken, [f.message for f in result.findings if f.code == "rule-raised"]
        for finding in result.findings:
            rule = RULES[finding.rule]
            rank = [Severity.ERROR, Severity.WARNING, Severity.INFO]
            assert rank.index(Severity(finding.severity)) >= rank.index(rule.severity)
            assert finding.source and rule.reference in finding.source
            assert finding.path.startswith(("partnerships", "collaborations", "documents"))
            assert finding.partnership == result.partnership


@given(richer(), partial_dates(), EDITION)
def test_checking_is_deterministic(dataset: Dataset, on: PartialDate, edition: str | None) -> None:
    first = checked(dataset, on, edition, {})
    second = checked(dataset, on, edition, {})
    assert (first is None) == (second is None)
    if first is not None and second is not None:
        assert first.to_dict() == second.to_dict()


@given(richer(), partial_dates())
def test_a_check_fails_exactly_when_a_must_is_not_met(dataset: Dataset, on: PartialDate) -> None:
    report = checked(dataset, on, None, {})
    if report is None:
        return
    for result in report.checks:
        unmet_musts = [
            o
            for o in result.outcomes
            if o.outcome in (Outcome.NOT_MET, Outcome.COULD_NOT_RUN)
            and any(f.severity == Severity.ERROR for f in result.of(o.rule.id))
        ]
        assert result.failed() == bool(unmet_musts)
        for outcome in unmet_musts:
            assert outcome.rule.modality.value == "must" and not outcome.rule.advisory
