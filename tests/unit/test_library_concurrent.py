"""Two refreshers in two processes on one cache: the second waits and reuses the first's work."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import reader
from reader.library import cache
from tests.conftest import ROOT
from tests.unit.library_fixtures import write_collection

#: A refresher in its own process; the first one (``hold``) pauses once analysis is under way,
#: with the lock held, so the second one surely starts while the first is busy.
_CHILD = """
import json, sys, time
from pathlib import Path
import reader
coll, mark, hold = sys.argv[1], Path(sys.argv[2]), sys.argv[3] == "hold"
def progress(done, total):
    if hold and not mark.exists():
        mark.write_text("started")
        time.sleep(1.5)
if not hold:
    while not mark.exists():
        time.sleep(0.01)
t = time.monotonic()
with reader.open_library(coll) as lib:
    c = lib.refresh(progress=progress)
print(json.dumps({"added": c.added, "unchanged": c.unchanged, "seconds": time.monotonic() - t}))
"""


def _start(coll: Path, mark: Path, role: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(coll), str(mark), role],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_second_refresher_waits_and_reuses_the_first_ones_work(tmp_path: Path) -> None:
    many = {f"a{i:03}.txt": f"Article {i}\n\nAnna Berg wrote text number {i}.\n" for i in range(30)}
    coll = write_collection(tmp_path / "many", many)
    mark = tmp_path / "started"
    first = _start(coll, mark, "hold")
    second = _start(coll, mark, "follow")
    out1, err1 = first.communicate(timeout=120)
    out2, err2 = second.communicate(timeout=120)
    assert first.returncode == 0, err1
    assert second.returncode == 0, err2
    a, b = json.loads(out1), json.loads(out2)
    assert a["added"] == len(many)
    # the second started while the first held the lock: it analysed nothing again
    assert b == {**b, "added": 0, "unchanged": len(many)}
    with reader.open_library(coll) as lib:
        assert lib.count() == len(many)
        assert lib.people()[0] == ("Anna Berg", len(many))


def test_the_lock_goes_with_a_process_that_dies(tmp_path: Path) -> None:
    coll = write_collection(tmp_path / "c", {"one.txt": "One\n\nText.\n"})
    with reader.open_library(coll) as lib:
        path = lib.cache_path
    code = (
        "import sys, os; from pathlib import Path; from reader.library import cache\n"
        "with cache.refresh_lock(Path(sys.argv[1])):\n    print('held', flush=True); os._exit(3)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert proc.stdout == "held\n"
    told: list[float] = []
    t = time.monotonic()
    with cache.refresh_lock(path, waiting=lambda: told.append(time.monotonic())):
        pass
    assert told == [] and time.monotonic() - t < 5


def test_a_refresher_in_another_process_holds_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    code = (
        "import sys, time; from pathlib import Path; from reader.library import cache\n"
        "with cache.refresh_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(1.0)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdout is not None and proc.stdout.readline() == "held\n"
    told: list[int] = []
    t = time.monotonic()
    with cache.refresh_lock(path, waiting=lambda: told.append(1)):
        waited = time.monotonic() - t
    proc.wait(timeout=60)
    assert told == [1]
    assert waited > 0.3


def test_pool_results_come_in_the_order_of_the_jobs(tmp_path: Path) -> None:
    from reader.library.refresh import POOL_THRESHOLD, Job, results

    n = POOL_THRESHOLD + 40
    # every fifth file much longer, so chunks take unequal times
    many = {
        f"a{i:03}.txt": f"Title {i}\n\n" + "Ann Lee said it rained. " * (400 if i % 5 == 0 else 3)
        for i in range(n)
    }
    coll = write_collection(tmp_path / "many", many)
    jobs = [Job(str(coll / rel), rel, 0, 0, None) for rel in sorted(many)]
    got = [r.job.rel for r in results(jobs, 2)]
    assert got == sorted(many)
