"""How the semantic diff grows with the model, reported as ratios (never asserted).

    python benchmarks/bench_diff.py

Times (a) comparing two versions of many partnerships and writing the changes as a
document and as text, at 250 and 2,000 partnerships; (b) comparing a partnership's
relevant agencies added and removed, and each replaced by a successor, at 500 and
4,000 agencies. Eight times the size should take about eight times as long: a search
a partnership or a pairwise comparison would take about 64 times.
"""

from __future__ import annotations

import time

from safeguarding_model.documents.changes import changes_document, changes_text
from safeguarding_model.io import loads
from safeguarding_model.model import compare


def _partnerships(n: int) -> float:
    head = "schema: safeguarding-model/2\npartnerships:\n"
    rows = [f"  - {{id: p{i}, name: Partnership {i}, scope: SCOPE}}\n" for i in range(n)]
    text = head + "".join(rows)
    old, new = loads(text.replace("SCOPE", "children")), loads(text.replace("SCOPE", "all-age"))
    start = time.perf_counter()
    changes = compare(old, new)
    changes_document(changes)
    changes_text(changes)
    return time.perf_counter() - start


def _agencies(n: int) -> float:
    def version(prefix: str, follows: str | None = None) -> str:
        lines = ["schema: safeguarding-model/2", "organisations:"]
        for i in range(n):
            succession = (
                f", predecessors: [{{of: {follows}-{i}, how: replaced}}]" if follows else ""
            )
            lines.append(f"  - {{id: {prefix}-{i}, name: Agency {i}, kind: other{succession}}}")
        if follows:
            lines += [f"  - {{id: {follows}-{i}, name: Old {i}, kind: other}}" for i in range(n)]
        agencies = ", ".join(f"{{organisation: {prefix}-{i}}}" for i in range(n))
        lines += ["partnerships:", f"  - {{id: p, name: P, relevant_agencies: [{agencies}]}}"]
        return "\n".join(lines) + "\n"

    old, new, later = loads(version("old")), loads(version("new")), loads(version("later", "old"))
    start = time.perf_counter()
    compare(old, new)
    changes_document(compare(old, later))
    return time.perf_counter() - start


def main() -> None:
    for name, measure, small, large in (
        ("partnerships", _partnerships, 250, 2000),
        ("agencies", _agencies, 500, 4000),
    ):
        measure(small // 2)  # warm up
        a, b = min(measure(small) for _ in range(3)), min(measure(large) for _ in range(3))
        print(f"{name}: {large // small}x the size took {b / a:.1f}x as long")


if __name__ == "__main__":
    main()
