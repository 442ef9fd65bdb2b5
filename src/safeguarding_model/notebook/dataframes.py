"""The tables people analyse, as pandas data frames.

The frames are the ``csv`` exporter's tables (:data:`NAMES`, each described column by
column in ``docs/exporters.md``), made from the same rows, so a frame and its CSV file
cannot disagree: ``relevant-agencies``, ``memberships``, ``posts``,
``reporting-lines``, ``groups``, ``chairs`` and the rest; the findings of the
statutory check and of the graph's structural check (:func:`findings_frame`); and the
business plans' actions with their owners and states (:func:`plan_frame`, the rows of
``safeguarding-model plan --format csv``).

pandas is optional: ``pip install 'safeguarding-model[notebook]'`` installs it, and a
frame asked for without it is a
:class:`~safeguarding_model.errors.MissingDependencyError` that says so. pandas is
imported when a frame is first made, never when the package is.

What a cell holds says no more than the data: ``not stated`` where the source does not
give a field (never empty, never "none"), a ``status`` column on every table of dated
things (``current``, ``ended``, ``future`` or ``planned``, read against ``on``, else
``today``), "(derived)" after a role the model implies rather than the data states
(``posts.roles``), and a missing value (``<NA>``) only where the data gives nothing
there. Dates stay as precise as the source (``2024-09``), as text; a frame taken
``on`` a date has a first column ``on``. The spreadsheet guard of the CSV files (a
leading ``'`` before ``=``) is not applied: a frame holds the text as written.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..documents.dated import view_on
from ..errors import MissingDependencyError, UsageError, closest
from ..exporters.builtin.csv import TABLES, Table, tables
from ..exporters.options import ExportOptions
from ..model import Dataset, PartialDate
from ..model.dates import OnDate
from ..model.values import Choice

if TYPE_CHECKING:
    import pandas

    from ..graph.answers import Finding, StructureReport
    from ..rules.engine import CheckReport, PartnershipCheck

__all__ = ["NAMES", "findings_frame", "frame", "frames", "plan_frame"]

NAMES: tuple[str, ...] = tuple(name.removesuffix(".csv") for name in TABLES)
"""The names of the tables: the names of the ``csv`` exporter's files, without ``.csv``."""

EXTRA = "notebook"
"""The extra of ``safeguarding-model`` that installs pandas."""


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise MissingDependencyError("pandas", EXTRA, "a data frame") from None
    return pandas


def _value(value: object) -> object:
    """A cell as a frame holds it: dates and allowed values as text, the rest as is."""
    if isinstance(value, PartialDate):
        return str(value)
    if isinstance(value, Choice):
        return value.value
    return value


def _frame(header: Sequence[str], rows: Iterable[Sequence[object]]) -> pandas.DataFrame:
    """A frame of these columns and rows, each column of the narrowest type that holds
    it (text, whole numbers, yes or no), a missing value as ``<NA>``."""
    pandas = _pandas()
    found = pandas.DataFrame.from_records(
        [tuple(_value(cell) for cell in row) for row in rows], columns=list(header)
    ).convert_dtypes()
    for column in found.columns:
        if found[column].dtype == object:  # no value at all, or text beside numbers
            values = found[column]
            if all(isinstance(value, str) for value in values.dropna()):
                found[column] = values.astype("string")
            else:
                found[column] = values.where(values.notna(), pandas.NA)
    return found


def _table_frame(table: Table) -> pandas.DataFrame:
    if table.on is None:
        return _frame(table.header, table.rows)
    on = str(table.on)
    return _frame(("on", *table.header), ((on, *row) for row in table.rows))


def _name(name: str) -> str:
    wanted = name.strip().lower().replace("_", "-").removesuffix(".csv")
    if wanted in NAMES:
        return wanted
    near = closest(wanted, NAMES)
    hint = f" (did you mean `{near}`?)" if near else ""
    raise UsageError(f"there is no table {name!r}{hint}; the tables are: {', '.join(NAMES)}")


def _tables(
    dataset: Dataset,
    names: Iterable[str] | None,
    on: OnDate | None,
    today: datetime.date | None,
) -> dict[str, Table]:
    options = ExportOptions(on=on, today=today)
    view = view_on(dataset, options.on, today=options.today)
    files = None if names is None else [f"{name}.csv" for name in names]
    made = tables(view.dataset, options, files)
    return {name.removesuffix(".csv"): table for name, table in made.items()}


