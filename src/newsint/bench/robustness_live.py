"""The live steps of ``newsint bench robustness``: real processes killed, a real server under
concurrent load, schemathesis over the OpenAPI document.

- :func:`kills`: ``newsint ingest -j 2`` killed (SIGKILL) at random moments — while Python
  starts, while its workers start or load the model, while they analyse — then every process
  it started is looked for (by a marker in their environment, which children inherit: a worker
  whose parent died is no longer anyone's child). Then one run to the end: the store must hold
  every document once, numbered 1..n.
- :func:`server`: ``newsint serve --workers 2`` on a loopback port: a short request's latency
  alone and while a long document is analysed, ``concurrent`` analyses of the bundled example at
  once, and concurrent ``store=true`` requests of distinct documents, whose sequence numbers must
  be distinct. Every request goes to 127.0.0.1 only, bounded in count and time.
- :func:`schema_check`: every operation of the OpenAPI document called with generated
  parameters and bodies (valid and invalid); every answer must be no server error and conform to
  the document.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

from newsint.settings import project_root

STORY = (
    "The minister said on Monday that the bridge would reopen next week, officials said.\n"
    "“We have done the repairs,” said Maria Kovac, the council's head of transport.\n"
)
#: Documents ingested in the kill step: enough that a kill can land in mid-analysis.
KILL_DOCS = 12
#: Kills land uniformly between 0 and this many seconds after ``ingest`` starts: before its
#: workers exist, while they import and load the model, and while they analyse.
KILL_WINDOW = 8.0
#: How long a killed ingest's processes get to die before they count as survivors. A worker
#: still importing when ingest dies exits as it reaches its initializer (it checks its parent
#: there, then watches it): a second or two, longer on a loaded machine (the slowest is printed).
GRACE = 30.0


def _step(**kwargs: Any) -> Any:
    from newsint.bench.robustness import StepResult

    return StepResult(**kwargs)


def _goal(text: str, met: bool) -> Any:
    from newsint.bench.robustness import Goal

    return Goal(text, met)


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsint.cli", *args]


# -- kills ----------------------------------------------------------------------------------


def kills(count: int, seed: int = 18) -> Any:
    """Kill ``ingest`` ``count`` times at random moments; count the processes that outlive it."""
    rng = random.Random(seed)
    survivors = 0
    seen = 0
    slowest = 0.0
    with tempfile.TemporaryDirectory(prefix="newsint-kills-") as tmp:
        root = Path(tmp)
        docs = root / "docs"
        docs.mkdir()
        for i in range(KILL_DOCS):
            (docs / f"{i}.txt").write_text(f"Story number {i}. " + STORY * 4, encoding="utf-8")
        db = f"sqlite:///{root / 'store.db'}"
        command = _command("ingest", str(docs), "-j", "2", "--db", db)
        for _ in range(count):
            started, alive, took = _kill_at(command, rng.uniform(0.0, KILL_WINDOW), root)
            seen += started
            survivors += alive
            slowest = max(slowest, took)
        finished = subprocess.run(command, cwd=root, capture_output=True, check=False)
        stored, numbers = _stored(db)
    complete = stored == KILL_DOCS and numbers == list(range(1, KILL_DOCS + 1))
    notes = [
        f"{count} kills of `newsint ingest -j 2` at random moments in the first "
        f"{KILL_WINDOW:g} s ({seen} processes it started seen alive before the kills); then "
        f"one run to the end (exit {finished.returncode}): {stored} of {KILL_DOCS} documents "
        "stored, numbers " + ("1..n, none shared" if complete else f"{numbers}")
    ]
    return _step(
        figures={"kills": float(count), "surviving_processes": float(survivors),
                 "slowest_exit_s": slowest, "documents_stored": float(stored)},
        notes=notes,
        goals=[
            _goal(f"0 surviving workers over {count} random kills of ingest (got {survivors})",
                  survivors == 0),
            _goal("after the kills, a rerun stores every document once, numbered 1..n",
                  complete),
        ],
    )  # fmt: skip


def _kill_at(command: list[str], moment: float, cwd: Path) -> tuple[int, int, float]:
    """Start ``command``, SIGKILL it ``moment`` seconds later; return how many processes it
    had started, how many of them are still alive after :data:`GRACE` seconds, and how long
    the last to go took to die."""
    import psutil

    marker = uuid.uuid4().hex
    env = {**os.environ, "NEWSINT_KILL_MARK": marker}
    main = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    started: set[int] = set()
    kill_at = time.monotonic() + moment
    while time.monotonic() < kill_at:  # who it starts, seen while it lives
        started |= {p.pid for p in _marked(marker)}
        time.sleep(0.05)
    os.kill(main.pid, signal.SIGKILL)
    main.wait()
    killed = time.monotonic()
    marked = _marked(marker)
    while marked and time.monotonic() < killed + GRACE:
        time.sleep(0.1)
        marked = _marked(marker)
    took = time.monotonic() - killed
    for process in marked:  # clean up what the bench found
        with contextlib.suppress(psutil.Error):
            process.kill()
    return len(started | {p.pid for p in marked} - {main.pid}), len(marked), took


def _marked(marker: str) -> list[Any]:
    """Every live process whose environment carries ``marker``."""
    import psutil

    found = []
    for process in psutil.process_iter():
        try:
            if process.status() == psutil.STATUS_ZOMBIE:
                continue
            if process.environ().get("NEWSINT_KILL_MARK") == marker:
                found.append(process)
        except psutil.Error:
            continue
    return found


def _stored(db: str) -> tuple[int, list[int]]:
    import sqlalchemy as sa

    from newsint.store import Store, schema

    try:
        with Store(db, create=False) as store, store.connect() as conn:
            numbers = sorted(conn.scalars(sa.select(schema.documents.c.seq)))
    except Exception:  # noqa: BLE001 - no store: nothing stored
        return 0, []
    return len(numbers), numbers


# -- the server under load ------------------------------------------------------------------

#: Short requests timed alone, then while the long document is analysed (the medians compared).
LATENCY_SAMPLES = 7
#: The long document: the bundled example repeated to this many characters (within the API's
#: per-document budget), a few tens of seconds of analysis.
LONG_CHARS = 90_000
STORED_DOCS = 20


def server(concurrent: int) -> Any:
    """``newsint serve --workers 2`` under load; see the module's docstring."""
    example = (project_root() / "examples" / "circa-iran-isis.txt").read_bytes()
    long = (example.decode("utf-8") + "\n\n") * (LONG_CHARS // len(example) + 1)
    long_doc = long[:LONG_CHARS].encode("utf-8")
    with tempfile.TemporaryDirectory(prefix="newsint-serve-") as tmp:
        db = f"sqlite:///{Path(tmp) / 'store.db'}"
        port = _free_port()
        marker = uuid.uuid4().hex
        env = {**os.environ, "NEWSINT_API_WORKERS": "2", "NEWSINT_KILL_MARK": marker}
        log = (Path(tmp) / "server.log").open("wb")
        proc = subprocess.Popen(
            _command("serve", "--port", str(port), "--db", db, "--workers", "2"),
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_ready(base, proc)
            _parallel([lambda: _post(base, STORY.encode()) for _ in range(8)])  # warm the pools
            alone = [_post(base, STORY.encode())[1] for _ in range(LATENCY_SAMPLES)]
            during, long_status, overlapped = _while_long(base, long_doc)
            answers = _parallel([lambda: _post(base, example) for _ in range(concurrent)])
            errors = sum(status != 200 for status, _ in answers)
            stored = _parallel(
                [
                    lambda i=i: _post(base, f"Story {i}. {STORY}".encode(), store=True)
                    for i in range(STORED_DOCS)
                ]
            )
            store_errors = sum(status != 200 for status, _ in stored)
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            log.close()
        leftover = _marked(marker)
        for process in leftover:
            process.kill()
        count, numbers = _stored(db)
    ratio = statistics.median(during) / statistics.median(alone)
    distinct = len(set(numbers)) == len(numbers) == STORED_DOCS
    mean = statistics.mean(t for _, t in answers)
    notes = [
        f"short request alone: median {statistics.median(alone):.2f} s; while a "
        f"{len(long_doc):,}-byte document was analysed: median {statistics.median(during):.2f} s "
        f"(long answered {long_status}; it was still running when the last short one ended: "
        f"{overlapped})",
        f"{concurrent} concurrent analyses of the example: {errors} errors, mean latency "
        f"{mean:.1f} s, longest {max(t for _, t in answers):.1f} s",
        f"{STORED_DOCS} concurrent store=true requests over 2 server processes: {store_errors} "
        f"errors, {count} documents stored, numbers " + ("distinct" if distinct else f"{numbers}"),
        f"processes left after the server stopped: {len(leftover)}",
    ]
    return _step(
        figures={
            "short_alone_s": statistics.median(alone),
            "short_during_long_s": statistics.median(during),
            "latency_ratio": ratio,
            "concurrent_errors": float(errors),
            "stored_distinct_numbers": float(len(set(numbers))),
            "processes_left": float(len(leftover)),
        },
        notes=notes,
        goals=[
            _goal(f"{concurrent} concurrent analyses of the example: 0 errors (got {errors})",
                  errors == 0),
            _goal(f"a short request while a long document is analysed: <= 2x its latency alone "
                  f"(got {ratio:.2f}x)", ratio <= 2.0 and overlapped),
            _goal(f"sequence numbers distinct across 2 server processes ({len(set(numbers))} "
                  f"of {STORED_DOCS})", distinct and store_errors == 0),
        ],
    )  # fmt: skip


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_ready(base: str, proc: subprocess.Popen[bytes], limit: float = 300.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"newsint serve exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{base}/api/health", timeout=5) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"newsint serve did not answer within {limit:g} s")


def _post(base: str, body: bytes, *, store: bool = False) -> tuple[int, float]:
    """POST /api/analyze; the status (0: no answer) and the seconds it took."""
    url = f"{base}/api/analyze?kind=text" + ("&store=true" if store else "")
    request = urllib.request.Request(url, data=body, method="POST")
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=900) as answer:
            answer.read()
            status = int(answer.status)
    except urllib.error.HTTPError as exc:
        status = int(exc.code)
    except OSError:
        status = 0
    return status, time.perf_counter() - start


