"""The rest of the structure of the Isle of Wight documents, pinned to their words.

test_shipped_data.py pins the partners, chairs, groups, reporting lines and dates, and
the audit's corrections (issue 10). This file pins what issue 10 made data besides:
vision and purpose apart from the aims, duties, scrutiny mechanisms, recurring events,
funding, governed documents, partial lists, and what the documents leave unsaid.

isle-of-wight-2024.yaml: Local Safeguarding Arrangements, September 2024 (seed 001).
isle-of-wight-2019.yaml: "About us" page, new arrangements of June 2019 (seed 004).
"""

from __future__ import annotations

import pytest

from safeguarding_model.io import load
from safeguarding_model.model import (
    Cadence,
    Dataset,
    DocumentKind,
    EventKind,
    GovernedDocument,
    LineKind,
    MemberCapacity,
    Organisation,
    OrganisationKind,
    Partnership,
    PartnershipRole,
    Post,
    ScrutinyKind,
)


@pytest.fixture(scope="module")
def ds2024() -> Dataset:
    return load("isle-of-wight-2024")


@pytest.fixture(scope="module")
def ds2019() -> Dataset:
    return load("isle-of-wight-2019")


@pytest.fixture(scope="module")
def p2024(ds2024: Dataset) -> Partnership:
    return ds2024.partnership()


@pytest.fixture(scope="module")
def p2019(ds2019: Dataset) -> Partnership:
    return ds2019.partnership()


def _document(ds: Dataset, key: str) -> GovernedDocument:
    found = ds.get(key)
    assert isinstance(found, GovernedDocument)
    return found


# --- vision, purpose and aims ---------------------------------------------------------


def test_2024_vision_and_purpose_are_kept_apart_from_the_aims(p2024: Partnership) -> None:
    # Foreword: "Our vision is based on the belief that safeguarding is everyone's
    # responsibility ..."
    assert p2024.vision is not None
    assert p2024.vision.text.startswith("Our vision is based on the belief that safeguarding")
    assert p2024.vision.text.endswith(
        "children on the Isle of Wight are safe and realise their potential."
    )
    # Legislative context: "The IOWSCP provides the multi-agency safeguarding
    # arrangements under which ..." (read as the purpose; docs/data.md)
    assert p2024.purpose is not None and p2024.purpose.text.startswith(
        "The IOWSCP provides the multi-agency safeguarding arrangements under which"
    )
    assert "(including independent scrutiny)" in p2024.purpose.text
    assert len(p2024.aims) == 8
    assert p2024.vision.text not in {a.text for a in p2024.aims}
    assert (p2024.values, p2024.principles) == ((), ())
    assert {"values", "principles"} <= set(p2024.not_stated)


def test_2019_purpose_and_what_the_page_does_not_give(p2019: Partnership) -> None:
    assert p2019.purpose is not None and p2019.purpose.text.startswith(
        "The IOWSCP provides the safeguarding arrangements under which"
    )
    assert "identify and respond to the needs of children in Isle of Wight" in p2019.purpose.text
    assert p2019.vision is None and "vision" in p2019.not_stated


# --- duties ---------------------------------------------------------------------------


def test_2024_the_lead_partners_and_the_chairs_duties(p2024: Partnership) -> None:
    by_role = {d.of: d for d in p2024.duties if d.of is not PartnershipRole.RELEVANT_AGENCIES}
    lead = by_role[PartnershipRole.LEAD_SAFEGUARDING_PARTNERS]
    assert lead.text is not None and lead.text.startswith(
        "The lead safeguarding partners have a joint and equal duty to make arrangements"
    )
    chair = by_role[PartnershipRole.PARTNERSHIP_CHAIR]
    assert [item.text.split(".")[0] for item in chair.items] == [
        "The chair facilitates the partnership's business, allowing all member agencies to"
        " participate fully",
        "The IOWSCP has a partnership chair who will hold all agencies to account",
    ]
    assert [d.of for d in p2024.duties] == [
        PartnershipRole.LEAD_SAFEGUARDING_PARTNERS,
        PartnershipRole.DELEGATED_SAFEGUARDING_PARTNERS,
        PartnershipRole.PARTNERSHIP_CHAIR,
        PartnershipRole.RELEVANT_AGENCIES,
        PartnershipRole.RELEVANT_AGENCIES,
    ]


def test_2019_the_safeguarding_partners_are_jointly_responsible(p2019: Partnership) -> None:
    # "There are now three organisations on the Isle of Wight who are jointly responsible
    # for the partnership arrangements for keeping children safe"
    [duty] = p2019.duties
    assert duty.of is PartnershipRole.LEAD_SAFEGUARDING_PARTNERS
    assert duty.text is not None and "jointly responsible" in duty.text
    assert duty.items == ()


