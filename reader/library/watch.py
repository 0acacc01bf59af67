"""Know when a collection folder changes without walking it: Linux inotify, through ctypes.

:func:`open_watch` gives a :class:`FolderWatch` on Linux, or ``None`` where inotify is missing or
refuses (another system, the per-user watch limit reached); the app then falls back to its stat
poll. The watch only says *that* something relevant changed (an article file or a folder was
added, written, removed or renamed); the refresh that follows walks the folder as always, so a
missed or merged event costs at most a later look, never a wrong cache.

Watched: the root and every folder under it that the discovery walk would enter (hidden folders
skipped, each real folder once, symbolic links to folders followed only while they stay inside
the root unless ``follow_symlinks``). A folder made later is watched as soon as its event is read.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import struct
import sys
from collections.abc import Iterator

from reader.ingest.discover import format_of, is_inside

IN_MODIFY = 0x00000002
IN_ATTRIB = 0x00000004
IN_CLOSE_WRITE = 0x00000008
IN_MOVED_FROM = 0x00000040
IN_MOVED_TO = 0x00000080
IN_CREATE = 0x00000100
IN_DELETE = 0x00000200
IN_DELETE_SELF = 0x00000400
IN_MOVE_SELF = 0x00000800
IN_Q_OVERFLOW = 0x00004000
IN_IGNORED = 0x00008000
IN_ISDIR = 0x40000000
IN_NONBLOCK = 0o4000
IN_CLOEXEC = 0o2000000

MASK = (
    IN_MODIFY
    | IN_ATTRIB
    | IN_CLOSE_WRITE
    | IN_MOVED_FROM
    | IN_MOVED_TO
    | IN_CREATE
    | IN_DELETE
    | IN_DELETE_SELF
    | IN_MOVE_SELF
)
_HEAD = struct.Struct("iIII")  # wd, mask, cookie, len of the name that follows
#: no more folders than this are watched; a bigger tree is left to the poll
MAX_FOLDERS = 20_000


class FolderWatch:
    """An inotify instance watching one collection's folders; :meth:`changed` never blocks."""

    def __init__(
        self, fd: int, libc: ctypes.CDLL, root: str, only: str | None, follow_symlinks: bool
    ) -> None:
        self._fd = fd
        self._libc = libc
        self.root = root
        self._only = only  # a one-file collection: the file's name in the watched folder
        self._inside = None if follow_symlinks else os.path.realpath(root)
        self._folders: dict[int, str] = {}  # watch descriptor -> folder path
        self._seen: set[tuple[int, int]] = set()

    # -- watches ----------------------------------------------------------------------------------
    def _add(self, folder: str) -> bool:
        """Watch ``folder``; False when the system refuses (its limit reached)."""
        wd = self._libc.inotify_add_watch(self._fd, os.fsencode(folder), MASK)
        if wd < 0:
            err = ctypes.get_errno()
            # a folder gone or unreadable since it was listed is no reason to give up the watch
            return err not in (28, 24)  # ENOSPC (watch limit), EMFILE
        self._folders[wd] = folder
        return True

    def add_tree(self, top: str) -> bool:
        """Watch ``top`` and the folders under it; False when the system's watch limit is hit."""
        for folder in self._tree(top):
            if len(self._folders) >= MAX_FOLDERS or not self._add(folder):
                return False
        return True

    def _tree(self, folder: str) -> Iterator[str]:
        try:
            st = os.stat(folder)
        except OSError:
            return
        key = (st.st_dev, st.st_ino)
        if key in self._seen:
            return
        self._seen.add(key)
        yield folder
        try:
            with os.scandir(folder) as it:
                subs = [e.path for e in it if not e.name.startswith(".") and _is_dir(e)]
        except OSError:
            return
        for sub in sorted(subs):
            if self._inside is not None and os.path.islink(sub) and not is_inside(sub, self._inside):
                continue
            yield from self._tree(sub)

    @property
    def folders(self) -> int:
        """How many folders are watched."""
        return len(self._folders)

    # -- events -----------------------------------------------------------------------------------
    def changed(self) -> bool:
        """Whether anything that matters happened since the last call (reads what is queued)."""
        relevant = False
        while True:
            try:
                data = os.read(self._fd, 64 * 1024)
            except BlockingIOError:
                return relevant
            except OSError:
                return True  # the watch broke: let the caller look at the folder
            if not data:
                return relevant
            for mask, folder, name in self._events(data):
                if mask & IN_Q_OVERFLOW:
                    relevant = True  # events were lost: only a walk can tell
                    continue
                if folder is None or mask & IN_IGNORED:
                    continue
                if mask & (IN_DELETE_SELF | IN_MOVE_SELF):
                    relevant = True
                    continue
                if not name or name.startswith("."):
                    continue  # editors' swap and lock files, hidden folders
                if mask & IN_ISDIR:
                    if self._only is None:
                        relevant = True
                        if mask & (IN_CREATE | IN_MOVED_TO):
                            self.add_tree(os.path.join(folder, name))
                    continue
                if self._only is not None and name != self._only:
                    continue
                if format_of(name) is not None:
                    relevant = True

    def _events(self, data: bytes) -> Iterator[tuple[int, str | None, str]]:
        at = 0
        while at + _HEAD.size <= len(data):
            wd, mask, _cookie, size = _HEAD.unpack_from(data, at)
            raw = data[at + _HEAD.size : at + _HEAD.size + size].split(b"\0", 1)[0]
            at += _HEAD.size + size
            folder = self._folders.get(wd)
            if mask & IN_IGNORED:
                self._folders.pop(wd, None)
            yield mask, folder, os.fsdecode(raw)

    def close(self) -> None:
        """Stop watching (safe to call twice)."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
            self._folders.clear()


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.inotify_init1.argtypes = [ctypes.c_int]
        libc.inotify_add_watch.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32]
    except (OSError, AttributeError):
        return None
    return libc


def open_watch(root: str, *, follow_symlinks: bool = False) -> FolderWatch | None:
    """A watch on the collection at ``root`` (a folder or one file), or None: use the poll."""
    libc = _libc()
    if libc is None:
        return None
    fd = libc.inotify_init1(IN_NONBLOCK | IN_CLOEXEC)
    if fd < 0:
        return None
    if os.path.isdir(root):
        watch = FolderWatch(fd, libc, root, None, follow_symlinks)
        top = root
    else:
        watch = FolderWatch(fd, libc, os.path.dirname(root) or ".", os.path.basename(root), follow_symlinks)
        top = watch.root  # a file's folder is watched alone, not its subfolders
        if not watch._add(top) or not watch.folders:
            watch.close()
            return None
        return watch
    if not watch.add_tree(top) or not watch.folders:
        watch.close()
        return None
    return watch
