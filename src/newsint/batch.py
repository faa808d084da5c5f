"""Ingest many documents into the store, in parallel, resumably.

The main process reads the inputs (cheap: decoding only), skips every document whose sha256 is
already stored, and hands the rest to a pool of worker processes that each load spaCy once
(``spawn``: no fork of a process holding database connections or threads). Results come back
**in input order** and each is committed on its own, so an interrupted run has stored an exact
prefix of its documents; the next run skips them and carries on, and numbers the rest exactly
as an uninterrupted run would have. After the documents, the corpus tables (identities, claim
clusters, corroboration) are rebuilt from the whole store.

When one machine is not enough, ``scheduler`` names a Dask distributed scheduler
(``tcp://host:8786``; every worker needs newsint installed) and the same in-order loop submits to
the cluster's executor instead of the local pool: the store is still written by this process
only, so resumption and numbering are unchanged. ``scheduler="local"`` starts a local Dask
cluster of ``workers`` processes (for trying it out). This is the only module that imports Dask.
"""

from __future__ import annotations

import hashlib
import itertools
import multiprocessing
import os
import re
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from newsint import corpus
from newsint.errors import ConfigError
from newsint.ingest import read_inputs
from newsint.models import Analysis, Page, Skipped
from newsint.settings import Settings
from newsint.store import Store

Outcome = Analysis | Skipped
#: An outcome and, for an analysed document, its claims' sentence vectors in stored form
#: (:mod:`newsint.corpus.meaning`): handed back beside the report, never in it.
Handed = tuple[Outcome, list[bytes] | None]

#: Chunks in flight per worker: enough to keep every worker busy while the main process
#: writes, few enough that memory stays bounded on a large crawl.
IN_FLIGHT_PER_WORKER = 2
#: Documents a worker analyses together (their parses batched by spaCy's ``nlp.pipe``).
CHUNK = 16

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(slots=True)
class Progress:
    """Counts so far; ``stored`` includes ``skipped`` (stored with their reason)."""

    stored: int = 0
    skipped: int = 0
    already: int = 0  # found in the store: nothing to do
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.stored / self.seconds if self.seconds else 0.0


def key_of(item: Page | Skipped) -> str:
    """The document's key: sha256 of its raw bytes; for a document that never became a Page,
    the id ingestion gave it (already a sha256 of its bytes) or a digest of its id and name."""
    if isinstance(item, Page):
        return item.sha256
    if _SHA256.match(item.id):
        return item.id
    return hashlib.sha256(f"{item.id}\x00{item.name}".encode()).hexdigest()


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    settings: Settings | None = None,
    workers: int | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    limit: int | None = None,
    rebuild: bool = True,
    scheduler: str | None = None,
    on_skipped: Callable[[Skipped], None] | None = None,
) -> Progress:
    """Analyse and store every new document under ``paths``; return the counts.

    ``workers``: processes (default: every core); 0 analyses in this process. ``limit``: stop
    after storing that many new documents. ``rebuild``: refresh the corpus tables afterwards.
    ``scheduler``: a Dask scheduler address (or "local") to analyse on instead of local processes.
    ``on_skipped``: called with each new document that could not be analysed (stored with why).
    Ctrl-C (``KeyboardInterrupt``) stops at once; what was stored stays stored.
    """
    settings = settings or Settings()
    workers = default_workers() if workers is None else workers
    progress = Progress()
    start = time.perf_counter()
    ledger = _Ledger(store)

    def todo() -> Iterator[tuple[str, Page | Skipped]]:
        for item in read_inputs(paths, settings):
            key = key_of(item)
            if ledger.take(key):
                yield key, item
            else:
                progress.already += 1

    try:
        for key, (outcome, vectors) in _analysed(todo(), settings, workers, limit, scheduler):
            ledger.save(outcome, key, vectors)
            progress.stored += 1
            if isinstance(outcome, Skipped):
                progress.skipped += 1
                if on_skipped:
                    on_skipped(outcome)
            progress.seconds = time.perf_counter() - start
            if on_progress:
                on_progress(progress)
    finally:
        progress.seconds = time.perf_counter() - start
    if rebuild:
        refresh_corpus(store)
    return progress


def store_outcomes(pairs: Iterable[tuple[Page | Skipped, Outcome]], store: Store) -> int:
    """Store documents analysed elsewhere (the HTTP API), new ones only, numbered after those
    already stored, then rebuild the corpus tables; returns how many were new."""
    ledger = _Ledger(store)
    stored = 0
    for item, outcome in pairs:
        key = key_of(item)
        if ledger.take(key):
            ledger.save(outcome, key)
            stored += 1
    if stored:
        refresh_corpus(store)
    return stored


