"""What every command's ``--help`` ends with: examples to copy, each a command that
runs as written (the tests run them), and the formatter that keeps them as written
while the prose above them is wrapped to the terminal."""

from __future__ import annotations

import argparse

EXAMPLES: dict[str, tuple[tuple[str, str], ...]] = {
    "examples": (("list the shipped datasets", "safeguarding-model examples"),),
    "show": (
        ("the Isle of Wight's arrangements", "safeguarding-model show isle-of-wight-2024"),
        ("as they stood on a date", "safeguarding-model show isle-of-wight-2020 --on 2020-10"),
        ("your own file, piped in", "cat mine.yaml | safeguarding-model show -"),
    ),
    "validate": (
        ("check a file", "safeguarding-model validate mine.yaml"),
        ("every file of a region", "safeguarding-model validate hips"),
    ),
    "export": (
        (
            "the arrangements document as HTML",
            "safeguarding-model export isle-of-wight-2024 --to html -o iow.html",
        ),
        ("the org chart as SVG", "safeguarding-model export isle-of-wight-2024 --to svg"),
        (
            "the yearly report skeleton with what changed since 2019",
            "safeguarding-model export isle-of-wight-2024 --to markdown "
            "-O document=yearly-report --previous isle-of-wight-2019",
        ),
    ),
    "exporters": (("the formats export can write", "safeguarding-model exporters"),),
    "schema": (
        (
            "the JSON Schema, for an editor",
            "safeguarding-model schema -o safeguarding-model.schema.json",
        ),
    ),
    "query": (
        (
            "whom a subgroup answers to",
            "safeguarding-model query isle-of-wight-2024 accountability PQA",
        ),
        (
            "the route from a subgroup to the HIPS Executive",
            'safeguarding-model query hips escalation PQA "HIPS Executive Group"',
        ),
        (
            "every body the constabulary sits on",
            "safeguarding-model query hips sits-on hampshire-and-isle-of-wight-constabulary",
        ),
    ),
    "migrate": (
        ("what a rewrite would change", "safeguarding-model migrate old.yaml --check"),
        ("rewrite to a new file", "safeguarding-model migrate old.yaml -o new.yaml"),
    ),
    "diff": (
        (
            "what changed, for the yearly report",
            "safeguarding-model diff isle-of-wight-2019 isle-of-wight-2024 --format markdown",
        ),
        (
            "one source between two dates",
            "safeguarding-model diff isle-of-wight-2024 --from 2022 --to 2024-09",
        ),
    ),
    "compare": (
        ("the four HIPS partnerships side by side", "safeguarding-model compare hips"),
        ("as a spreadsheet", "safeguarding-model compare hips --format csv"),
    ),
    "check": (
        ("check against the guidance in force", "safeguarding-model check isle-of-wight-2024"),
        (
            "as the arrangements stood on a date",
            "safeguarding-model check isle-of-wight-2019 --on 2019-06",
        ),
    ),
    "rules": (
        ("every rule", "safeguarding-model rules"),
        (
            "the rules of one edition",
            "safeguarding-model rules --edition working-together-2023",
        ),
    ),
    "plan": (
        ("the Isle of Wight business plan", "safeguarding-model plan isle-of-wight-2020"),
        (
            "one year of the Hampshire plan as CSV",
            "safeguarding-model plan hips --year 2021-22 --format csv",
        ),
    ),
    "completion": (
        (
            "completion in bash, for this shell",
            'eval "$(safeguarding-model completion bash)"',
        ),
        (
            "for every zsh",
            "safeguarding-model completion zsh > ~/.zfunc/_safeguarding-model",
        ),
    ),
}
"""Each command's examples: what it does, and the command."""


def epilog(command: str) -> str | None:
    """The examples that end ``command``'s ``--help``; None for none."""
    found = EXAMPLES.get(command)
    if not found:
        return None
    return "examples:\n" + "\n".join(f"  # {what}\n  {line}" for what, line in found)


class HelpFormatter(argparse.HelpFormatter):
    """argparse's own formatter, except that a paragraph whose lines are indented (the
    examples) is kept as written rather than wrapped into one line."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        filled = []
        for paragraph in text.split("\n\n"):
            if any(line.startswith("  ") for line in paragraph.splitlines()):
                filled.append(paragraph)
            else:
                filled.append(super()._fill_text(paragraph, width, indent))
        return "\n\n".join(filled)
