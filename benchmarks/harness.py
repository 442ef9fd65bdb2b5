"""Every stage of the library on a national-scale model, side by side with its floor.

    python benchmarks/harness.py [--partnerships 150] [--sizes 1,2,4] [--repeat 3]
                                 [--only NAME ...] [--json PATH] [--quick]

Generates the national model of :mod:`national` (``--partnerships`` partnerships in
regions of four sharing police forces, integrated care boards and a collaboration,
with business plans and dated history) at each size (1x, 2x and 4x by default), and
times every stage against the floor that fits it, the least any code doing that work
must spend:

- start-up: ``import safeguarding_model`` against importing the libraries it uses
  (attrs, cattrs, PyYAML); importing it and loading one partnership's file against
  importing those and parsing the file with the C parser; ``safeguarding-model
  --help`` against importing those and argparse; each a whole Python process;
- loading a folder against PyYAML's C parser reading the same files;
- the governance graph against building the same nodes and edges into networkx;
- each exporter against the floor that fits it: ``json.dumps`` and PyYAML's C dumper
  of the same data, ``networkx.write_graphml`` (lxml) of the same graph, pyoxigraph
  writing the same triples as Turtle and JSON-LD, Graphviz's ``nop`` reading and
  writing the same DOT; formats with no outside equivalent only for their growth;
- one partnership's document (Markdown, HTML, Word) from the national dataset
  against the same document from that partnership's own file;
- every query over all the bodies it applies to, against visiting those bodies'
  edges in networkx;
- whole commands of the command line (start-up included) against the same floor
  work done by a bare Python process.

For each stage it reports the time (CPU seconds of this process, or of the child
process for a command; the fastest of ``--repeat`` runs, one run for a stage slower
than two seconds), the floor's time, their ratio at each size, the scaling exponent
from the smallest size to the largest (1.0 is linear: ``log(t_large / t_small) /
log(size_large / size_small)``), and the peak memory at the smallest size (the peak
of Python's traced allocations during one run, or a command's peak resident size);
then the memory of the whole pipeline against the loaded model's own size. Where the
issue that asked for these numbers sets a goal, the table says whether it is met.
The table is printed; ``--json`` writes every number. ``--quick`` is a small run
(1x and 2x of a few partnerships, one run each) that shows the harness works.

Nothing here is a test: no time is asserted anywhere.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import importlib
import io
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import networkx as nx
import yaml
from national import alone, partnership_id, write_national

import safeguarding_model as sm
from safeguarding_model.exporters import export, export_to, exporter_names
from safeguarding_model.graph import GovernanceGraph

SLOW = 2.0  # seconds: a run this long is not repeated
Action = Callable[[], object]
Command = list[str]


@dataclass
class Size:
    """The national model at one size, loaded once, with what the floors start from."""

    multiple: int
    partnerships: int
    folder: Path
    paths: list[Path]
    alone_path: Path
    dataset: sm.Dataset
    alone: sm.Dataset
    graph: GovernanceGraph

    @property
    def megabytes(self) -> float:
        return sum(p.stat().st_size for p in self.paths) / 1e6


@dataclass
class Work:
    """One side of a comparison: a Python call timed in this process, or a command
    timed as a child process."""

    action: Action | None = None
    command: Command | None = None
    before: Callable[[], None] | None = None  # run, not timed, before each timed run


Prepare = Callable[[Size], tuple[Work, Work | None]]


@dataclass
class Stage:
    name: str
    floor: str
    prepare: Prepare
    goal_ratio: float | None = None
    goal_exponent: float | None = None
    sized: bool = True  # False: measured once (start-up), not at each size


@dataclass
class Result:
    stage: Stage
    times: dict[int, float] = field(default_factory=dict)
    floors: dict[int, float] = field(default_factory=dict)
    peak_mb: float | None = None
    note: str = ""

    def ratio(self, multiple: int) -> float | None:
        floor = self.floors.get(multiple)
        time_ = self.times.get(multiple)
        return None if not floor or time_ is None else time_ / floor

    def exponent(self, which: dict[int, float]) -> float | None:
        if len(which) < 2:
            return None
        small, large = min(which), max(which)
        if which[small] <= 0 or which[large] <= 0:
            return None
        return math.log(which[large] / which[small]) / math.log(large / small)


# Measuring ---------------------------------------------------------------------------


def _cpu() -> float:
    return time.process_time()


def time_action(action: Action, repeat: int, before: Callable[[], None] | None = None) -> float:
    """The fastest CPU time of ``repeat`` runs (one, for a slow action)."""
    best = math.inf
    for _ in range(repeat):
        if before is not None:
            before()
        gc.collect()
        start = _cpu()
        action()
        spent = _cpu() - start
        best = min(best, spent)
        if spent > SLOW:
            break
    return best


_TIME = "/usr/bin/time"  # GNU time: the peak memory of the command itself


def run_command(command: Command) -> tuple[float, float | None]:
    """Run ``command`` to its end: its CPU seconds (user and system) as the operating
    system counts them for the finished child, and its peak resident memory in MB.

    The peak is read through GNU time where it is installed: a child's own count would
    include this process's memory, which it shares until it starts the command; without
    it, None."""
    measured = os.path.exists(_TIME)
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as report:
        argv = [_TIME, "-f", "%M", "-o", report.name, *command] if measured else command
        process = subprocess.Popen(
            argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_child_environment()
        )
        assert process.stderr is not None
        errors = process.stderr.read()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        process.stderr.close()
        if process.returncode not in (0, 1):
            message = errors.decode(errors="replace")
            raise RuntimeError(f"{' '.join(command)} failed: {message}")
        peak = None
        if measured:
            lines = report.read().split()
            peak = int(lines[-1]) / 1024 if lines and lines[-1].isdigit() else None
    return usage.ru_utime + usage.ru_stime, peak


def time_command(command: Command, repeat: int, warm: bool) -> tuple[float, float | None]:
    """The fastest CPU time of ``repeat`` runs (after one not counted, when ``warm``),
    and the largest peak resident memory."""
    if warm:
        run_command(command)
    best, peak = math.inf, None
    for _ in range(repeat):
        spent, memory = run_command(command)
        best = min(best, spent)
        if memory is not None:
            peak = memory if peak is None else max(peak, memory)
        if spent > SLOW:
            break
    return best, peak


def traced_peak(action: Action) -> float:
    """The peak of Python's traced allocations, in MB, while ``action`` runs (above
    what was allocated before it started)."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        action()
        return (tracemalloc.get_traced_memory()[1] - before) / 1e6
    finally:
        tracemalloc.stop()


