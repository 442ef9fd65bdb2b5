"""A deterministic zip writer: the same files give the same bytes.

Zip entries carry a modification time, the system that wrote them and permissions;
left to themselves they make two exports of one dataset differ. This writer dates
every entry 1980-01-01 00:00 (the earliest date a zip can hold), marks it as written
on Unix with the permissions ``rw-r--r--``, and deflates it. The ``csv`` exporter
zips its tables with it and the ``docx`` plugin rewrites python-docx's archive with
it (``from safeguarding_model.exporters import zip_archive``).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Mapping

from .exporter import Content

__all__ = ["ZIP_DATE", "zip_archive"]

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""The date and time every entry is given."""


def zip_archive(entries: Mapping[str, Content] | Iterable[tuple[str, Content]]) -> bytes:
    """A zip archive of ``entries`` (name to content, text written as UTF-8).

    A mapping is written in the order of its sorted names; pairs are written in the
    order given (a Word file keeps the order python-docx chose).
    """
    pairs = sorted(entries.items()) if isinstance(entries, Mapping) else list(entries)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in pairs:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, content.encode("utf-8") if isinstance(content, str) else content)
    return buffer.getvalue()
