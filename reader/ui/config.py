"""User configuration from ``reader.paths.config_file()`` (TOML): theme and a [keys] remap.

    theme = "nord"
    [keys]
    "list.down" = "j,down"
    "app.quit" = "ctrl+q"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from reader import paths


@dataclass(frozen=True)
class Config:
    theme: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
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
    problems: list[str] = []
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        problems.append(f"{path}: theme must be a string")
        theme = None
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
    return Config(theme=theme, keys=keys, problems=tuple(problems))
