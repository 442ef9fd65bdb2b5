"""Progress of long work, shown on a terminal and nowhere else.

Loading a national folder, checking every partnership of a region or making a large
export takes seconds. The layers that do such work say how far they have got through
:func:`steps` (an iterable, counted as it is consumed), :func:`count` (a number of
units, such as bytes written) and :func:`stage` (work without a count), and say
nothing unless a caller has asked for progress with :func:`shown`. The command line
asks for it on standard error; a script or a notebook may too::

    import safeguarding_model as sm
    from safeguarding_model import progress

    with progress.shown():
        report = sm.check(sm.load("england/"))

Progress is drawn by `tqdm <https://tqdm.github.io/>`_, imported only when a bar is
drawn, and only where the stream is a terminal (or ``always=True`` is given): in a pipe,
a log file or a test, nothing is written and the work runs exactly as without it. Work
that ends within ``delay`` seconds (half a second by default) draws nothing, so quick
commands stay quiet; the bars are cleared when the work ends.

This module is pure standard library at import time so that every layer may use it.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import threading
from collections.abc import Iterable, Iterator, Sized
from contextvars import ContextVar
from typing import IO, Any, TypeVar

import attrs

__all__ = ["DELAY", "Tally", "count", "shown", "stage", "steps"]

T = TypeVar("T")

DELAY = 0.5
"""Seconds a piece of work runs before its progress is drawn: quicker work draws nothing."""

_DELAY_VARIABLE = "SAFEGUARDING_MODEL_PROGRESS_DELAY"


@attrs.frozen
class _Bars:
    """Where progress is drawn, and how soon."""

    stream: IO[str]
    delay: float

    def bar(self, what: str, total: int | None, unit: str) -> Any:
        from tqdm import tqdm  # imported only when progress is drawn

        # the terminal's size as it changes; a terminal that gives no size (0 by 0, as
        # a new pseudo-terminal may) gets 80 by 24 rather than no bar at all
        sized: dict[str, Any] = (
            {"dynamic_ncols": True} if _width(self.stream) > 0 else {"ncols": 80, "nrows": 24}
        )

        return tqdm(
            desc=what,
            total=total,
            unit=unit,
            unit_scale=unit == "B",
            file=self.stream,
            leave=False,
            delay=self.delay,
            mininterval=0.2,
            **sized,
        )


_shown: ContextVar[_Bars | None] = ContextVar("safeguarding_model_progress", default=None)


@contextlib.contextmanager
def shown(
    stream: IO[str] | None = None, *, always: bool = False, delay: float | None = None
) -> Iterator[bool]:
    """Draw the progress of long work on ``stream`` (standard error by default) while
    in the ``with`` block, if ``stream`` is a terminal or ``always`` is true; yields
    whether progress is drawn.

    ``delay`` is how many seconds a piece of work runs before its bar appears (by
    default :data:`DELAY`, or the number in the ``SAFEGUARDING_MODEL_PROGRESS_DELAY``
    environment variable). The bars go to ``stream`` only, never to standard output,
    so that what a command writes is the same with progress as without it.
    """
    target = sys.stderr if stream is None else stream
    if not (always or _is_terminal(target)):
        yield False
        return
    token = _shown.set(_Bars(target, _delay() if delay is None else max(delay, 0.0)))
    try:
        yield True
    finally:
        _shown.reset(token)


def steps(
    items: Iterable[T], what: str, *, total: int | None = None, unit: str = ""
) -> Iterable[T]:
    """``items``, counted on a bar named ``what`` as they are consumed, when progress
    is shown; else ``items`` themselves. ``total`` defaults to ``len(items)`` where
    ``items`` has a length; ``unit`` names what is counted ("files", "partnerships")."""
    bars = _shown.get()
    if bars is None:
        return items
    if total is None and isinstance(items, Sized):
        total = len(items)
    return _counted(bars, items, what, total, unit)


def _counted(
    bars: _Bars, items: Iterable[T], what: str, total: int | None, unit: str
) -> Iterator[T]:
    bar = bars.bar(what, total, unit or "it")
    try:
        for item in items:
            yield item
            bar.update(1)
    finally:
        bar.close()


class Tally:
    """The count of a :func:`count` block: :meth:`advance` as work is done, and
    :meth:`expect` when more work turns up than the total said."""

    def __init__(self, bar: Any = None) -> None:
        self._bar = bar

    def advance(self, units: int = 1) -> None:
        """``units`` more done."""
        if self._bar is not None:
            self._bar.update(units)

    def expect(self, units: int = 1) -> None:
        """``units`` more to do than the total said (a file that includes another)."""
        if self._bar is not None and self._bar.total is not None:
            self._bar.total += units
            self._bar.refresh()


@contextlib.contextmanager
def count(what: str, *, total: int | None = None, unit: str = "") -> Iterator[Tally]:
    """A bar named ``what`` for the ``with`` block, advanced through the
    :class:`Tally` it yields (``tally.advance(n)`` adds ``n`` units of ``unit``;
    ``B`` counts bytes, drawn as kB and MB). When progress is not shown, the tally
    does nothing."""
    bars = _shown.get()
    if bars is None:
        yield Tally()
        return
    bar = bars.bar(what, total, unit or "it")
    try:
        yield Tally(bar)
    finally:
        bar.close()


@contextlib.contextmanager
def stage(what: str) -> Iterator[None]:
    """Work named ``what`` that has no count: when progress is shown and the work
    runs longer than the delay, ``what…`` is drawn until it ends, then cleared."""
    bars = _shown.get()
    if bars is None:
        yield
        return
    line = f"{what}…"
    drawn = threading.Event()
    lock = threading.Lock()

    def draw() -> None:
        with lock:
            if not done:
                _write(bars.stream, "\r" + line)
                drawn.set()

    done = False
    timer = threading.Timer(bars.delay, draw)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            done = True
            timer.cancel()
            if drawn.is_set():
                _write(bars.stream, "\r" + " " * len(line) + "\r")


def _write(stream: IO[str], text: str) -> None:
    with contextlib.suppress(OSError, ValueError):  # a closed or broken terminal
        stream.write(text)
        stream.flush()


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):  # closed, or not a real stream
        return False


def _width(stream: IO[str]) -> int:
    """The width of the terminal ``stream`` writes to, or 0 where it gives none."""
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, ValueError, OSError, io.UnsupportedOperation):
        return 0


def _delay() -> float:
    text = os.environ.get(_DELAY_VARIABLE, "").strip()
    if not text:
        return DELAY
    try:
        return max(float(text), 0.0)
    except ValueError:
        return DELAY