def _child_environment() -> dict[str, str]:
    """This process's environment, with the folders this process imports the package
    and its plugins from first on the child's path, so a command runs the same code."""
    folders = []
    for name in ("safeguarding_model", "safeguarding_model_rdf", "safeguarding_model_docx"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        assert module.__file__ is not None
        folders.append(str(Path(module.__file__).resolve().parents[1]))
    environment = dict(os.environ)
    path = [*folders, *filter(None, environment.get("PYTHONPATH", "").split(os.pathsep))]
    environment["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(path))
    environment.pop("SAFEGUARDING_MODEL_NO_PLUGINS", None)
    return environment


def python(code: str) -> Command:
    return [sys.executable, "-c", code]


def cli(*arguments: str | Path) -> Command:
    return [sys.executable, "-m", "safeguarding_model", *map(str, arguments)]


# The floors --------------------------------------------------------------------------


def c_parse(paths: list[Path]) -> None:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in paths:
        yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


_C_PARSE = (
    "import sys, yaml\n"
    "from pathlib import Path\n"
    "paths = sorted(p for p in Path(sys.argv[1]).rglob('*.yaml'))\n"
    "data = [yaml.load(p.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader) for p in paths]\n"
)


def _plain_graph(size: Size) -> Action:
    nodes = list(size.graph.graph.nodes(data=True))
    edges = list(size.graph.graph.edges(keys=True, data=True))

    def build() -> object:
        graph = nx.MultiDiGraph()
        graph.add_nodes_from(nodes)
        graph.add_edges_from(edges)
        return graph

    return build


def _oxigraph(text: str, source: str, target: str) -> Action | None:
    """pyoxigraph writing the triples of ``text`` (in ``source``) as ``target``; None
    when pyoxigraph is not installed."""
    try:
        ox: Any = importlib.import_module("pyoxigraph")
    except ImportError:
        return None
    triples = list(ox.parse(text.encode("utf-8"), format=getattr(ox.RdfFormat, source)))
    prefixes = {}
    for line in text.splitlines():
        if not line.startswith("@prefix"):
            break
        name, iri = line.split()[1:3]
        prefixes[name.rstrip(":")] = iri.strip("<>")
    form = getattr(ox.RdfFormat, target)

    def write() -> object:
        return ox.serialize(triples, format=form, prefixes=prefixes or None)

    return write


def _edge_walk(graph: GovernanceGraph, bodies: Sequence[str]) -> Action:
    """The least a question about each of ``bodies`` does: look at its edges."""
    g = graph.graph

    def walk() -> object:
        seen = 0
        for body in bodies:
            for _ in g.out_edges(body, keys=True, data=True):
                seen += 1
            for _ in g.in_edges(body, keys=True, data=True):
                seen += 1
        return seen

    return walk


# The stages --------------------------------------------------------------------------


def _import(size: Size) -> tuple[Work, Work | None]:
    return Work(command=python("import safeguarding_model")), Work(
        command=python("import attrs, cattrs, yaml")
    )


def _import_and_load(size: Size) -> tuple[Work, Work | None]:
    path = str(size.alone_path)
    return Work(command=python(f"import safeguarding_model as sm; sm.load({path!r})")), Work(
        command=python(
            "import attrs, cattrs, yaml\n"
            f"yaml.load(open({path!r}, encoding='utf-8').read(), Loader=yaml.CSafeLoader)"
        )
    )


def _help(size: Size) -> tuple[Work, Work | None]:
    return Work(command=cli("--help")), Work(command=python("import argparse, attrs, cattrs, yaml"))


def _load(size: Size) -> tuple[Work, Work | None]:
    return Work(lambda: sm.load(size.folder)), Work(lambda: c_parse(size.paths))


def _graph(size: Size) -> tuple[Work, Work | None]:
    return Work(lambda: sm.build_graph(size.dataset)), Work(_plain_graph(size))


def _json(size: Size) -> tuple[Work, Work | None]:
    data = json.loads(export(size.dataset, "json"))
    return Work(lambda: export(size.dataset, "json")), Work(
        lambda: json.dumps(data, indent=2, ensure_ascii=False)
    )


def _yaml(size: Size) -> tuple[Work, Work | None]:
    data = sm.to_data(size.dataset)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

    def floor() -> object:
        return yaml.dump(
            data,
            Dumper=dumper,
            sort_keys=False,
            allow_unicode=True,
            width=100,
            default_flow_style=False,
        )

    return Work(lambda: export(size.dataset, "yaml")), Work(floor)


def _graphml(size: Size) -> tuple[Work, Work | None]:
    graph = nx.read_graphml(io.StringIO(str(export(size.dataset, "graphml"))))

    def floor() -> object:
        out = io.BytesIO()
        nx.write_graphml_lxml(graph, out)
        return out

    return Work(lambda: export(size.dataset, "graphml")), Work(floor)


def _rdf(format: str, syntax: str) -> Prepare:
    def prepare(size: Size) -> tuple[Work, Work | None]:
        _needs(format)
        floor = _oxigraph(str(export(size.dataset, format)), syntax, syntax)
        return Work(lambda: export(size.dataset, format)), Work(floor) if floor else None

    return prepare


def _dot(size: Size) -> tuple[Work, Work | None]:
    target = size.folder.parent / f"chart-{size.multiple}.gv"
    target.write_text(str(export(size.dataset, "dot")), encoding="utf-8")
    # Graphviz's nop reads the chart and writes it back, without laying it out (dot
    # -Tcanon lays the national chart out, which takes minutes)
    nop = shutil.which("nop")
    floor = Work(command=[nop, str(target)]) if nop else None
    return Work(lambda: export(size.dataset, "dot")), floor


def _growth(format: str) -> Prepare:
    def prepare(size: Size) -> tuple[Work, Work | None]:
        return Work(lambda: export(size.dataset, format)), None

    return prepare


def _document(format: str, *, again: bool = False) -> Prepare:
    """One partnership's document from the national dataset and from its own file. Each
    run is of a dataset newly loaded (not timed), as in a process that loads a dataset
    and makes one document; ``again``: of the same dataset each run, as in a script
    that makes every partnership's document from one dataset (what is worked out once
    per dataset is then not worked out again)."""

    def prepare(size: Size) -> tuple[Work, Work | None]:
        _needs(format)
        key = partnership_id(0)
        if again:
            return Work(lambda: export(size.dataset, format, partnership=key)), Work(
                lambda: export(size.alone, format, partnership=key)
            )
        fresh: dict[Path, sm.Dataset] = {}

        def loaded(source: Path) -> Work:
            def load() -> None:
                fresh.clear()  # the last one goes before the next is loaded
                fresh[source] = sm.load(source)

            return Work(lambda: export(fresh[source], format, partnership=key), before=load)

        return loaded(size.folder), loaded(size.alone_path)

    return prepare


def _query(ask: Callable[[GovernanceGraph], Sequence[str]]) -> Prepare:
    """``ask`` puts its question to a graph about every body it applies to and returns
    those bodies. Each run asks a graph built just before it (not timed), so nothing
    one run learnt is remembered by the next."""

    def prepare(size: Size) -> tuple[Work, Work | None]:
        fresh: list[GovernanceGraph] = []

        def build() -> None:
            fresh[:] = [sm.build_graph(size.dataset)]

        bodies = ask(sm.build_graph(size.dataset))
        return Work(lambda: ask(fresh[0]), before=build), Work(_edge_walk(size.graph, bodies))

    return prepare


def _groups(graph: GovernanceGraph) -> list[str]:
    return [group.id for _, group in graph.dataset.groups()]


def _ask_chairs(graph: GovernanceGraph) -> Sequence[str]:
    graph.chairs()
    return [*(p.id for p in graph.dataset.partnerships), *_groups(graph)]


def _ask_members(graph: GovernanceGraph) -> Sequence[str]:
    bodies = _groups(graph)
    for body in bodies:
        graph.members(body)
    return bodies


def _ask_accountability(graph: GovernanceGraph) -> Sequence[str]:
    bodies = _groups(graph)
    for body in bodies:
        graph.accountability(body)
    return bodies


def _ask_escalation(graph: GovernanceGraph) -> Sequence[str]:
    dataset = graph.dataset
    asked = []
    for collaboration in dataset.collaborations:
        top = collaboration.groups[0].id
        for member in collaboration.members:
            for group in dataset.partnership(member).groups:
                graph.escalation(group.id, top)
                asked.append(group.id)
    return asked


def _ask_sits_on(graph: GovernanceGraph) -> Sequence[str]:
    dataset = graph.dataset
    bodies = [o.id for o in dataset.organisations]
    bodies += [p.id for p in dataset.posts] + [p.id for p in dataset.people]
    for body in bodies:
        graph.sits_on(body)
    return bodies


def _ask_structure(graph: GovernanceGraph) -> Sequence[str]:
    graph.structure()
    return list(graph.graph.nodes)


def _check(size: Size) -> tuple[Work, Work | None]:
    from safeguarding_model.rules import check

    return Work(lambda: check(size.dataset)), None


def _cli_validate(size: Size) -> tuple[Work, Work | None]:
    return Work(command=cli("validate", size.folder)), Work(
        command=[*python(_C_PARSE), str(size.folder)]
    )


def _cli_json(size: Size) -> tuple[Work, Work | None]:
    target = size.folder.parent / f"national-{size.multiple}.json"
    floor = _C_PARSE + (
        "import json\n"
        "Path(sys.argv[2]).write_text(json.dumps(data, indent=2, ensure_ascii=False), "
        "encoding='utf-8')\n"
    )
    return Work(command=cli("export", size.folder, "--to", "json", "-o", target)), Work(
        command=[*python(floor), str(size.folder), str(target)]
    )


def _cli_document(size: Size) -> tuple[Work, Work | None]:
    key = partnership_id(0)
    target = size.folder.parent / f"document-{size.multiple}.md"
    return Work(
        command=cli("export", size.folder, "--to", "markdown", "--partnership", key, "-o", target)
    ), Work(command=cli("export", size.alone_path, "--to", "markdown", "-o", target))


def _cli_query(size: Size) -> tuple[Work, Work | None]:
    body = f"{partnership_id(0).split('-')[0]}-learning-inquiry-group"
    return Work(command=cli("query", size.folder, "accountability", body)), Work(
        command=[*python("import networkx\n" + _C_PARSE), str(size.folder)]
    )


STAGES = [
    Stage("import", "import attrs, cattrs, yaml", _import, goal_ratio=1.3, sized=False),
    Stage("import + load 1 file", "the same, C parser", _import_and_load, sized=False),
    Stage("cli --help", "import argparse, attrs, cattrs, yaml", _help, sized=False),
    Stage("load", "PyYAML C parser", _load, goal_exponent=1.1),
    Stage("graph build", "networkx direct build", _graph, goal_ratio=1.5, goal_exponent=1.1),
    Stage("export json", "json.dumps", _json, goal_exponent=1.1),
    Stage("export yaml", "PyYAML C dumper", _yaml, goal_exponent=1.1),
    Stage("export graphml", "networkx write_graphml (lxml)", _graphml, 1.5, 1.1),
    Stage("export turtle", "pyoxigraph, same triples", _rdf("turtle", "TURTLE"), 2, 1.1),
    Stage("export jsonld", "pyoxigraph, same triples", _rdf("jsonld", "JSON_LD"), 2, 1.1),
    Stage("export dot", "Graphviz nop", _dot, goal_exponent=1.1),
    Stage("export mermaid", "-", _growth("mermaid"), goal_exponent=1.1),
    Stage("export csv", "-", _growth("csv"), goal_exponent=1.1),
    Stage("export popolo", "-", _growth("popolo"), goal_exponent=1.1),
    Stage("markdown, 1 partnership", "the partnership alone", _document("markdown"), 2),
    Stage(
        "markdown, 1 partnership again",
        "the partnership alone",
        _document("markdown", again=True),
        2,
    ),
    Stage("html, 1 partnership", "the partnership alone", _document("html"), 2),
    Stage("docx, 1 partnership", "the partnership alone", _document("docx"), 2),
    Stage("query chairs", "networkx edge walk", _query(_ask_chairs), goal_exponent=1.1),
    Stage("query members", "networkx edge walk", _query(_ask_members), goal_exponent=1.1),
    Stage("query accountability", "networkx edge walk", _query(_ask_accountability), None, 1.1),
    Stage("query escalation", "networkx edge walk", _query(_ask_escalation), goal_exponent=1.1),
    Stage("query sits-on", "networkx edge walk", _query(_ask_sits_on), goal_exponent=1.1),
    Stage("query structure", "networkx edge walk", _query(_ask_structure), goal_exponent=1.1),
    Stage("check (rules)", "-", _check, goal_exponent=1.1),
    Stage("cli validate", "python: C parse", _cli_validate),
    Stage("cli export json", "python: C parse, json.dumps", _cli_json),
    # the command reads every file of the folder (any may hold what the partnership
    # names), which its floor, one file, does not: no goal; the document is the rows above
    Stage("cli markdown, 1 partnership", "cli, the partnership alone", _cli_document),
    Stage("cli query accountability", "python: C parse, networkx", _cli_query),
]


# Running -----------------------------------------------------------------------------


def make_size(multiple: int, partnerships: int, root: Path) -> Size:
    folder = root / f"national-{multiple}x"
    paths = write_national(partnerships, folder)
    alone_path = root / f"alone-{multiple}x.yaml"
    alone_path.write_text(alone(0), encoding="utf-8")
    dataset = sm.load(folder)
    return Size(
        multiple=multiple,
        partnerships=partnerships,
        folder=folder,
        paths=paths,
        alone_path=alone_path,
        dataset=dataset,
        alone=sm.load(alone_path),
        graph=sm.build_graph(dataset),
    )


class Skip(Exception):
    """A stage that cannot run here (an exporter not installed), and why."""


def _needs(format: str) -> None:
    if format not in exporter_names():
        raise Skip(f"the {format} exporter is not installed")


def measure(
    stage: Stage,
    size: Size,
    repeat: int,
    result: Result,
    *,
    first: bool,
    warm: bool,
    trace_under: float = math.inf,
) -> None:
    """Time ``stage`` and its floor at ``size``, with a run not counted first when
    ``warm`` (at the first size, so that imports and plugins loading are not counted),
    and its peak memory at the ``first`` size (traced, for a call in this process, only
    when its run took less than ``trace_under`` seconds: tracing slows it a lot)."""
    memory = first
    try:
        work, floor = stage.prepare(size)
    except Skip as reason:
        result.note = str(reason)
        return
    for side, into in ((work, result.times), (floor, result.floors)):
        if side is None:
            continue
        if side.command is not None:
            spent, peak = time_command(side.command, repeat, warm)
            if memory and side is work:
                result.peak_mb = peak
        else:
            assert side.action is not None
            if warm:
                if side.before is not None:
                    side.before()
                side.action()  # imports and plugins loading, not counted
            spent = time_action(side.action, repeat, side.before)
            if memory and side is work and spent < trace_under:
                if side.before is not None:
                    side.before()
                result.peak_mb = traced_peak(side.action)
        into[size.multiple] = spent


def pipeline_memory(size: Size) -> dict[str, float]:
    """Traced memory of the model loaded, the peak of the whole pipeline (load, graph,
    every exporter in turn written to a file, as a pipeline that publishes them writes
    them, one partnership's documents, the checks), and the peak of a national export
    written to a file against the file's size."""
    out = size.folder.parent / "pipeline"
    out.mkdir(exist_ok=True)
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        dataset = sm.load(size.folder)
        model = tracemalloc.get_traced_memory()[0] - before
        tracemalloc.reset_peak()
        sm.build_graph(dataset)
        installed = set(exporter_names())
        for format in ("json", "yaml", "graphml", "turtle", "jsonld", "dot", "csv", "popolo"):
            if format in installed:  # (csv: a folder of tables)
                export_to(dataset, format, out / format)
        for format in ("markdown", "html", "docx"):
            if format in installed:
                export_to(dataset, format, out / format, partnership=partnership_id(0))
        sm.check(dataset)
        pipeline = tracemalloc.get_traced_memory()[1] - before
        target = size.folder.parent / "national-export.json"
        gc.collect()
        start = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        export_to(dataset, "json", target)
        to_file = tracemalloc.get_traced_memory()[1] - start
        written = target.stat().st_size
    finally:
        tracemalloc.stop()
    return {
        "model_mb": model / 1e6,
        "pipeline_peak_mb": (pipeline) / 1e6,
        "pipeline_ratio": pipeline / model,
        "export_to_file_peak_mb": to_file / 1e6,
        "export_file_mb": written / 1e6,
        "export_to_file_copies": to_file / written,
    }


def _fmt(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _goal(result: Result, multiples: list[int]) -> str:
    stage = result.stage
    verdicts = []
    if stage.goal_ratio is not None:
        ratio = result.ratio(max(result.times)) if result.times else None
        if ratio is not None:
            verdicts.append(
                f"ratio<={stage.goal_ratio:g} " + ("ok" if ratio <= stage.goal_ratio else "OVER")
            )
    if stage.goal_exponent is not None and len(multiples) > 1:
        exponent = result.exponent(result.times)
        if exponent is not None:
            verdicts.append(
                f"exp<={stage.goal_exponent:g} "
                + ("ok" if exponent <= stage.goal_exponent else "OVER")
            )
    return ", ".join(verdicts)


def table(results: list[Result], multiples: list[int]) -> str:
    first = multiples[0]
    head = ["stage", "floor", f"{first}x s", "floor s"]
    head += [f"{m}x ratio" for m in multiples]
    head += ["exponent", "floor exp", "peak MB", "goal"]
    rows = [head]
    for result in results:
        measured = first if first in result.times else next(iter(result.times), first)
        rows.append(
            [
                result.stage.name,
                result.stage.floor,
                _fmt(result.times.get(measured), 3),
                _fmt(result.floors.get(measured), 3),
                *(_fmt(result.ratio(m)) for m in multiples),
                _fmt(result.exponent(result.times)),
                _fmt(result.exponent(result.floors)),
                _fmt(result.peak_mb, 1),
                result.note or _goal(result, multiples),
            ]
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = []
    for number, row in enumerate(rows):
        cells = [
            cell.ljust(width) if i < 2 or i == len(row) - 1 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append(" | ".join(cells).rstrip())
        if number == 0:
            lines.append("-|-".join("-" * width for width in widths))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--partnerships", type=int, default=150, help="partnerships at 1x")
    parser.add_argument("--sizes", default="1,2,4", help="the multiples to run (1,2,4)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each timing (fastest)")
    parser.add_argument("--only", nargs="*", help="the stages to run (names, or their start)")
    parser.add_argument("--json", type=Path, help="write every number to this file")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a small run to show the harness works: 1x and 2x of one partnership, one run "
        "each, memory traced only for calls quicker than a quarter of a second",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.partnerships, args.sizes, args.repeat = 1, "1,2", 1
    multiples = sorted({int(m) for m in args.sizes.split(",")})
    stages = [s for s in STAGES if not args.only or any(s.name.startswith(o) for o in args.only)]
    results = [Result(stage) for stage in stages]
    sizes_info = {}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        pipeline: dict[str, float] = {}
        for multiple in multiples:
            size = make_size(multiple, args.partnerships * multiple, Path(tmp))
            sizes_info[multiple] = {
                "partnerships": size.partnerships,
                "files": len(size.paths),
                "megabytes": round(size.megabytes, 2),
                "graph_nodes": size.graph.graph.number_of_nodes(),
                "graph_edges": size.graph.graph.number_of_edges(),
            }
            print(
                f"{multiple}x: {size.partnerships} partnerships, {len(size.paths)} files, "
                f"{size.megabytes:.1f} MB, {sizes_info[multiple]['graph_nodes']} nodes, "
                f"{sizes_info[multiple]['graph_edges']} edges",
                file=sys.stderr,
                flush=True,
            )
            for result in results:
                if not result.stage.sized and multiple != multiples[0]:
                    continue
                begun = time.perf_counter()
                first = multiple == multiples[0]
                warm = first and not args.quick
                measure(
                    result.stage,
                    size,
                    args.repeat,
                    result,
                    first=first,
                    warm=warm,
                    trace_under=0.25 if args.quick else math.inf,
                )
                print(
                    f"  {result.stage.name} ({time.perf_counter() - begun:.1f} s)",
                    file=sys.stderr,
                    flush=True,
                )
            if multiple == multiples[0] and not args.only:
                pipeline = pipeline_memory(size)
            del size
            gc.collect()
    print(table(results, multiples))
    if pipeline:
        print(
            f"\nmemory: the model loaded {pipeline['model_mb']:.1f} MB; the whole pipeline's "
            f"peak {pipeline['pipeline_peak_mb']:.1f} MB ({pipeline['pipeline_ratio']:.2f}x the "
            f"model); a national JSON export to a file peaked at "
            f"{pipeline['export_to_file_peak_mb']:.1f} MB for a {pipeline['export_file_mb']:.1f} "
            f"MB file ({pipeline['export_to_file_copies']:.2f}x)"
        )
    print(f"\n{time.perf_counter() - started:.0f} s in all", file=sys.stderr)
    if args.json:
        report = {
            "date": datetime.date.today().isoformat(),
            "machine": {
                "python": platform.python_version(),
                "platform": platform.platform(),
                "processors": os.cpu_count(),
            },
            "partnerships": args.partnerships,
            "repeat": args.repeat,
            "time": "CPU seconds, the fastest run",
            "sizes": {f"{m}x": info for m, info in sizes_info.items()},
            "stages": [
                {
                    "stage": r.stage.name,
                    "floor": r.stage.floor,
                    "times": {f"{m}x": t for m, t in r.times.items()},
                    "floors": {f"{m}x": t for m, t in r.floors.items()},
                    "ratios": {f"{m}x": r.ratio(m) for m in r.times},
                    "exponent": r.exponent(r.times),
                    "floor_exponent": r.exponent(r.floors),
                    "peak_mb": r.peak_mb,
                    "goal_ratio": r.stage.goal_ratio,
                    "goal_exponent": r.stage.goal_exponent,
                    "note": r.note or None,
                }
                for r in results
            ],
            "memory": pipeline,
        }
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
