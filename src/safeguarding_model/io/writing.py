"""Writing files safely: in one step, never through a symbolic link, never over the source.

Every file the package writes (:func:`~safeguarding_model.io.dump`, ``export_to``,
the command line's ``-o``) goes through :func:`write_file` or :func:`write_folder`:

- **Symbolic links are refused.** A link at the path written (or, for a folder, a
  link as the folder or at a file it would write) is an error, never followed, so
  nothing is written outside the path given. The folders above the path may be links.
- **A file is replaced in one step.** The new content goes to a temporary file
  beside the path (created exclusively, written, synced to disk), which then takes
  the path's place with :func:`os.replace`. The path holds the old content or the
  new, never a part of either. If anything fails (a full disk, a file-size limit, a
  permission) the temporary file is removed, the old file is left as it was, and the
  error is a :class:`WriteError`: ``PATH: cannot be written (reason)``. A file that
  is replaced keeps its permission bits; a new file gets ``0o644`` less the umask.
  The folder that holds the path must exist and be writable. A device or a pipe
  (``/dev/null``, a named pipe) cannot be replaced, so it is written in place.
- **A folder of files is all or nothing.** Every file is written into a new
  temporary folder beside the path, which then takes the path's place. The folder
  at the path may be missing, empty, or hold only files of the names being
  written: those are replaced, together. A folder holding anything else (another
  file, a subfolder, a link, a hidden file) is refused before anything is
  written, so the user's files are never deleted. If anything fails, the old
  folder is left as it was and no temporary folder is left behind.
- **The source is not overwritten when asked.** Given ``source`` (the file, or the
  folder of files, the data was read from), a path that is that file, however it
  is spelt and through a hard link too, is refused with
  :class:`SourceOverwriteError`: the written data would lose the file's comments
  and layout.

Temporary files and folders are named ``.NAME.XXXXXXXX.tmp`` in the path's folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..errors import SourceOverwriteError, UsageError, WriteError

__all__ = [
    "Data",
    "SourceOverwriteError",
    "WriteError",
    "check_file_target",
    "check_folder_target",
    "check_not_source",
    "overwrites_source",
    "write_all",
    "write_file",
    "write_folder",
]

Data = str | bytes | Iterable[str | bytes]
"""What is written: text (as UTF-8), bytes, or pieces of either, written as they come."""

_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY | _NO_FOLLOW
_FILE_MODE = 0o644  # less the umask, as the operating system applies it
_FOLDER_MODE = 0o777
_DATA_SUFFIXES = (".yaml", ".yml", ".json")  # the files a folder source is read from
_SHOWN = 5  # how many of a folder's other files a refusal names
_NOT_IN_NAMES = frozenset({"/", "\0", os.sep, os.altsep or os.sep})


def check_file_target(path: str | os.PathLike[str]) -> Path:
    """``path`` as a :class:`~pathlib.Path` if a file can be written there; else a
    :class:`UsageError`: its folder is missing, or it is a folder or a symbolic link.

    :func:`write_file` makes these checks itself; call this to fail early, before
    the work of making the content.
    """
    target = _path(path)
    if not target.parent.is_dir():
        raise UsageError(_no_folder(target))
    info = _lstat(target)
    if info is not None and stat.S_ISLNK(info.st_mode):
        raise UsageError(_link(target))
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise UsageError(f"{target} is a folder; give a file name")
    return target


def check_folder_target(path: str | os.PathLike[str], names: Iterable[str] | None = None) -> Path:
    """``path`` as a :class:`~pathlib.Path` if a folder of files can be written
    there; else a :class:`UsageError`: its parent is missing, or it is a file or a
    symbolic link, or (given the ``names`` of the files to write) it holds anything
    besides files of those names, or a link at one of them.

    :func:`write_folder` makes these checks itself; call this to fail early.
    """
    target = _path(path)
    if target.name in ("", ".."):
        raise UsageError(f"{target}: give the folder by its own name, such as tables")
    if not target.parent.is_dir():
        raise UsageError(_no_folder(target))
    info = _lstat(target)
    if info is None:
        return target
    if stat.S_ISLNK(info.st_mode):
        raise UsageError(_link(target))
    if not stat.S_ISDIR(info.st_mode):
        raise UsageError(
            f"{target} is a file; a folder of files is written here: give a folder name"
        )
    if names is None:
        return target
    wanted = set(names)
    others: list[str] = []
    try:
        with os.scandir(target) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.name in wanted and entry.is_symlink():
                    raise UsageError(_link(target / entry.name))
                if entry.name not in wanted or not entry.is_file(follow_symlinks=False):
                    others.append(entry.name)
    except OSError as error:
        raise WriteError(target, _reason(error)) from None
    if others:
        shown = ", ".join(others[:_SHOWN]) + (", ..." if len(others) > _SHOWN else "")
        raise UsageError(
            f"{target} holds other things than the files written here ({shown}); "
            "give a new or empty folder, or move them out of it first "
            "(they are never deleted)"
        )
    return target


def overwrites_source(path: str | os.PathLike[str], source: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is an existing file that is ``source`` (however either is spelt,
    a hard link included), or, when ``source`` is a folder, one of the ``.yaml``,
    ``.yml`` or ``.json`` files in it or in its subfolders."""
    try:
        target = os.stat(path)
        read = os.stat(source)
    except (OSError, ValueError):
        return False  # nothing there to overwrite, or no such source (a shipped example)
    if not stat.S_ISREG(target.st_mode):
        return False
    if not stat.S_ISDIR(read.st_mode):
        return os.path.samestat(target, read)
    for folder, _, names in os.walk(source):
        for name in names:
            if not name.lower().endswith(_DATA_SUFFIXES):
                continue
            with contextlib.suppress(OSError):
                if os.path.samestat(target, os.stat(os.path.join(folder, name))):
                    return True
    return False


