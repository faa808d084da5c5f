"""Where the web server's analyses run: a bounded pool of processes, so that none blocks another.

Analysis is CPU-bound Python: on the server's own threads one long document would hold the GIL
(and spaCy, which promises no thread safety, the lock around it) while every short request
waited behind it. :class:`Analysts` runs each request's analysis in one of ``workers`` processes
(``NEWSINT_API_WORKERS``, spawned once, each loading the language model once) and awaits it
without blocking the event loop: a short request goes to a free worker while a long one runs,
and a request waits only when every worker is busy. In a worker, analysis runs on the process's
main thread, so the time budget (``NEWSINT_MAX_SECONDS``) holds there as it does in ``analyze``.

The workers die with the server process (they watch its PID: see
:func:`newsint.batch._init_worker`). A worker that dies (out of memory, killed) breaks the pool:
the requests in flight are answered 503, and the next request gets a new pool. ``workers=0``
analyses on the server's threads, one document at a time per process (no time budget): for
tests and the smallest machines.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from fastapi import HTTPException
from starlette.concurrency import run_in_threadpool

T = TypeVar("T")


class Analysts:
    """A pool of ``workers`` analysis processes, started by :meth:`start` (or the first call),
    ended by :meth:`close`. ``load_model``: load the language model as each worker starts (only
    a pool that runs no analysis, in tests, starts faster without)."""

    def __init__(self, workers: int, *, load_model: bool = True) -> None:
        self.workers = workers
        self.load_model = load_model
        self._pool: ProcessPoolExecutor | None = None
        self._guard = threading.Lock()
        self._inline = threading.Lock()  # workers=0: one analysis at a time on the threads

    def start(self) -> None:
        """Spawn every worker now (each loads the model), not on the first requests."""
        if self.workers:
            pool = self._executor()
            for _ in range(self.workers):
                pool.submit(_ready)

    async def run(self, fn: Callable[..., T], *args: object) -> T:
        """``fn(*args)`` in a worker (``fn`` and its arguments must pickle), awaited."""
        if not self.workers:
            return await run_in_threadpool(self._run_inline, fn, *args)
        pool = self._executor()
        try:
            return await asyncio.wrap_future(pool.submit(fn, *args))
        except BrokenProcessPool as exc:
            self._discard(pool)
            raise HTTPException(
                503,
                "an analysis worker died (out of memory, or killed) while this request was in "
                "flight; try again, with a smaller document if it happens again",
            ) from exc

    def close(self) -> None:
        with self._guard:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def _run_inline(self, fn: Callable[..., T], *args: object) -> T:
        with self._inline:
            return fn(*args)

    def _executor(self) -> ProcessPoolExecutor:
        from newsint.batch import _init_worker

        with self._guard:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    self.workers,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_init_worker,
                    initargs=(os.getpid(), False, self.load_model),
                )
            return self._pool

    def _discard(self, broken: ProcessPoolExecutor) -> None:
        with self._guard:
            if self._pool is broken:
                self._pool = None
        broken.shutdown(wait=False, cancel_futures=True)


def _ready() -> bool:
    """A no-op task: its worker has run the initializer (the model is loaded)."""
    return True