def _parallel(calls: list[Any]) -> list[tuple[int, float]]:
    results: list[tuple[int, float]] = [(0, 0.0)] * len(calls)

    def run(i: int) -> None:
        results[i] = calls[i]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _while_long(base: str, long_doc: bytes) -> tuple[list[float], int, bool]:
    """Short requests while the long document is analysed: their latencies, the long one's
    status, and whether it was still running when the last short one ended."""
    long_answer: list[tuple[int, float]] = []
    thread = threading.Thread(target=lambda: long_answer.append(_post(base, long_doc)))
    thread.start()
    time.sleep(2.0)  # it has reached a worker
    during = [_post(base, STORY.encode())[1] for _ in range(LATENCY_SAMPLES)]
    overlapped = thread.is_alive()
    thread.join()
    return during, long_answer[0][0], overlapped


# -- schemathesis ---------------------------------------------------------------------------


def register_media_types() -> None:
    """Teach schemathesis the API's container bodies: JSON Lines, gzip and WARC bytes."""
    import schemathesis
    from hypothesis import strategies as st

    words = "the minister said officials told Bob Kent , . “We will” \ud800 \x00 <p>".split(" ")
    prose = st.lists(st.sampled_from(words), max_size=40).map(" ".join)
    record = st.fixed_dictionaries({"id": st.one_of(st.none(), st.text(max_size=4)), "text": prose})
    jsonl = st.lists(record, max_size=3).map(
        lambda rs: "".join(json.dumps(r) + "\n" for r in rs).encode()
    )
    schemathesis.openapi.media_type("application/jsonl", jsonl)
    schemathesis.openapi.media_type(
        "application/gzip",
        prose.map(lambda t: gzip.compress(t.encode("utf-8", "surrogatepass"))),
    )
    schemathesis.openapi.media_type("application/warc", st.binary(max_size=200))


