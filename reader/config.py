"""Every setting in one place: the config file, the environment, the defaults.

Read when used, never at import, so a test or a long-running app sees the
current values.  Never imports Textual.  A missing file means the defaults; a
broken file, a wrong value or an unknown key is reported (``Config.problems``),
never fatal.

    theme = "nord"              # a Textual theme
    follow_symlinks = false     # read symbolic links that lead outside the collection
    reading_width = 92          # the longest text line in the reading pane, in cells (40-200)
    [keys]                      # binding id = key(s)
    "list.down" = "j,down"

Environment: ``READER_MAX_BYTES`` (the size cap per file), and the folders in
:mod:`reader.paths` (``READER_CONFIG_DIR``, ``READER_DATA_DIR``, ``READER_CACHE_DIR``).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from reader import paths

#: Files larger than this are cut (with a visible "truncated" notice).
DEFAULT_MAX_BYTES = 5_000_000
#: A smaller cap from the environment is refused: it would cut every article.
MIN_MAX_BYTES = 1000
KNOWN_KEYS = ("theme", "follow_symlinks", "reading_width", "keys")
#: The reading pane's measure: lines of at most this many cells on a wide terminal (a readable
#: line is 60-100 characters; 92 leaves room for a bar and a list marker inside 100).
DEFAULT_READING_WIDTH = 92
READING_WIDTHS = range(40, 201)


@dataclass(frozen=True)
class Config:
    theme: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    follow_symlinks: bool = False
    reading_width: int = DEFAULT_READING_WIDTH
    problems: tuple[str, ...] = ()


def load_config(path: Path | None = None) -> Config:
    """Read the config file; a missing file is the default, a broken one is reported, not fatal."""
    path = path or paths.config_file()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Config(problems=(f"{path}: {exc}; using defaults",))
    problems: list[str] = [f"{path}: unknown setting {k!r} (known: {', '.join(KNOWN_KEYS)})"
                           for k in data if k not in KNOWN_KEYS]
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        problems.append(f"{path}: theme must be a string")
        theme = None
    follow = data.get("follow_symlinks", False)
    if not isinstance(follow, bool):
        problems.append(f"{path}: follow_symlinks must be true or false")
        follow = False
    width = data.get("reading_width", DEFAULT_READING_WIDTH)
    if type(width) is not int or width not in READING_WIDTHS:
        problems.append(f"{path}: reading_width must be a whole number from {READING_WIDTHS.start} "
                        f"to {READING_WIDTHS.stop - 1}")
        width = DEFAULT_READING_WIDTH
    keys_raw = data.get("keys", {})
    keys: dict[str, str] = {}
    if isinstance(keys_raw, dict):
        for k, v in keys_raw.items():
            if isinstance(v, str) and v.strip():
                keys[str(k)] = v
            else:
                problems.append(f"{path}: [keys] {k} must be a key string such as \"ctrl+j\"")
    else:
        problems.append(f"{path}: [keys] must be a table")
    return Config(theme=theme, keys=keys, follow_symlinks=follow, reading_width=width,
                  problems=tuple(problems))


def follow_symlinks(path: Path | None = None) -> tuple[bool, str | None]:
    """Whether to read symbolic links that lead outside the collection (default no), and a
    problem with the setting to tell the user, or None."""
    config = load_config(path)
    problem = next((p for p in config.problems if "follow_symlinks" in p or "using defaults" in p), None)
    if problem and "using defaults" in problem:
        problem = problem.replace("using defaults", "symbolic links outside the collection are not followed")
    return config.follow_symlinks, problem


def max_bytes() -> int:
    """The size cap per file: ``READER_MAX_BYTES`` (whole bytes, at least 1000), else 5 MB."""
    value = os.environ.get("READER_MAX_BYTES", "").strip()
    if value.isdigit() and int(value) >= MIN_MAX_BYTES:
        return int(value)
    return DEFAULT_MAX_BYTES
