"""A third-party plugin, installed from a directory, appears among the exporters and
exports, without any change to the core: discovered through its entry point."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from safeguarding_model.exporters import ExporterManager
from safeguarding_model.model import Dataset

PLUGIN = Path(__file__).parent / "fixtures" / "safeguarding-model-tiny"
EXPECTED = "isle-of-wight-scp\t8\n"  # seven groups and the Partnership Team


def install_metadata(site: Path) -> None:
    """What an installer leaves behind: the distribution's metadata with its entry point."""
    info = site / "safeguarding_model_tiny-0.0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: safeguarding-model-tiny\nVersion: 0.0.1\n"
    )
    (info / "entry_points.txt").write_text("[safeguarding_model]\ntiny = safeguarding_model_tiny\n")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    install_metadata(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.syspath_prepend(str(PLUGIN / "src"))
    return tmp_path


def test_an_installed_plugin_is_discovered_and_exports(site: Path, iow: Dataset) -> None:
    manager = ExporterManager()
    exporter = manager.get("tiny")
    assert exporter.distribution == "safeguarding-model-tiny"
    assert any(p.name == "tiny" and p.version == "0.0.1" for p in manager.plugins())
    assert exporter.run(iow) == EXPECTED
    assert manager.problems() == []


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


def test_the_command_line_lists_and_uses_the_plugin(site: Path) -> None:
    paths = [site, PLUGIN / "src"]
    listed = _cli(paths, "exporters", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    tiny = [e for e in json.loads(listed.stdout)["exporters"] if e["name"] == "tiny"]
    assert tiny == [
        {
            "name": "tiny",
            "media_type": "text/tab-separated-values",
            "extension": "tsv",
            "description": "each partnership and how many groups it has",
            "options": [],
            "folder": False,
            "distribution": "safeguarding-model-tiny",
        }
    ]
    exported = _cli(paths, "export", "isle-of-wight-2024", "--to", "tiny")
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout == EXPECTED


@pytest.mark.slow
def test_pip_installs_the_plugin_from_its_directory(tmp_path: Path) -> None:
    if not can_build_offline():
        pytest.skip(
            "pip cannot build the plugin offline here: it needs setuptools 70.1 or later "
            "(or setuptools and wheel) in this environment"
        )
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
    listed = _cli([target], "exporters")
    assert listed.returncode == 0, listed.stderr
    assert "tiny" in listed.stdout and "safeguarding-model-tiny" in listed.stdout
    exported = _cli([target], "export", "isle-of-wight-2024", "--to", "tiny")
    assert exported.stdout == EXPECTED