def _checked(
    label: str, calls: Counter[str], server_errors: Counter[str], violations: Counter[str]
) -> Any:
    """One generated case of ``label``: called, checked, its failures counted."""
    from schemathesis.core.failures import FailureGroup, ServerError
    from schemathesis.specs.openapi.checks import positive_data_acceptance

    def check(case: Any) -> None:
        calls[label] += 1
        try:
            case.call_and_validate(excluded_checks=[positive_data_acceptance])
        except FailureGroup as group:
            for failure in group.exceptions:
                kind = server_errors if isinstance(failure, ServerError) else violations
                kind[f"{label}: {failure.title}"] += 1

    return check


def schema_check(examples: int) -> Any:
    """Every operation, ``examples`` generated cases each: server errors and schema violations."""
    try:
        import schemathesis
        from hypothesis import HealthCheck, given, settings
    except ImportError:
        return _step(
            notes=["schemathesis is not installed: pip install -e '.[dev]'"],
            goals=[_goal("schemathesis: 0 server errors, 0 schema violations (not run)", False)],
        )
    from newsint.settings import Settings
    from newsint.web.app import create_app

    register_media_types()
    calls: Counter[str] = Counter()
    server_errors: Counter[str] = Counter()
    violations: Counter[str] = Counter()
    with tempfile.TemporaryDirectory(prefix="newsint-schema-") as tmp:
        settings_ = Settings(db_url=f"sqlite:///{Path(tmp) / 'x.db'}", api_workers=0)
        app = create_app(settings_)
        schema = schemathesis.openapi.from_asgi("/openapi.json", app)
        for result in schema.get_all_operations():
            operation = result.ok()  # type: ignore[union-attr]  # the document is ours: valid
            label = f"{operation.method.upper()} {operation.path}"
            calls[label] = 0
            checked = _checked(label, calls, server_errors, violations)
            given(case=operation.as_strategy())(
                settings(
                    max_examples=examples,
                    deadline=None,
                    derandomize=True,
                    database=None,
                    suppress_health_check=list(HealthCheck),
                )(checked)
            )()
    problems = [f"{n} x {what}" for what, n in (server_errors + violations).most_common(10)]
    total_server, total_violations = sum(server_errors.values()), sum(violations.values())
    return _step(
        figures={
            "cases": float(sum(calls.values())),
            "server_errors": float(total_server),
            "schema_violations": float(total_violations),
        },
        notes=[f"{len(calls)} operations, up to {examples} generated cases each", *problems],
        goals=[
            _goal(f"schemathesis: 0 server errors (got {total_server}), 0 schema violations "
                  f"(got {total_violations})", not total_server and not total_violations),
        ],
    )  # fmt: skip
