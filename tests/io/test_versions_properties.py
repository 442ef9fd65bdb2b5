"""For any dataset version 1 can say: the version 1 file reads as the dataset, and
`migrate` rewrites it to a version 2 file that reads as the same dataset."""

from __future__ import annotations

import json

import attrs
import yaml
from hypothesis import given

from safeguarding_model.io import loads, to_data
from safeguarding_model.io.versions import migrate_text
from safeguarding_model.model import Dataset, Instrument, Regime
from strategies import datasets

DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # as `dumps` writes YAML


def _sayable_in_version_1(dataset: Dataset) -> Dataset:
    """Version 1 gave each partnership exactly one undated edition of Working
    Together, and had none of version 2's other additions in a partnership's place
    of `guidance`; keep the first regime's instrument (or give one)."""
    partnerships = []
    for p in dataset.partnerships:
        regimes = [r for r in p.regimes if r.instrument.working_together]
        first = regimes[0].instrument if regimes else Instrument.WORKING_TOGETHER_2023
        not_stated = tuple(f for f in p.not_stated if f != "regimes")
        partnerships.append(
            attrs.evolve(p, regimes=(Regime(instrument=first),), not_stated=not_stated)
        )
    return attrs.evolve(dataset, partnerships=tuple(partnerships))


def _version_1(dataset: Dataset) -> dict[str, object]:
    data = to_data(dataset)
    data["schema"] = "safeguarding-model/1"
    for entry in data.get("partnerships", []):
        (regime,) = entry.pop("regimes")
        entry["guidance"] = regime
    return data


@given(datasets())
def test_a_version_1_file_reads_and_migrates_to_the_same_dataset(dataset: Dataset) -> None:
    dataset = _sayable_in_version_1(dataset)
    old = _version_1(dataset)
    for fmt, text in (
        ("yaml", yaml.dump(old, Dumper=DUMPER, sort_keys=False, allow_unicode=True, width=100)),
        ("json", json.dumps(old, ensure_ascii=False, indent=1)),
    ):
        assert loads(text, format=fmt) == dataset
        migration = migrate_text(text, name="old", format=fmt)
        assert len(migration.changes) == 1 + len(dataset.partnerships)
        assert loads(migration.text, format=fmt) == dataset
