"""A yearly report given the previous version fills in what changed, from Python and
from the command line, in every document format."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

import safeguarding_model as sm
from safeguarding_model.cli import main
from safeguarding_model.errors import UsageError

HEADING = "Changes to the safeguarding arrangements"


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_yearly_report_lists_the_changes_since_the_previous_version(fmt: str) -> None:
    new, old = sm.load("isle-of-wight-2024"), sm.load("isle-of-wight-2019")
    text = sm.export(new, fmt, document="yearly-report", previous=old)
    assert isinstance(text, str) and HEADING in text
    assert "Hampshire Constabulary was renamed Hampshire and Isle of Wight Constabulary" in text
    if fmt == "html":
        HTMLParser().feed(text)  # well formed enough for the standard parser
    without = sm.export(new, fmt, document="yearly-report")
    assert HEADING not in str(without)


def test_the_previous_version_may_be_named_as_a_source(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["export", "isle-of-wight-2024", "--to", "markdown", "--document", "yearly-report"]
    assert main([*argv, "--previous", "isle-of-wight-2019"]) == 0
    assert "was replaced by NHS Hampshire and Isle of Wight" in capsys.readouterr().out
    assert main([*argv, "-O", "previous=isle-of-wight-2019"]) == 0
    assert HEADING in capsys.readouterr().out


def test_the_arrangements_document_refuses_a_previous_version(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(UsageError, match="`previous` is for the yearly-report document"):
        sm.export(sm.load("isle-of-wight-2024"), "markdown", previous=sm.load("isle-of-wight-2019"))
    argv = ["export", "isle-of-wight-2024", "--to", "markdown", "--previous", "no-such-source"]
    assert main(argv) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_a_chart_format_does_not_take_a_previous_version(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["export", "isle-of-wight-2024", "--to", "dot", "--previous", "isle-of-wight-2019"]
    assert main(argv) == 2
    assert "previous" in capsys.readouterr().err


def test_on_a_date_a_version_compared_with_itself_has_no_changes() -> None:
    dataset = sm.load("isle-of-wight-2024")
    text = sm.export(dataset, "markdown", document="yearly-report", previous=dataset, on="2024-10")
    assert HEADING in str(text)
    assert "(planned)" not in str(text).split(HEADING)[1].split("\n## ")[0]
