"""Python's cyclic garbage collector held off while a large structure is built.

The collector runs a pass after every few hundred new container objects, and a full
pass over the whole heap whenever the objects that have survived grow by a quarter:
building hundreds of thousands of small dictionaries and tuples (a graph's adjacency,
an export's triples) next to a loaded national dataset sets off pass after pass over
objects that are all still in use, and that costs more than the building itself. What
is built here makes no reference cycles (each part is freed by its reference count when
it goes), so nothing is left for a pass to find: holding the collector off changes what
is freed, and when, by nothing but the cycles other code makes meanwhile, which the
first pass after it finds.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["collector_paused"]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off for the ``with`` block, and on again after it (also when the
    block raises) if it was on before; left as it was when it was off already (the
    caller's choice, or an enclosing block's)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