# --- scrutiny -------------------------------------------------------------------------


def test_2024_scrutiny_mechanisms_and_who_performs_them(p2024: Partnership) -> None:
    assert [(m.kind, m.by) for m in p2024.scrutiny] == [
        (ScrutinyKind.INDEPENDENT_SCRUTINEER, ("independent-scrutineer",)),
        (ScrutinyKind.FRAMEWORK, ("partnership-team",)),
        (ScrutinyKind.MULTI_AGENCY_AUDIT, ()),  # who performs the audits is not said
        (
            ScrutinyKind.OTHER,
            ("performance-and-quality-assurance-group", "hips-procedures-and-strategy-group"),
        ),
    ]
    scrutineer = p2024.scrutiny[0]
    # "They will be shared with the independent scrutineer to allow independent scrutiny
    # of the recommendations and decisions."; the yearly report "enables the work of the
    # Partnership to be scrutinised by the partnership chair, independent scrutineer ..."
    assert [i.text for i in scrutineer.inputs] == [
        "Recommendations arising from rapid reviews/child safeguarding practice reviews and"
        " local learning events",
        "the yearly report",
    ]
    assert p2024.scrutiny[3].name == (
        "Keeping Children Safe Organisation Self-Assessment (Section 11)"
    )
    # "a range of additional scrutiny options ..., including thematic audits": partial
    [partial] = [entry for entry in p2024.partial if entry.field == "scrutiny"]
    assert partial.further is None
    assert partial.text is not None and "including thematic audits" in partial.text
    # the scrutineer post is still the partnership's scrutineer
    assert [s.post for s in p2024.scrutineers] == ["independent-scrutineer"]


# --- lines the partnership and other bodies give -------------------------------------


def test_2024_the_partnership_sends_an_annual_update_to_the_headteachers_forum(
    ds2024: Dataset, p2024: Partnership
) -> None:
    # "an annual partnership update to the Headteachers Forum"
    [update] = p2024.reports_to
    assert (update.to, update.kind, update.cadence, update.subject) == (
        "headteachers-forum",
        LineKind.FOR_INFORMATION,
        Cadence.ANNUALLY,
        "partnership update",
    )
    forum = ds2024.get("headteachers-forum")
    assert isinstance(forum, Organisation) and forum.name == "Headteachers Forum"
    # and the Education Subgroup's representatives of the Forum and the Executive
    members = p2024.group("education-subgroup").members
    represented = [m.organisation for m in members if m.capacity is MemberCapacity.REPRESENTATIVE]
    assert represented == ["headteachers-forum", "headteacher-executive"]


def test_2024_the_mash_reports_quarterly_to_the_executive_group(
    ds2024: Dataset, p2024: Partnership
) -> None:
    # "Provide governance of the Multi Agency Safeguarding Hub and receive agreed
    # reporting from the multi-agency senior operational leads within the MASH on a
    # quarterly basis."
    [line] = [line for line in p2024.lines if line.by == "multi-agency-safeguarding-hub"]
    assert (line.to, line.kind, line.cadence) == (
        "executive-group",
        LineKind.ACCOUNTABLE_TO,
        Cadence.QUARTERLY,
    )
    mash = ds2024.get("multi-agency-safeguarding-hub")
    assert isinstance(mash, Organisation) and mash.short_name == "MASH"


def test_2024_other_lines_from_the_groups(p2024: Partnership) -> None:
    by_group = {
        (line.by, line.to): line
        for line in p2024.lines
        if line.by in {"learning-inquiry-group", "education-subgroup"}
    }
    # "Inform the safeguarding partners and independent scrutineer when a case is
    # considered as meeting the criteria for a Child Safeguarding Practice Review"
    inform = by_group["learning-inquiry-group", "independent-scrutineer"]
    assert inform.kind is LineKind.FOR_INFORMATION
    assert inform.condition is not None and inform.condition.startswith("when a case")
    # "To receive reports from other IOWSCP Subgroups (e.g., Learning Inquiry Group)"
    reports = by_group["learning-inquiry-group", "education-subgroup"]
    assert (reports.kind, reports.subject) == (LineKind.FOR_INFORMATION, "reports")
    # "To provide the education contribution to the IOWSCP Yearly Report." The subgroup's
    # own line of accountability is still not stated.
    contribution = by_group["education-subgroup", "isle-of-wight-scp"]
    assert contribution.kind is LineKind.FOR_INFORMATION
    education = p2024.group("education-subgroup")
    assert education.reports_to == () and "reports_to" in education.not_stated
    # "report findings to the Executive Group" (PQA, on Section 11)
    [findings] = [
        line for line in p2024.lines if line.by == "performance-and-quality-assurance-group"
    ]
    assert (findings.to, findings.subject) == ("executive-group", "findings")
    assert findings.meaning("lines") is LineKind.ACCOUNTABLE_TO