def check_not_source(path: str | os.PathLike[str], source: str | os.PathLike[str] | None) -> None:
    """Refuse, with :class:`SourceOverwriteError`, to write ``path`` when it is
    ``source`` (see :func:`overwrites_source`); nothing to check when ``source`` is None."""
    if source is not None and overwrites_source(path, source):
        if Path(source).is_dir():
            what = f"one of the files being read (from the folder {source})"
        elif os.path.normpath(path) == os.path.normpath(source):
            what = "the file being read"
        else:
            what = f"the file being read ({source})"
        raise SourceOverwriteError(path, source, what)


def write_file(
    path: str | os.PathLike[str],
    data: Data,
    *,
    source: str | os.PathLike[str] | None = None,
) -> Path:
    """Write ``data`` (bytes, or text written as UTF-8, or pieces of either written as
    they come) to the file ``path`` in one step, and return the path.

    A symbolic link or a folder at ``path``, or a missing folder to hold it, is a
    :class:`UsageError`; so is ``path`` being ``source``, when given
    (:class:`SourceOverwriteError`). A failed write is a :class:`WriteError` and
    leaves the old file as it was, with no temporary file left behind; so does an
    error raised while the pieces are made.
    """
    target = check_file_target(path)
    check_not_source(target, source)
    info = _lstat(target)
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_in_place(target, data)  # a device or a pipe: there is nothing to replace
        return target
    try:
        descriptor, temporary = _new_file(target.parent, target.name)
    except OSError as error:
        raise WriteError(target, _reason(error)) from None
    try:
        _fill(descriptor, data, stat.S_IMODE(info.st_mode) if info is not None else None)
        os.replace(temporary, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise WriteError(target, _reason(error)) from None
        raise
    _sync(target.parent)
    return target


def write_folder(path: str | os.PathLike[str], files: Mapping[str, bytes]) -> Path:
    """Write the folder ``path`` holding ``files`` (name: content), all or nothing,
    and return the path.

    The folder may be missing, empty, or hold only files of the names in ``files``;
    anything else in it is refused (see :func:`check_folder_target`) rather than
    deleted. The names are plain file names, without folders. A failed write is a
    :class:`WriteError` and leaves the old folder as it was, with no temporary folder
    left behind.
    """
    for name in files:
        if name in ("", ".", "..") or any(c in _NOT_IN_NAMES for c in name):
            raise UsageError(f"{name!r} is not a plain file name (no folders in it)")
    target = check_folder_target(path, files)
    old = _lstat(target)
    try:
        staging = _new_folder(target.parent, target.name, _FOLDER_MODE)
    except OSError as error:
        raise WriteError(target, _reason(error)) from None
    current = target
    try:
        if old is not None:
            os.chmod(staging, stat.S_IMODE(old.st_mode))
        for name, data in files.items():
            current = target / name
            previous = _lstat(current) if old is not None else None
            descriptor = os.open(staging / name, _CREATE, _FILE_MODE)
            _fill(descriptor, data, stat.S_IMODE(previous.st_mode) if previous else None)
        _sync(staging)
        current = target
        if old is None:
            os.rename(staging, target)
        else:
            _swap(staging, target, files)
    except BaseException as error:
        _remove(staging, files)
        if isinstance(error, OSError):
            raise WriteError(current, _reason(error)) from None
        raise
    _sync(target.parent)
    return target


def _swap(staging: Path, target: Path, names: Mapping[str, bytes]) -> None:
    """Put the folder ``staging`` in place of the folder ``target``, and remove the
    old folder, which holds only files that ``staging`` replaces.

    The old folder is moved aside first (onto an empty folder made for it), and moved
    back if the new one cannot take its place.
    """
    aside = _new_folder(target.parent, target.name, 0o700)
    try:
        os.rename(target, aside)
    except BaseException:
        with contextlib.suppress(OSError):
            os.rmdir(aside)
        raise
    try:
        arrived = sorted(set(os.listdir(aside)) - set(names))
        if arrived:  # put there since the folder was checked: refuse, as the check would
            raise UsageError(
                f"{target} holds other things than the files written here "
                f"({', '.join(arrived[:_SHOWN])}); give a new or empty folder"
            )
        os.rename(staging, target)
    except BaseException:
        os.rename(aside, target)
        raise
    _remove(aside, names)


def _new_file(folder: Path, name: str) -> tuple[int, Path]:
    """A new, empty temporary file in ``folder``, open for writing: made exclusively
    (never an existing file, never through a link), mode ``0o644`` less the umask."""
    for _ in range(100):
        candidate = folder / f".{name[:200]}.{os.urandom(4).hex()}.tmp"
        try:
            return os.open(candidate, _CREATE, _FILE_MODE), candidate
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(folder))


