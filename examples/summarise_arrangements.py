"""Summarise the shipped Isle of Wight arrangements and compare 2019 with 2024.

python examples/summarise_arrangements.py
"""

import safeguarding_model as sm


def main() -> None:
    before = sm.load("isle-of-wight-2019").partnership()
    after_data = sm.load("isle-of-wight-2024")
    after = after_data.partnership()
    print(f"{after.name}: {before.guidance.title} -> {after.guidance.title}")
    print(f"relevant agencies: {len(before.relevant_agencies)} -> {len(after.relevant_agencies)}")
    print(f"lead partners in 2019: {', '.join(lead.role.value for lead in before.lead_partners)}")
    print(f"lead partners in 2024: {', '.join(lead.role.value for lead in after.lead_partners)}")
    index = after_data.index()
    for group in after.groups:
        targets = [after_data.name_of(line.to, index) for line in group.reports_to]
        print(f"  {group.name}: reports to {', '.join(targets) or 'not stated'}")


if __name__ == "__main__":
    main()
