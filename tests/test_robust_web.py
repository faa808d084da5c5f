"""The web server's analyses run in a pool of processes: a long one does not hold up a short
one, concurrent requests all get their report, and a worker that dies costs only the requests
it had (503, in the one error shape), not the server. No timed assertion: a long analysis is
stood in for by a task that waits until the test lets it go."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi import HTTPException
from fastapi.testclient import TestClient

from newsint.settings import Settings
from newsint.web.analysts import Analysts
from newsint.web.app import create_app

STORY = (
    "The city council voted on Monday to close the old bridge to cars, officials said.\n"
    "“We cannot wait for it to fail,” said Maria Kovac, the council's head of transport."
)


def wait_for(flag: str, pid_file: str) -> int:
    """A 'long analysis': runs in a worker until ``flag`` exists (at most a minute)."""
    Path(pid_file).write_text(str(os.getpid()))
    deadline = time.monotonic() + 60
    while not Path(flag).exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    return os.getpid()


async def _started(pid_file: Path) -> int:
    while not pid_file.exists() or not pid_file.read_text():
        await asyncio.sleep(0.02)
    return int(pid_file.read_text())


def test_a_short_analysis_is_not_held_up_by_a_long_one(tmp_path: Path) -> None:
    flag, pid_file = tmp_path / "go", tmp_path / "pid"
    analysts = Analysts(2, load_model=False)

    async def scenario() -> None:
        long = asyncio.ensure_future(analysts.run(wait_for, str(flag), str(pid_file)))
        await _started(pid_file)
        assert await analysts.run(len, "short") == 5  # answered while the long one runs
        assert not long.done()
        flag.touch()
        await long

    try:
        asyncio.run(scenario())
    finally:
        flag.touch()
        analysts.close()


def test_a_worker_that_dies_fails_its_request_only(tmp_path: Path) -> None:
    flag, pid_file = tmp_path / "go", tmp_path / "pid"
    analysts = Analysts(1, load_model=False)

    async def scenario() -> None:
        doomed = asyncio.ensure_future(analysts.run(wait_for, str(flag), str(pid_file)))
        os.kill(await _started(pid_file), signal.SIGKILL)
        with pytest.raises(HTTPException) as failed:
            await doomed
        assert failed.value.status_code == 503 and "try again" in str(failed.value.detail)
        assert await analysts.run(len, "after") == 5  # a new pool serves the next request

    try:
        asyncio.run(scenario())
    finally:
        flag.touch()
        analysts.close()


def test_concurrent_requests_each_get_their_report(tmp_path: Path) -> None:
    settings = Settings(db_url=f"sqlite:///{tmp_path / 'web.db'}", api_workers=2)
    with TestClient(create_app(settings)) as client:

        def post(n: int) -> tuple[int, list[str]]:
            answer = client.post(f"/api/analyze?kind=text&name=doc{n}", content=STORY.encode())
            names = [s["name"] for r in answer.json().get("reports", []) for s in r["sources"]]
            return answer.status_code, names

        with ThreadPoolExecutor(6) as threads:
            answers = list(threads.map(post, range(6)))
    assert [status for status, _ in answers] == [200] * 6
    assert all("Maria Kovac" in names for _, names in answers)