def frames(
    dataset: Dataset, *, on: OnDate | None = None, today: datetime.date | None = None
) -> dict[str, pandas.DataFrame]:
    """Every table of ``dataset`` as a frame, by name (:data:`NAMES`): as the
    arrangements stood ``on`` a date when one is given, with dates read against it
    (else against ``today``, by default the day they are made)."""
    _pandas()
    return {name: _table_frame(table) for name, table in _tables(dataset, None, on, today).items()}


def frame(
    dataset: Dataset,
    name: str,
    *,
    on: OnDate | None = None,
    today: datetime.date | None = None,
) -> pandas.DataFrame:
    """One table of ``dataset`` as a frame: ``"relevant-agencies"``, ``"memberships"``,
    ``"posts"``, ``"reporting-lines"``... (:data:`NAMES`; ``relevant_agencies`` will do
    too). ``on`` and ``today`` as for :func:`frames`. An unknown name is a
    :class:`~safeguarding_model.errors.UsageError` naming the tables."""
    key = _name(name)
    _pandas()
    return _table_frame(_tables(dataset, [key], on, today)[key])


RULE_COLUMNS = (
    "partnership",
    "on",
    "severity",
    "rule",
    "outcome",
    "message",
    "instrument",
    "reference",
    "source",
    "modality",
    "evidence",
    "advisory",
    "path",
    "bodies",
    "text",
)
STRUCTURE_COLUMNS = ("severity", "code", "message", "bodies", "body_names", "text")


def findings_frame(
    report: CheckReport | PartnershipCheck | StructureReport,
) -> pandas.DataFrame:
    """The findings of the statutory check (``sm.check``: one row per finding, with the
    rule, what it came to, its source, how sure that source is, and whether it is
    advisory) or of the graph's structural check (``graph.structure()``), as a frame.
    Ids in a cell are joined by ``; ``."""
    from ..graph.answers import StructureReport  # (the graph and rules layers, here only)
    from ..rules.engine import CheckReport

    if isinstance(report, StructureReport):
        return _frame(STRUCTURE_COLUMNS, (_structure_row(f) for f in report.findings))
    checks = report.checks if isinstance(report, CheckReport) else (report,)
    on = report.on if isinstance(report, CheckReport) else None
    rows = [
        (
            result.partnership,
            on,
            f.severity.value,
            f.rule,
            f.outcome,
            f.message,
            f.instrument,
            f.reference,
            f.source,
            f.modality,
            f.evidence,
            f.advisory,
            f.path or None,
            "; ".join(f.bodies) or None,
            f.text,
        )
        for result in checks
        for f in result.findings
    ]
    return _frame(RULE_COLUMNS, rows)


def _structure_row(finding: Finding) -> tuple[object, ...]:
    return (
        finding.severity.value,
        finding.code,
        finding.message,
        "; ".join(ref.id for ref in finding.bodies) or None,
        "; ".join(ref.name for ref in finding.bodies) or None,
        finding.text,
    )


def plan_frame(
    dataset: Dataset, plan: str | None = None, year: str | PartialDate | None = None
) -> pandas.DataFrame:
    """The business plans' actions as a frame: one row per action of each reporting
    year (and one with no action for an objective that has none that year), with its
    objective, the objective's owners as the plan gives them (or says it does not),
    the groups it is run with, the action's points, its state (``not stated`` where
    the plan gives none) and its evidence; ``evidence_of_progress`` is true or false,
    and ``reasons`` says why not. ``plan`` is a plan's id or title (every plan when
    None), ``year`` a reporting year (``2021-22``). The same rows as
    ``safeguarding-model plan SOURCE --format csv``."""
    from ..documents.progress import plan_progress, progress_rows

    header, *rows = progress_rows(plan_progress(dataset, plan, year))
    at = header.index("evidence_of_progress")
    typed = (
        tuple(
            (cell == "yes") if number == at else (cell if cell != "" else None)
            for number, cell in enumerate(row)
        )
        for row in rows
    )
    return _frame(header, typed)