def test_2024_the_escalation_route_is_partial(p2024: Partnership) -> None:
    # "... escalate to other bodies where appropriate. This can include escalating issues
    # ... to the HIPS Executive."
    assert [line.to for line in p2024.escalates_to] == ["hips-executive-group"]
    [partial] = [entry for entry in p2024.partial if entry.field == "escalates_to"]
    assert partial.text is not None and partial.text.startswith("escalate to other bodies")


# --- events ---------------------------------------------------------------------------


def test_2024_recurring_events_and_products(p2024: Partnership) -> None:
    assert [(e.name, e.kind, e.every, e.every_text, e.by) for e in p2024.events] == [
        ("Designated Safeguarding Leads Conference", EventKind.EVENT, Cadence.ANNUALLY, None, ()),
        ("157/175 self-assessment audit process", EventKind.EVENT, Cadence.ANNUALLY, None, ()),
        (
            "newsletter",
            EventKind.PRODUCT,
            None,
            "Following every meeting",
            ("education-subgroup",),
        ),
        # "To deliver IOWSCP conferences": how often is not said
        ("IOWSCP conferences", EventKind.EVENT, None, None, ("workforce-development-group",)),
        (
            "learning needs analysis",
            EventKind.PRODUCT,
            Cadence.ANNUALLY,
            None,
            ("workforce-development-group",),
        ),
    ]
    assert all(e.text for e in p2024.events)


# --- funding --------------------------------------------------------------------------


def test_2024_funding_as_data(ds2024: Dataset, p2024: Partnership) -> None:
    funding = p2024.funding
    assert funding is not None
    # "The budget is agreed by the three safeguarding partners"
    assert funding.agreed_by_role is PartnershipRole.LEAD_SAFEGUARDING_PARTNERS
    assert (funding.agreed_by, funding.agreed_every, funding.rule) == ((), None, None)
    # "contributions by partner organisations who, in addition provide a variety of
    # resources such as staff time ...": one collective contributor, no amount invented
    [contribution] = funding.contributions
    assert (contribution.amount, contribution.percent, contribution.period) == (None, None, None)
    assert contribution.in_kind == (
        "a variety of resources such as staff time for training, workstreams and other"
        " development activity",
    )
    partners = ds2024.get(contribution.organisation)
    assert isinstance(partners, Organisation)
    assert partners.collective and partners.count is None  # the document gives no count
    assert partners.name == "partner organisations"
    # "Accommodation, legal and communications services are provided by Isle of Wight
    # Council."
    [support] = funding.support_in_kind
    assert (support.organisation, support.provides) == (
        "isle-of-wight-council",
        ("accommodation", "legal", "communications"),
    )


# --- governed documents ---------------------------------------------------------------


def test_2024_governed_documents(ds2024: Dataset) -> None:
    assert [(d.id, d.kind, d.owner) for d in ds2024.documents] == [
        ("learning-and-improvement-framework", DocumentKind.FRAMEWORK, "isle-of-wight-scp"),
        ("isle-of-wight-thresholds-document", DocumentKind.THRESHOLDS, "isle-of-wight-scp"),
        ("iowscp-business-plan", DocumentKind.BUSINESS_PLAN, "isle-of-wight-scp"),
        ("hips-child-exploitation-strategy", DocumentKind.STRATEGY, "hips"),
        (
            "isle-of-wight-child-exploitation-delivery-plan",
            DocumentKind.DELIVERY_PLAN,
            "isle-of-wight-scp",
        ),
        ("multi-agency-learning-policy", DocumentKind.POLICY, "workforce-development-group"),
        ("hips-safeguarding-children-procedures", DocumentKind.PROCEDURES, "hips"),
    ]
    assert all(d.text for d in ds2024.documents)
    assert all((d.start, d.end, d.planned) == (None, None, False) for d in ds2024.documents)


