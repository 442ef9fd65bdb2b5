"""The statutory checks of partners the data does not name: a lead partner known by its
role only still holds its role (the Act's partner is there), whether the council of
each area it covers is among the partners cannot be told rather than not met, and a
delegated partner whose post is not stated leaves open whether the post is filled."""

from __future__ import annotations

import attrs
from rules_models import edit, good

from safeguarding_model.model import (
    Area,
    DelegatedPartner,
    LeadPartner,
    Partnership,
    StatutoryRole,
)
from safeguarding_model.rules import Outcome, PartnershipCheck, RuleManager, check

MANAGER = RuleManager(external=False)
LA = StatutoryRole.LOCAL_AUTHORITY


def run(dataset: object, on: str) -> PartnershipCheck:
    return check(dataset, on, manager=MANAGER).checks[0]  # type: ignore[arg-type]


def _council_by_role(p: Partnership) -> Partnership:
    leads = tuple(
        LeadPartner(role=LA, text="the Local Authority") if lead.role is LA else lead
        for lead in p.lead_partners
    )
    area = Area(text="Southvale", local_authorities=("council",))
    return attrs.evolve(p, lead_partners=leads, area=area)


def test_a_council_known_by_its_role_only_is_still_the_local_authority_partner() -> None:
    result = run(edit(_council_by_role)(good()), "2024-10-01")
    assert result.outcome("ca2004-local-authority-partner") is Outcome.CANNOT_TELL
    [finding] = result.of("ca2004-local-authority-partner")
    assert "by role only, so whether its council is among them cannot be told" in (finding.message)
    assert "None" not in finding.message


def test_a_delegated_partner_whose_post_is_not_stated_leaves_open_whether_it_is_filled() -> None:
    def unstated(p: Partnership) -> Partnership:
        delegated = tuple(
            DelegatedPartner(acts_for=LA, text="a senior officer") if d.acts_for is LA else d
            for d in p.delegated_partners
        )
        return attrs.evolve(p, delegated_partners=delegated)

    result = run(edit(unstated)(good()), "2024-10-01")
    found = [f for f in result.findings if "whose post the data does not state" in f.message]
    assert found and all(f.outcome == "cannot-tell" for f in found)
    assert all("None" not in f.message for f in result.findings)
