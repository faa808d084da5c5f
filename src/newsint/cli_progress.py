"""Progress of ``analyze``, ``attributions`` and ``extract`` on standard error.

A transient line (spinner, documents done, skipped, documents/s, time) shown only when someone
is watching: standard error is a terminal and the reports do not go to that same terminal
(``--out FILE`` or a redirected standard output). Piped or redirected standard error, and a
terminal that shows the reports themselves, get no progress: only the ``Error:`` lines.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import Any

import typer


def shows_progress(*, stderr_terminal: bool, stdout_terminal: bool, to_file: bool) -> bool:
    """Whether to draw progress: on a terminal stderr, unless the reports scroll past on it."""
    return stderr_terminal and (to_file or not stdout_terminal)


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


class Meter:
    """Counts documents and draws the progress line while it is used as a context manager.

    ``enabled`` defaults to :func:`shows_progress` on the real streams; ``console`` (a rich
    Console on stderr by default) is there for tests."""

    def __init__(
        self,
        label: str,
        *,
        to_file: bool = False,
        enabled: bool | None = None,
        console: Any | None = None,
    ) -> None:
        if enabled is None:
            enabled = shows_progress(
                stderr_terminal=_is_terminal(sys.stderr),
                stdout_terminal=_is_terminal(sys.stdout),
                to_file=to_file,
            )
        self.label = label
        self.enabled = enabled
        self.console = console
        self.done = 0
        self.skipped = 0
        self._started = time.monotonic()
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> Meter:
        if not self.enabled:
            return self
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.console = self.console or Console(stderr=True)
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn(self.label),
            TextColumn("{task.completed} done, {task.fields[skipped]} skipped"),
            TextColumn("{task.fields[rate]:.2f}/s"),
            TimeElapsedColumn(),
            console=self.console,
            transient=True,
            redirect_stdout=False,  # the reports go to stdout as they are, never through rich
            redirect_stderr=False,
        )
        self._progress.__enter__()
        self._task = self._progress.add_task(self.label, total=None, skipped=0, rate=0.0)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.__exit__(kind, exc, tb)
            self._progress = None

    def step(self, *, skipped: bool = False) -> None:
        """One more document (``skipped``: one that could not be analysed)."""
        self.done += not skipped
        self.skipped += skipped
        if self._progress is not None:
            self._progress.update(
                self._task, completed=self.done, skipped=self.skipped, rate=self.rate
            )

    @property
    def rate(self) -> float:
        seconds = time.monotonic() - self._started
        return (self.done + self.skipped) / seconds if seconds > 0 else 0.0

    def refresh(self) -> None:
        if self._progress is not None:
            self._progress.refresh()

    def error(self, message: str) -> None:
        """An ``Error:`` line on stderr, printed above the progress line when there is one."""
        if self._progress is not None:
            self._progress.console.print(message, markup=False, highlight=False, soft_wrap=True)
        else:
            typer.echo(message, err=True)