def test_2024_the_child_exploitation_strategy_and_its_delivery_plan(ds2024: Dataset) -> None:
    # "Coordinate the population, implementation, monitoring and assurance of the HIPS
    # Child Exploitation & Extra-Familial Harm Strategy 2023-26 and an associated Isle of
    # Wight Delivery Plan." (Child Exploitation Delivery Subgroup)
    strategy = _document(ds2024, "hips-child-exploitation-strategy")
    assert strategy.title == "HIPS Child Exploitation & Extra-Familial Harm Strategy 2023-26"
    assert str(strategy.period) == "2023 to 2026"
    assert strategy.delivered_by == ("child-exploitation-delivery-subgroup",)
    assert strategy.monitored_by == ()  # no monitor is named
    plan = _document(ds2024, "isle-of-wight-child-exploitation-delivery-plan")
    assert plan.title == "Isle of Wight Delivery Plan"
    assert plan.delivers == strategy.id
    assert plan.delivered_by == ("child-exploitation-delivery-subgroup",)
    assert plan.period is None


def test_2024_the_framework_and_the_thresholds_document(
    ds2024: Dataset, p2024: Partnership
) -> None:
    framework = _document(ds2024, "learning-and-improvement-framework")
    assert [item.text for item in framework.items][:3] == [
        "clear and robust Local Child Safeguarding Practice Review processes",
        "multi-agency audits",
        "a comprehensive multi-agency training programme",
    ]
    assert framework.items[-1].text.startswith("the way performance information is provided")
    # "The lead safeguarding partners oversee regular review and dissemination of the Isle
    # of Wight Thresholds Document"
    thresholds = _document(ds2024, "isle-of-wight-thresholds-document")
    assert thresholds.monitored_by == tuple(lead.post for lead in p2024.lead_partners)
    assert p2024.thresholds is not None
    assert p2024.thresholds.title == thresholds.title


def test_2019_documents_share_the_frameworks_id(ds2019: Dataset, ds2024: Dataset) -> None:
    assert [(d.id, d.title) for d in ds2019.documents] == [
        ("learning-and-improvement-framework", "learning and improvement framework"),
        ("iowscp-new-arrangements-plan", "IOWSCP New Arrangements Plan"),
    ]
    framework = _document(ds2019, "learning-and-improvement-framework")
    # "which includes clear and robust serious case review processes, multi-agency
    # audits and a comprehensive multi-agency training programme"
    assert [item.text for item in framework.items] == [
        "clear and robust serious case review processes",
        "multi-agency audits",
        "a comprehensive multi-agency training programme",
    ]
    assert framework.id in {d.id for d in ds2024.documents}


# --- HIPS -----------------------------------------------------------------------------


def test_2024_hips_purpose_and_further_groups(ds2024: Dataset) -> None:
    [hips] = ds2024.collaborations
    # "3. Role of HIPS arrangements ...": "The role of the HIPS Executive Group is to
    # provide strategic direction and coordination ..."
    assert hips.purpose is not None and hips.purpose.text.startswith(
        "The role of the HIPS Executive Group is to provide strategic direction"
    )
    assert hips.description is not None and hips.purpose.text not in hips.description
    # "Other workstreams, e.g. Quality Assurance, Workforce Development, and specific areas
    # of business will be undertaken via Task and Finish or project focussed groups."
    [groups] = [entry for entry in hips.partial if entry.field == "groups"]
    assert groups.further is None  # the document does not count them
    assert groups.text is not None and groups.text.startswith("Other workstreams")
    assert len(hips.groups) == 4


# --- posts ----------------------------------------------------------------------------


def test_2024_the_participating_observer_is_an_elected_member(ds2024: Dataset) -> None:
    post = ds2024.get("cabinet-member-for-childrens-services")
    assert isinstance(post, Post)
    assert post.elected and post.holder is None
    assert [p.id for p in ds2024.posts if p.elected] == [post.id]


# --- the view on a date ---------------------------------------------------------------


def test_2024_before_the_arrangements_took_effect(ds2024: Dataset) -> None:
    # Nothing of the partnership's own stands before September 2024: its documents,
    # lines and events go with it.
    before = ds2024.as_of("2024-08")
    assert before.partnerships == ()
    owned = {d.id for d in ds2024.documents if d.owner == "isle-of-wight-scp"}
    assert owned and not owned & {d.id for d in before.documents}
    [hips] = before.collaborations
    assert hips.members == ()
    assert not any("isle-of-wight-scp" in (line.by, line.to) for line in hips.lines)
    on = ds2024.as_of("2024-09")
    assert {d.id for d in on.documents} == {d.id for d in ds2024.documents}
    assert on.partnership().lines == ds2024.partnership().lines


def test_no_organisation_kind_is_collective_without_saying_so(ds2024: Dataset) -> None:
    collective = [o for o in ds2024.organisations if o.collective]
    assert [o.id for o in collective] == ["iowscp-partner-organisations"]
    assert all(o.kind is OrganisationKind.OTHER for o in collective)
