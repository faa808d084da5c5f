"""Settings: the only code that reads configuration (defaults, then the environment)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from newsint.errors import ConfigError, DataNotFound

#: Documents larger than this are skipped, not analysed. 20 MB is far above any news page
#: (the largest page of the extraction benchmark is under 2 MB) and keeps memory bounded.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: The longest article text the parser takes (spaCy's own limit: about 1 GB of memory a million
#: characters). A news article is a few tens of thousands.
MAX_CHARS = 1_000_000
#: The time one document may take to analyse (``NEWSINT_MAX_SECONDS``) before it is Skipped, so
#: that one pathological text (word soup of cues: analysis grows faster than its length) cannot
#: hold a batch for minutes. A news article takes well under a second; a 25,000-character text
#: of nothing but attribution cues took 6 s and a 130,000-character one 200 s on the 2-core
#: development machine. Enforced where analysis runs on a process's main thread (the CLI,
#: ingest workers, the web server's analysis processes); with ``NEWSINT_API_WORKERS=0`` the web
#: server analyses on its threads and has the character limit only.
DEFAULT_MAX_SECONDS = 120.0
#: The character budget of each document of an HTTP request (``NEWSINT_API_MAX_CHARS``): a
#: long-form article is 30,000 characters; longer texts are for ``newsint analyze`` or ``ingest``.
DEFAULT_API_MAX_CHARS = 100_000
#: The processes that analyse the web server's documents (``NEWSINT_API_WORKERS``), in each
#: server process: two, so that one long document never holds up the short ones behind it (0:
#: analyse on the server's own threads, one document at a time, without the time budget).
DEFAULT_API_WORKERS = 2


@dataclass(frozen=True, slots=True)
class Settings:
    max_bytes: int = DEFAULT_MAX_BYTES
    db_url: str = "sqlite:///newsint.db"
    require_english: bool = True
    dask_timeout: float = 30.0  # seconds to reach a Dask scheduler (ingest --scheduler)
    max_seconds: float = DEFAULT_MAX_SECONDS  # per document; 0: no budget
    max_chars: int = MAX_CHARS  # the longest article text analysed
    api_max_chars: int = DEFAULT_API_MAX_CHARS  # the same, for each document of an API request
    api_workers: int = DEFAULT_API_WORKERS  # analysis processes of each server process

    @classmethod
    def from_env(cls) -> Settings:
        env = os.environ
        return cls(
            max_bytes=int(_number(env, "NEWSINT_MAX_BYTES", DEFAULT_MAX_BYTES)),
            db_url=env.get("NEWSINT_DB", "sqlite:///newsint.db"),
            dask_timeout=_number(env, "NEWSINT_DASK_TIMEOUT", 30.0),
            max_seconds=_number(env, "NEWSINT_MAX_SECONDS", DEFAULT_MAX_SECONDS, zero_ok=True),
            api_max_chars=int(_number(env, "NEWSINT_API_MAX_CHARS", DEFAULT_API_MAX_CHARS)),
            api_workers=int(_number(env, "NEWSINT_API_WORKERS", DEFAULT_API_WORKERS, zero_ok=True)),
        )


def _number(env: Mapping[str, str], name: str, default: float, *, zero_ok: bool = False) -> float:
    """A positive number from the environment (or 0 when ``zero_ok``: no limit), ``default``
    when unset; a clear error else."""
    value = env.get(name, "").strip().replace("_", "")
    if not value:
        return default
    try:
        number = float(value)
    except ValueError:
        raise ConfigError(f"{name}={env[name]!r} is not a number; unset it or give one") from None
    if not (number > 0 or (zero_ok and number == 0)):
        raise ConfigError(f"{name}={env[name]!r} must be above 0{' (or 0: no limit)' * zero_ok}")
    return number


def project_root() -> Path:
    return Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    """The shared benchmark folder: $NEWSINT_SHARED, else ``../shared`` beside the project."""
    candidates = []
    if env := os.environ.get("NEWSINT_SHARED"):
        candidates.append(Path(env))
    candidates += [Path.cwd().parent / "shared", project_root().parent / "shared"]
    for path in candidates:
        if (path / "bench").is_dir():
            return path
    looked = ", ".join(str(p) for p in candidates)
    raise DataNotFound(
        f"shared benchmark folder not found (looked in {looked}); set NEWSINT_SHARED to its path"
    )