def _new_folder(parent: Path, name: str, mode: int) -> Path:
    """A new, empty temporary folder in ``parent``, made exclusively."""
    for _ in range(100):
        candidate = parent / f".{name[:200]}.{os.urandom(4).hex()}.tmp"
        try:
            os.mkdir(candidate, mode)
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(errno.EEXIST, "no free temporary folder name", str(parent))


def _fill(descriptor: int, data: Data, mode: int | None) -> None:
    """Write all of ``data`` to the open file, give it ``mode`` (when not None), sync
    it to disk and close it; closed even when a step fails."""
    try:
        write_all(descriptor, data)
        if mode is not None and hasattr(os, "fchmod"):
            os.fchmod(descriptor, mode)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


_CHUNK = 1 << 20  # characters of text encoded at a time, or bytes gathered from pieces


def write_all(descriptor: int, data: Data) -> None:
    """Write all of ``data`` to the open file ``descriptor``, or raise ``OSError``.

    Text is written as UTF-8 a chunk at a time, so a large export is never held twice
    (as text and as its bytes) while it is written. Pieces (an iterable of text or
    bytes) are written as they come, gathered into chunks: only a chunk is held."""
    if isinstance(data, str):
        for start in range(0, len(data), _CHUNK):
            _write_bytes(descriptor, data[start : start + _CHUNK].encode("utf-8"))
    elif isinstance(data, bytes | bytearray | memoryview):
        _write_bytes(descriptor, data)
    else:
        gathered: list[str | bytes] = []
        size = 0
        for piece in data:
            gathered.append(piece)
            size += len(piece)
            if size >= _CHUNK:
                _write_gathered(descriptor, gathered)
                gathered, size = [], 0
        _write_gathered(descriptor, gathered)


def _write_gathered(descriptor: int, pieces: list[str | bytes]) -> None:
    if all(isinstance(piece, str) for piece in pieces):
        write_all(descriptor, "".join(pieces))  # type: ignore[arg-type]
    elif all(isinstance(piece, bytes) for piece in pieces):
        _write_bytes(descriptor, b"".join(pieces))  # type: ignore[arg-type]
    else:
        kinds = sorted({type(piece).__name__ for piece in pieces})
        raise TypeError(f"expected pieces all of text or all of bytes, found {kinds}")


def _write_bytes(descriptor: int, data: bytes | bytearray | memoryview) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def _write_in_place(target: Path, data: Data) -> None:
    try:
        descriptor = os.open(target, os.O_WRONLY | _BINARY | _NO_FOLLOW)
        try:
            write_all(descriptor, data)
        finally:
            os.close(descriptor)
    except OSError as error:
        raise WriteError(target, _reason(error)) from None


def _remove(folder: Path, names: Iterable[str]) -> None:
    """Remove ``folder``, which holds only files of these ``names`` (if anything else
    is in it, it is kept rather than deleted)."""
    for name in names:
        with contextlib.suppress(OSError):
            os.unlink(folder / name)
    with contextlib.suppress(OSError):
        os.rmdir(folder)


def _sync(folder: Path) -> None:
    """Sync a folder to disk so that a rename in it is kept (where the system allows)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _path(path: str | os.PathLike[str]) -> Path:
    """``path`` as a :class:`~pathlib.Path`; a :class:`UsageError` for one that no file
    system can hold (a NUL character in it)."""
    if "\0" in os.fspath(path):
        raise UsageError(f"{os.fspath(path)!r} is not a path: it holds a NUL character")
    return Path(path)


def _lstat(path: Path) -> os.stat_result | None:
    """The path's own status (a link's, not its target's), or None when nothing is there."""
    try:
        return os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise WriteError(path, _reason(error)) from None


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def _link(path: Path) -> str:
    return (
        f"{path} is a symbolic link, and links are not followed when writing: give the "
        "real path instead, or remove the link"
    )


def _no_folder(target: Path) -> str:
    return f"{target.parent}: no such folder; make it first, or give a path in a folder that exists"
