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


@dataclass(frozen=True, slots=True)
class Settings:
    max_bytes: int = DEFAULT_MAX_BYTES
    db_url: str = "sqlite:///newsint.db"
    require_english: bool = True
    dask_timeout: float = 30.0  # seconds to reach a Dask scheduler (ingest --scheduler)

    @classmethod
    def from_env(cls) -> Settings:
        env = os.environ
        return cls(
            max_bytes=int(_number(env, "NEWSINT_MAX_BYTES", DEFAULT_MAX_BYTES)),
            db_url=env.get("NEWSINT_DB", "sqlite:///newsint.db"),
            dask_timeout=_number(env, "NEWSINT_DASK_TIMEOUT", 30.0),
        )


def _number(env: Mapping[str, str], name: str, default: float) -> float:
    """A positive number from the environment, ``default`` when unset; a clear error else."""
    value = env.get(name, "").strip().replace("_", "")
    if not value:
        return default
    try:
        number = float(value)
    except ValueError:
        raise ConfigError(f"{name}={env[name]!r} is not a number; unset it or give one") from None
    if not number > 0:
        raise ConfigError(f"{name}={env[name]!r} must be above 0")
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
