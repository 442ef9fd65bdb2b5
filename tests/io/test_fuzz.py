"""Fuzzing the loader: the shipped files, damaged in every way a hand, a mail program or
another tool could damage them, and worse.

For every input: no exception but the package's own; every problem names the file,
line and column; the command line answers with exit status 0 or 2, never a traceback;
and a watchdog fails the test if reading does not end (a hang, not a slow run: the
bound is hundreds of times what a read takes). Twice the hypothesis profile's
examples run: fifty locally, two hundred in CI.
"""

from __future__ import annotations

import contextlib
import io
import signal
import sys
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from unittest import mock

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import safeguarding_model as sm
from safeguarding_model.cli import main
from safeguarding_model.errors import LoadError
from safeguarding_model.io import yaml_reading

EXAMPLES = 2 * (settings.default.max_examples or 25)  # 50 locally, 200 in CI (conftest.py)
WATCHDOG_SECONDS = 60

_FOLDER = resources.files("safeguarding_model") / "data" / "examples"
SHIPPED = {
    name: (_FOLDER / f"{name}.yaml").read_text(encoding="utf-8")
    for name in sm.example_names()
    if (_FOLDER / f"{name}.yaml").is_file()  # a region is a folder: its dump is below
}
TEXTS = [
    *((text, "yaml") for text in SHIPPED.values()),
    *((sm.dumps(sm.load(name), "json"), "json") for name in sm.example_names()),
]

HOSTILE = [
    "9" * 5000,
    "-" + "1" * 4400,
    "1e99999",
    '"\\ud800"',
    '"\\ud83d\\ude00"',
    "\ud800",
    "!!python/object/apply:os.system ['true']",
    "!custom tag",
    "*nowhere",
    "&a [*a, *a, *a]",
    "[" * 300,
    "{" * 300,
    "]",
    "}",
    "'unclosed",
    '"unclosed',
    "\x00",
    "\x07",
    "\x1b[2J",
    "\u202e",
    "\ufeff",
    "\t",
    "key: value: other",
    "- - -",
    "? complex",
    "%YAML 1.1",
    "---",
    "...",
    "|\n  block",
    "null",
    "~",
    "yes",
    ".inf",
    "NaN",
    "Infinity",
    "0x1F",
    "12:30",
    "2024-13-45",
    "2023-9",
    "@",
    "`",
    ",",
    ":",
    '{"a": 1, "a": 2}',
    "\\",
    "\r",
    "\u2028",
    "",
]


class Hang(Exception):
    """The watchdog fired: reading did not end."""


@contextlib.contextmanager
def watchdog(seconds: int) -> Iterator[None]:
    """Fail (rather than hang the suite) when the body runs for ``seconds``."""
    if not hasattr(signal, "SIGALRM"):  # pragma: no cover - not on Windows
        yield
        return

    def fire(signum: int, frame: object) -> None:
        raise Hang(f"reading did not end within {seconds} seconds")

    previous = signal.signal(signal.SIGALRM, fire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


Mutation = Callable[[str], str]


@st.composite
def mutations(draw: st.DrawFn, length: int) -> Mutation:
    """One damage to a text of ``length`` characters, chosen and placed by hypothesis."""
    at = draw(st.integers(0, max(length - 1, 0)))
    span = draw(st.integers(1, 400))
    hostile = draw(st.sampled_from(HOSTILE))
    kind = draw(
        st.sampled_from(
            [
                "delete",
                "duplicate",
                "truncate",
                "insert",
                "replace-value",
                "replace-key",
                "indent",
                "control",
                "delete-line",
                "duplicate-line",
            ]
        )
    )
    control = draw(st.sampled_from([chr(c) for c in (*range(0, 9), *range(11, 32), 127)]))

    def mutate(text: str) -> str:
        lines = text.split("\n")
        line = min(at * len(lines) // max(len(text), 1), len(lines) - 1)
        here = min(at, len(text))
        if kind == "delete":
            return text[:here] + text[here + span :]
        if kind == "duplicate":
            return text[: here + span] + text[here : here + span] + text[here + span :]
        if kind == "truncate":
            return text[:here]
        if kind == "insert":
            return text[:here] + hostile + text[here:]
        if kind == "control":
            return text[:here] + control + text[here:]
        if kind == "delete-line":
            return "\n".join(lines[:line] + lines[line + 1 :])
        if kind == "duplicate-line":
            return "\n".join([*lines[: line + 1], lines[line], *lines[line + 1 :]])
        if kind == "indent":
            lines[line] = lines[line][2:] if lines[line].startswith("  ") else "  " + lines[line]
            return "\n".join(lines)
        key, colon, value = lines[line].partition(": ")
        if not colon:
            return text[:here] + hostile + text[here:]
        if kind == "replace-value":
            lines[line] = f"{key}: {hostile}"
        else:
            indent = key[: len(key) - len(key.lstrip(" -"))]
            lines[line] = f"{indent}{hostile}: {value}"
        return "\n".join(lines)

    return mutate


@st.composite
def damaged(draw: st.DrawFn) -> tuple[str, str]:
    """A shipped file (as YAML or JSON) with one to four damages."""
    text, format = draw(st.sampled_from(TEXTS))
    for _ in range(draw(st.integers(1, 4))):
        text = draw(mutations(len(text)))(text)
    return text, format


def check_located(error: LoadError, name: str) -> None:
    assert error.problems, "a LoadError with no problem in it"
    for problem in error.problems:
        assert problem.file == name, str(problem)
        if problem.message.startswith("the file is empty"):
            continue  # a whole-file problem has no line
        assert problem.line is not None and problem.column is not None, str(problem)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.mark.parametrize("parser", ["libyaml", "pure-python"])
@settings(max_examples=EXAMPLES, deadline=None)
@given(case=damaged())
def test_damaged_files_get_located_errors_never_a_crash(
    parser: str, case: tuple[str, str], folder: Path
) -> None:
    text, format = case
    loader = getattr(yaml, "CSafeLoader", None) if parser == "libyaml" else yaml.SafeLoader
    if loader is None:
        pytest.skip("this PyYAML is built without libyaml")
    name = f"fuzzed.{format}"
    path = folder / name
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    with mock.patch.object(yaml_reading, "_Loader", loader), watchdog(WATCHDOG_SECONDS):
        try:
            dataset = sm.loads(text, format=format, name=name)
        except LoadError as error:
            check_located(error, name)
        else:
            assert sm.loads(sm.dumps(dataset, format), format=format) == dataset
        try:
            sm.load(path)
        except LoadError as error:
            check_located(error, str(path))
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
            status = main(["validate", str(path)])  # anything but the package's errors escapes
        assert status in (0, 2), stderr.getvalue()
        if status == 2:
            assert f"{path}:" in stderr.getvalue()
        assert "\x1b" not in stderr.getvalue()


def test_the_mutations_damage_the_files() -> None:
    """The fuzzer is only as good as its damage: most damaged files must not load."""

    @settings(max_examples=60, deadline=None, database=None)
    @given(case=damaged())
    def count(case: tuple[str, str]) -> None:
        text, format = case
        try:
            sm.loads(text, format=format)
        except LoadError:
            outcomes.append(False)
        else:
            outcomes.append(True)

    outcomes: list[bool] = []
    count()
    assert outcomes.count(False) > len(outcomes) // 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))
