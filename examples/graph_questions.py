"""Ask the Isle of Wight 2024 arrangements the questions people ask of their structure.

    python examples/graph_questions.py

Every answer comes from the shipped data and carries the document's words where the
data has them; steps the graph infers rather than reads are marked as derived.
"""

from __future__ import annotations

import safeguarding_model as sm
from safeguarding_model.graph import EdgeKind, build_graph


def heading(text: str) -> None:
    print()
    print(text)
    print("-" * len(text))


def main() -> None:
    graph = build_graph(sm.load("isle-of-wight-2024"))
    print(f"The Isle of Wight 2024 governance graph: {graph!r}")

    heading("To whom is the Learning Inquiry Group accountable?")
    line = graph.accountability("Learning Inquiry Group")
    reports_to = [s.target.name for s in line.steps if s.source.id == line.body.id]
    print(f"It reports to: {', '.join(reports_to)}")
    print("Its line ends at the lead safeguarding partners:")
    for ref in line.top:
        print(f"  {ref.name}")

    heading("How does a concern escalate from the Performance and Quality Assurance Group?")
    print(graph.escalation("Performance and Quality Assurance Group", "HIPS Executive Group"))

    heading("And from the Education Subgroup?")
    print(graph.escalation("Education Subgroup", "HIPS Executive Group"))

    heading("And from the Child Exploitation Delivery Subgroup?")
    print(graph.escalation("Child Exploitation Delivery Subgroup", "HIPS Executive Group"))

    heading("Who chairs the Executive Group?")
    [chair] = graph.chairs("Executive Group").bodies[0].chairs
    print(chair.description)
    print(f'Source: "{chair.text}"')

    heading("Which bodies does the constabulary sit on, and how?")
    print(graph.sits_on("Hampshire and Isle of Wight Constabulary"))

    heading("Which delegated partner posts does the constabulary hold?")
    seats = graph.sits_on("hampshire-and-isle-of-wight-constabulary")
    for seat in seats.on("isle-of-wight-scp"):
        if seat.kind == EdgeKind.DELEGATED_PARTNER_OF.value:
            for post in seat.through:
                print(f"  {post.name}")

    heading("Which groups are run jointly with another board?")
    for group, other, _ in graph.view(EdgeKind.JOINT_WITH).edges(keys=True):
        print(f"  {graph.ref(group).name} is joint with the {graph.ref(other).name}")

    heading("Who sits on the Executive Group?")
    print(graph.members("Executive Group"))

    heading("What is wrong with the structure, and what does the source not say?")
    report = graph.structure()
    print(report)
    print(f"Fails --strict: {report.failed(strict=True)}")

    heading("The structure as it stood on the date of the document")
    print(build_graph(sm.load("isle-of-wight-2024"), on="2024-09"))


if __name__ == "__main__":
    main()
