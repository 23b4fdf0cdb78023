"""exporter.walk lists a folder as os.walk with a stat of each file did (its former code,
kept here as the reference): the same files in the same order, the same Unreadable ones
with the same reasons, hidden names skipped alike, links to folders not followed."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from exporter.formats.files import is_record_file
from exporter.walk import Unreadable, file_kind, walk


def walked_as_before(
    folder: str, wanted: Callable[[str], bool], *, hidden: bool = True
) -> list[str]:
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


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """Files and folders of every kind walk meets, names sorting in tricky ways."""
    root = tmp_path / "records"
    for folder in ["b", "a", "a/z", "a/c", ".hidden", "B", "a-b", "empty"]:
        (root / folder).mkdir(parents=True)
    for name in ["b.json", "a.json", "A.json", "a-b.json", ".dot.json", "x.txt", "y.NDJSON"]:
        for folder in ["", "a", "a/z", ".hidden", "B"]:
            (root / folder / name).write_text("{}")
    (root / "b" / "deep.yaml").write_text("a: 1")
    (root / "link.json").symlink_to(root / "a.json")
    (root / "dangling.json").symlink_to(root / "nowhere.json")
    (root / "folder-link").symlink_to(root / "a", target_is_directory=True)
    (root / "folder.json").mkdir()
    os.mkfifo(root / "a" / "pipe.json")
    listening = socket.socket(socket.AF_UNIX)
    listening.bind(str(root / "B" / "sock.json"))
    listening.close()
    return root


@pytest.mark.parametrize("hidden", [True, False])
def test_walk_finds_what_os_walk_found(tree: Path, hidden: bool) -> None:
    found = walk(str(tree), is_record_file, hidden=hidden)
    before = walked_as_before(str(tree), is_record_file, hidden=hidden)
    assert found == before
    assert [getattr(path, "reason", None) for path in found] == [
        getattr(path, "reason", None) for path in before
    ]
    unreadable = {os.path.relpath(p, tree): p.reason for p in found if isinstance(p, Unreadable)}
    assert unreadable == {
        "dangling.json": "cannot read: No such file or directory",
        "a/pipe.json": "cannot read: not a regular file (a named pipe)",
        "B/sock.json": "cannot read: not a regular file (a socket)",
    }
    top = ["A.json", "a-b.json", "a.json", "b.json", "dangling.json", "link.json", "y.NDJSON"]
    top = [".dot.json", *top] if hidden else top
    assert found[: len(top)] == [str(tree / name) for name in top]  # then the subfolders'
    assert found[len(top)] == str(tree / (".hidden/.dot.json" if hidden else "B/A.json"))


def test_walk_of_a_folder_given_with_a_slash_and_of_dot(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert walk(f"{tree}/", is_record_file) == walked_as_before(f"{tree}/", is_record_file)
    monkeypatch.chdir(tree)
    assert walk(".", is_record_file) == walked_as_before(".", is_record_file)