class _Ledger:
    """The keys a store holds: re-running stores nothing twice. Each new document's sequence
    number is given by the store as it is saved (one above the highest), so documents keep their
    input order, and writers in other processes never share a number."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._known = store.known()

    def take(self, key: str) -> bool:
        """True when ``key`` is new (it is then counted as taken), False when already stored."""
        if key in self._known:
            return False
        self._known.add(key)
        return True

    def save(self, outcome: Outcome, key: str, vectors: list[bytes] | None = None) -> None:
        self._store.save(outcome, sha256=key, vectors=vectors)


def refresh_corpus(store: Store) -> None:
    """Rebuild the corpus tables from every stored document."""
    store.replace_corpus(corpus.build(store.corpus_input()))


def _analysed(
    items: Iterator[tuple[str, Page | Skipped]],
    settings: Settings,
    workers: int,
    limit: int | None,
    scheduler: str | None = None,
) -> Iterator[tuple[str, Handed]]:
    chunks = _chunks(items, limit)
    if scheduler:
        with _dask_executor(scheduler, workers, settings.dask_timeout) as (pool, slots):
            yield from _in_order(chunks, settings, pool, slots)
        return
    if workers == 0:
        for chunk in chunks:
            keys = [key for key, _ in chunk]
            yield from zip(keys, _analyse_and_embed(chunk, settings), strict=True)
        return
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init_worker, initargs=(os.getpid(),)
    )
    try:
        yield from _in_order(chunks, settings, pool, workers)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


Chunk = list[tuple[str, Page | Skipped]]


def _chunks(items: Iterator[tuple[str, Page | Skipped]], limit: int | None) -> Iterator[Chunk]:
    """``items`` in lists of 1, 2, 4, ... up to :data:`CHUNK` documents (small first, so that a
    few documents still spread over every worker), ``limit`` documents in all."""
    taken, size = 0, 1
    while limit is None or taken < limit:
        want = size if limit is None else min(size, limit - taken)
        chunk = list(itertools.islice(items, want))
        if not chunk:
            return
        taken += len(chunk)
        size = min(CHUNK, size * 2)
        yield chunk


@contextmanager
def _dask_executor(scheduler: str, workers: int, timeout: float) -> Iterator[tuple[Executor, int]]:
    """A concurrent.futures executor on a Dask cluster, and how many workers it has."""
    from distributed import Client, LocalCluster

    cluster = None
    try:
        if scheduler == "local":
            cluster = LocalCluster(
                n_workers=max(1, workers),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout=f"{timeout}s")
    except (OSError, TimeoutError) as exc:
        raise ConfigError(f"cannot reach the Dask scheduler {scheduler!r}: {exc}") from exc
    try:
        slots = max(1, sum(client.nthreads().values()))
        client.run(_load_models)  # on every worker before the first chunk, as the pool does
        yield client.get_executor(pure=False), slots
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _in_order(
    chunks: Iterator[Chunk], settings: Settings, pool: Executor, slots: int
) -> Iterator[tuple[str, Handed]]:
    """Submit each chunk to ``pool``, keeping ``slots`` x IN_FLIGHT_PER_WORKER in flight, and
    yield the outcomes in input order."""
    pending: deque[tuple[list[str], Future[list[Handed]]]] = deque()
    try:
        for chunk in chunks:
            keys = [key for key, _ in chunk]
            pending.append((keys, pool.submit(_analyse_and_embed, chunk, settings)))
            while len(pending) >= slots * IN_FLIGHT_PER_WORKER:
                keys0, future = pending.popleft()
                yield from zip(keys0, future.result(), strict=True)
        while pending:
            keys0, future = pending.popleft()
            yield from zip(keys0, future.result(), strict=True)
    finally:
        for _, future in pending:
            future.cancel()


def _init_worker(parent: int, thread_bound: bool = True, load_model: bool = True) -> None:
    """Leave Ctrl-C to the main process, die with it (``kill -9`` at any moment leaves no
    orphans behind), and load the language model once per worker.

    ``parent`` is the main process's PID as the main process gave it: read here with
    ``os.getppid()`` it would already be init's when the main process died while this worker
    was still starting (its imports take a second), and the worker would wait for ever. On
    Linux the kernel also kills the worker when the main process dies (``PR_SET_PDEATHSIG``);
    the watch thread covers other systems. Linux sends that signal when the *thread* that started
    the worker ends, so ``thread_bound=False`` leaves it to the watch thread: for pools whose
    workers may be started from a short-lived thread (the web server's)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if thread_bound:
        _die_with_parent()
    if os.getppid() != parent:  # it died before we got here
        os._exit(1)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    if load_model:
        _load_models()


def _load_models() -> None:
    """Load the language model in this worker (a Dask worker's warm-up)."""
    from newsint.nlp import load_pipeline

    load_pipeline()


def _die_with_parent() -> None:
    """Ask Linux to SIGKILL this process when its parent exits (prctl PR_SET_PDEATHSIG)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # no prctl: the watch thread still covers it
        pass


#: prctl option from <linux/prctl.h>: the signal a process gets when its parent dies.
PR_SET_PDEATHSIG = 1


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _analyse(chunk: Chunk, settings: Settings) -> list[Outcome]:
    """The outcome of each document of ``chunk``, in order (the pages parsed together)."""
    from newsint.pipeline import analyze_pages

    pages = [item for _, item in chunk if isinstance(item, Page)]
    analysed = iter(analyze_pages(pages, settings))
    return [item if isinstance(item, Skipped) else next(analysed) for _, item in chunk]


def _analyse_and_embed(chunk: Chunk, settings: Settings) -> list[Handed]:
    """:func:`_analyse`, and each analysed document's claim vectors, computed here in the
    worker right after its analysis (the claims' grouping embedded the same texts: the model's
    cache answers), so that a corpus rebuild only reads them from the store."""
    from newsint.corpus.meaning import claim_vectors

    outcomes = _analyse(chunk, settings)
    return [(o, claim_vectors(o) if isinstance(o, Analysis) else None) for o in outcomes]
