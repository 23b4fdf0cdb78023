"""Files under a folder, and the ones met there that cannot be read.

Shared by the article and the record readers, so that no command can take a folder it could
not list, a dangling link or a named pipe for an empty input: each is handed on as an
`Unreadable` path, which the readers report as a problem naming it (exit 2).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable

_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


class Unreadable(str):
    """A path that cannot be read, with `reason` saying why; a str, so that it travels
    wherever a path does (sorted, printed, named in messages) until a reader reports it."""

    reason: str

    def __new__(cls, path: str, reason: str) -> Unreadable:
        made = super().__new__(cls, path)
        made.reason = reason
        return made


def file_kind(path: str) -> str | None:
    """Why `path` is not a regular file that can be opened ("a named pipe", "cannot read: No
    such file or directory" for a dangling link), or None when it is one."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        return f"cannot read: {error.strerror or error}"
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "a device")
    return f"cannot read: not a regular file ({kind})"


def walk(folder: str, wanted: Callable[[str], bool], *, hidden: bool = True) -> list[str]:
    """The files under `folder` whose names are `wanted`, recursively, each folder's files
    sorted before its subfolders (sorted); a subfolder that cannot be listed and a wanted
    name that is no regular file are in the list as `Unreadable`. `hidden` False skips
    names starting with a dot."""
    found: list[str] = []

    def unlisted(error: OSError) -> None:
        where = error.filename or folder
        found.append(Unreadable(where, f"cannot read folder: {error.strerror or error}"))

    for root, dirs, names in os.walk(folder, onerror=unlisted):
        dirs[:] = sorted(d for d in dirs if hidden or not d.startswith("."))
        for name in sorted(names):
            if (hidden or not name.startswith(".")) and wanted(name):
                path = os.path.join(root, name)
                why = file_kind(path)
                found.append(path if why is None else Unreadable(path, why))
    return found
