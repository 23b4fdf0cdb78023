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
    names starting with a dot. Folders are taken as os.walk takes them (a link to a folder
    is not followed); a file's kind comes from its folder's listing, so a regular file
    costs no call of stat of its own (a thousand small files are a common input)."""
    found: list[str] = []
    folders = [folder]
    while folders:
        top = folders.pop()
        listed = _listing(top, folder, found)
        if listed is None:
            continue
        files, subfolders = listed
        for entry in sorted(files, key=_name):
            name = entry.name
            if (hidden or not name.startswith(".")) and wanted(name):
                found.append(_as_found(entry))
        inside = [os.path.join(top, d) for d in sorted(subfolders) if hidden or d[:1] != "."]
        # the first subfolder is taken next, after the files of this one
        folders += [path for path in reversed(inside) if not os.path.islink(path)]
    return found


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name


def _listing(
    top: str, folder: str, found: list[str]
) -> tuple[list[os.DirEntry[str]], list[str]] | None:
    """The entries of folder `top` that are no folders, and the names of those that are;
    None where it cannot be listed (then in `found` as Unreadable)."""
    try:
        with os.scandir(top) as entries:
            listed = list(entries)
    except OSError as error:
        where = error.filename or folder
        found.append(Unreadable(where, f"cannot read folder: {error.strerror or error}"))
        return None
    files, subfolders = [], []
    for entry in listed:
        try:
            is_folder = entry.is_dir()
        except OSError:  # as os.walk: not taken for a folder
            is_folder = False
        if is_folder:
            subfolders.append(entry.name)
        else:
            files.append(entry)
    return files, subfolders


def _as_found(entry: os.DirEntry[str]) -> str:
    """A wanted entry's path; Unreadable, saying why, where it is no regular file."""
    try:
        if entry.is_file():  # the listing's kind (a link is followed: stat then)
            return entry.path
    except OSError:
        pass
    why = file_kind(entry.path)
    return entry.path if why is None else Unreadable(entry.path, why)
