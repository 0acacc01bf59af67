"""Durability: a process writing user state is killed (SIGKILL) at random points, again and again.

After every kill the state database must open, pass SQLite's integrity check,
and hold every change the writer had reported saved (a setter had returned).
Writers are forked from the test process, so a round costs milliseconds and
200 rounds fit in a few seconds.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time
from pathlib import Path

from reader.library.state import UserState

KILLS = int(os.environ.get("READER_KILL_ROUNDS", "200"))


def _writer(db: Path, base: int, w: int) -> None:
    """The child: write state forever, reporting each change after its setter returned."""
    try:
        st = UserState(db)
        os.write(w, b"ready\n")
        i = 0
        while True:
            v = base + i
            p = f"a{i % 7}.txt"
            st.set_position(p, v)
            os.write(w, f"pos {p} {v}\n".encode())
            st.set_block_choice(p, f"block {v}", "keep" if v % 2 else "hide")
            os.write(w, f"blk {p} {v}\n".encode())
            st.set_starred(p, bool(v % 3))
            i += 1
    finally:
        os._exit(3)  # never fall back into pytest


def _read_all(r: int) -> str:
    chunks = []
    while True:
        data = os.read(r, 65536)
        if not data:
            return b"".join(chunks).decode()
        chunks.append(data)


def test_state_survives_sigkill_at_random_points(tmp_path: Path) -> None:
    db = tmp_path / "state.sqlite3"
    rng = random.Random(1234)
    position: dict[str, int] = {}
    blocks: list[tuple[str, int]] = []
    for round_ in range(KILLS):
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(r)
            _writer(db, round_ * 1_000_000, w)
        os.close(w)
        # most rounds die while writing; some while the database is still being opened
        if rng.random() < 0.9:
            line = b""
            while not line.endswith(b"\n"):
                got = os.read(r, 1)
                assert got, "writer died before it was ready"
                line += got
            assert line == b"ready\n"
            time.sleep(rng.uniform(0, 0.04))
        else:
            time.sleep(rng.uniform(0, 0.002))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        for line in _read_all(r).splitlines():
            kind, path, value = ([*line.split(), "", "", ""])[:3]
            if kind == "pos":
                position[path] = int(value)
            elif kind == "blk":
                blocks.append((path, int(value)))
        os.close(r)
        conn = sqlite3.connect(db)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    st = UserState(db)
    try:
        for path, value in position.items():
            assert st.get(path).position >= value  # a later write may have landed unreported
        for path, value in blocks:
            assert st.block_choice(path, f"block {value}") == ("keep" if value % 2 else "hide")
    finally:
        st.close()
    assert len(blocks) > KILLS // 2, "the writer hardly ever got to write"
