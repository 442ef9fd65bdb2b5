"""A third-party rule plugin, installed from a directory, registers its rules and they
apply in ``check`` and appear in ``rules``, without any change to the core: discovered
through its entry point (a faked installation, and a real one with pip)."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from safeguarding_model.io import load
from safeguarding_model.rules import Outcome, RuleManager, check
from test_plugin_api import outside_the_api

PLUGIN = Path(__file__).parent / "fixtures" / "safeguarding-model-local-rules"
SOURCE = PLUGIN / "src" / "safeguarding_model_local_rules" / "__init__.py"


def install_metadata(site: Path) -> None:
    """What an installer leaves behind: the distribution's metadata with its entry point."""
    info = site / "safeguarding_model_local_rules-0.0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: safeguarding-model-local-rules\nVersion: 0.0.1\n"
    )
    (info / "entry_points.txt").write_text(
        "[safeguarding_model]\nlocal-rules = safeguarding_model_local_rules\n"
    )


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    install_metadata(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.syspath_prepend(str(PLUGIN / "src"))
    monkeypatch.delenv("SAFEGUARDING_MODEL_NO_PLUGINS", raising=False)
    return tmp_path


def test_the_plugin_imports_only_the_plugin_api() -> None:
    assert outside_the_api(SOURCE.read_text(encoding="utf-8")) == []


def test_an_installed_rule_plugin_is_discovered_and_its_rules_apply(site: Path) -> None:
    manager = RuleManager()
    rule = manager.get("local-contact-published")
    assert rule.distribution == "safeguarding-model-local-rules"
    assert any(p.name == "local-rules" and p.version == "0.0.1" for p in manager.plugins())
    assert manager.problems() == []
    report = check(load("isle-of-wight-2019"), "2025-06-01", manager=manager)
    result = report.checks[0]
    assert result.outcome("local-contact-published") is Outcome.NOT_MET
    [finding] = result.of("local-contact-published")
    assert finding.severity == "warning"
    assert finding.source == "local-standards-2025, standard 4, contact (confirmed)"
    assert finding.message == "the arrangements do not state a contact for the partnership"
    assert result.outcome("ca2004-icb-partner") is Outcome.NOT_MET  # the built-ins still run
    before = check(load("isle-of-wight-2019"), "2025-03-31", manager=manager).checks[0]
    assert before.outcome("local-contact-published") is None  # not before its start
    met = check(load("isle-of-wight-2024"), "2025-06-01", manager=manager).checks[0]
    assert met.outcome("local-contact-published") is Outcome.MET


def can_build_offline() -> bool:
    """Whether setuptools can build a wheel without fetching anything."""
    if importlib.util.find_spec("setuptools") is None:
        return False
    if importlib.util.find_spec("wheel") is not None:
        return True
    from importlib.metadata import version

    major, minor, *_ = (int(part) for part in version("setuptools").split(".")[:2])
    return (major, minor) >= (70, 1)


def _cli(env_path: list[Path], *argv: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([*map(str, env_path), env.get("PYTHONPATH", "")])
    env.pop("SAFEGUARDING_MODEL_NO_PLUGINS", None)
    return subprocess.run(
        [sys.executable, "-m", "safeguarding_model", *argv],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def _uses_the_plugin(paths: list[Path]) -> None:
    listed = _cli(paths, "rules", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    local = [r for r in json.loads(listed.stdout)["rules"] if r["id"].startswith("local-")]
    assert [r["id"] for r in local] == ["local-contact-published", "local-meetings-stated"]
    assert {r["distribution"] for r in local} == {"safeguarding-model-local-rules"}
    checked = _cli(paths, "check", "isle-of-wight-2024", "--on", "2025-06-01", "--format", "json")
    assert checked.returncode == 0, checked.stderr
    [result] = json.loads(checked.stdout)["partnerships"]
    outcomes = {o["rule"]: o["outcome"] for o in result["outcomes"]}
    assert outcomes["local-contact-published"] == "met"
    notes = [f for f in result["findings"] if f["rule"] == "local-meetings-stated"]
    assert any("Performance and Quality Assurance Group" in f["message"] for f in notes)
    failing = _cli(paths, "check", "isle-of-wight-2019", "--on", "2019-09-30", "--strict")
    assert "local-contact-published" not in failing.stdout  # before the standard's start


def test_the_command_line_lists_and_applies_the_plugin(site: Path) -> None:
    _uses_the_plugin([site, PLUGIN / "src"])


@pytest.mark.slow
def test_pip_installs_the_plugin_from_its_directory(tmp_path: Path) -> None:
    if not can_build_offline():
        pytest.skip("pip cannot build the plugin offline here (setuptools 70.1 or later needed)")
    source = shutil.copytree(PLUGIN, tmp_path / "plugin")  # pip builds in the source tree
    target = tmp_path / "site"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--target",
            str(target),
            str(source),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    _uses_the_plugin([target])
