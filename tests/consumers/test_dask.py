"""normalize on a Dask cluster (a local one in-process here): NDJSON partitions that each
end with a newline and concatenate into the NDJSON one process writes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from tests.consumers.conftest import ROOT, SEEDS

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed three times over, in sub-folders, so that there are several partitions."""
    root = tmp_path_factory.mktemp("articles")
    for n in range(3):
        shutil.copytree(SEEDS, root / f"batch{n}")
    return root


def test_partitions_concatenate_into_the_single_process_output(
    folder: Path, tmp_path: Path
) -> None:
    from exporter.parallel import normalize_on_dask

    with (
        distributed.LocalCluster(
            processes=False, n_workers=2, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        results = normalize_on_dask(
            str(folder), str(tmp_path / "out"), client=client, per_partition=1
        )
    parts = sorted((tmp_path / "out").glob("part-*.ndjson"))
    assert [Path(target) for target, _, _ in results] == parts and len(parts) == 3
    assert all(errors == [] for _, _, errors in results)
    for part in parts:
        assert part.read_bytes().endswith(b"\n")
    joined = b"".join(p.read_bytes() for p in parts)
    single = subprocess.run(
        [sys.executable, "-m", "exporter", "normalize", str(folder), "-q"],
        capture_output=True,
        cwd=ROOT,
        timeout=300,
    )
    assert single.returncode == 0, single.stderr.decode()
    assert joined == single.stdout
    assert [orjson.loads(line)["id"] for line in joined.splitlines()]
