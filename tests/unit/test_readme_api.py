"""The README's Python examples, run as written: the library does what the README says."""

from __future__ import annotations

import doctest
import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]


def readme_examples() -> doctest.DocTest:
    text = (ROOT / "README.md").read_text("utf-8")
    section = text[text.index("## Use from Python") : text.index("## How good, how fast")]
    return doctest.DocTestParser().get_doctest(section, {}, "README.md", "README.md", 0)


def test_the_readme_examples_run_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    examples = readme_examples()
    assert len(examples.examples) >= 15
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(examples)
    assert runner.summarize(verbose=False).failed == 0


def test_normalize_is_the_function_and_its_stages_stay_importable() -> None:
    import exporter
    import exporter.normalize.dates
    from exporter import normalize
    from exporter.normalize import dates
    from exporter.normalize.gazetteer import gazetteer

    assert isinstance(normalize, types.FunctionType) and normalize.__name__ == "normalize"
    assert exporter.normalize is normalize  # also after the subpackage was imported
    assert dates.__name__ == "exporter.normalize.dates"
    assert gazetteer().country("IND").name == "India"

    assert isinstance(sys.modules["exporter.normalize"], types.ModuleType)
    assert sys.modules["exporter.normalize"].normalize is normalize


def test_every_name_the_package_lists_is_what_its_docstring_says() -> None:
    import exporter

    for name in exporter.__all__:
        value = getattr(exporter, name)
        assert value is not None, name
        if name != "__version__":
            assert callable(value) and value.__doc__, name


def test_read_records_takes_bytes_a_path_a_str_and_a_stream(tmp_path: Path) -> None:
    import io

    from exporter import read_records

    source = ROOT / "fixtures" / "records" / "valid" / "seed-events.ndjson"
    data = source.read_bytes()
    ids = [item.data["id"] for item in read_records(source)]
    assert len(ids) == 3
    assert [i.data["id"] for i in read_records(str(source))] == ids
    assert [i.data["id"] for i in read_records(data)] == ids
    assert [i.data["id"] for i in read_records(io.BytesIO(data))] == ids
    assert {i.file for i in read_records(data)} == {"<bytes>"}


def test_an_unknown_format_is_refused_by_name() -> None:
    from exporter import read_records
    from exporter.problems import InputError

    with pytest.raises(InputError, match="unknown record format 'csv'"):
        list(read_records(b"", format="csv"))


def test_write_records_to_a_path_reads_back(tmp_path: Path) -> None:
    from exporter import read_records, write_records

    source = ROOT / "fixtures" / "records" / "valid" / "seed-events.ndjson"
    out = tmp_path / "events.jsonld"
    assert write_records(read_records(source), out, "jsonld") == 3
    assert [i.data for i in read_records(out)] == [i.data for i in read_records(source)]
