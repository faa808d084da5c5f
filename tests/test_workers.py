"""Ingest's worker processes die with it: ``kill -9`` of ``newsint ingest`` at any moment —
while its workers are still starting, or while they load the model — leaves none behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

STORY = "The minister said on Monday that the bridge would reopen, officials said.\n"


def _workers_of(parent: psutil.Process) -> list[psutil.Process]:
    try:
        return [p for p in parent.children(recursive=True) if "spawn_main" in " ".join(p.cmdline())]
    except psutil.Error:
        return []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="kills processes the Linux way")
def test_killing_ingest_leaves_no_worker_behind(tmp_path: Path) -> None:
    """Killed 0.3 s after its first worker appeared: the workers are still importing (the case
    that left 195 MB orphans for ever); one case only, as each costs a few seconds."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(8):
        (docs / f"{n}.txt").write_text(f"Story {n}. " + STORY * 3)
    command = [sys.executable, "-m", "newsint.cli", "ingest", str(docs), "-j", "2"]
    command += ["--db", f"sqlite:///{tmp_path / 'x.db'}"]
    main = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path
    )
    parent = psutil.Process(main.pid)
    seen: dict[int, psutil.Process] = {}
    deadline = time.monotonic() + 60
    while len(seen) < 2 and time.monotonic() < deadline and main.poll() is None:
        seen.update({p.pid: p for p in _workers_of(parent)})
        time.sleep(0.02)
    assert seen, "ingest started no worker"
    time.sleep(0.3)
    seen.update({p.pid: p for p in _workers_of(parent)})
    os.kill(main.pid, signal.SIGKILL)
    main.wait()
    # a worker still importing when its parent died exits as it reaches its initializer: on a
    # loaded machine that can take seconds, hence the generous wait (not a timing claim)
    _, alive = psutil.wait_procs(list(seen.values()), timeout=60)
    for p in alive:  # clean up before failing
        p.kill()
    assert not alive, f"{len(alive)} worker(s) outlived ingest"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="kills processes the Linux way")
@pytest.mark.parametrize("moment", [0.0, 0.8, 2.5])
def test_a_kill_at_any_moment_leaves_nothing_that_ingest_started(
    tmp_path: Path, moment: float
) -> None:
    """The bench's kill (``newsint bench robustness`` makes 20 at random moments): every
    process ingest started, found by a marker in its environment, is gone after the kill."""
    from newsint.bench.robustness_live import _command, _kill_at

    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(4):
        (docs / f"{n}.txt").write_text(f"Story {n}. " + STORY * 3)
    command = _command("ingest", str(docs), "-j", "2", "--db", f"sqlite:///{tmp_path / 'x.db'}")
    _, survivors, _ = _kill_at(command, moment, tmp_path)
    assert survivors == 0
