"""Settings the core needs from the config file (``reader.paths.config_file()``, TOML).

Only ``follow_symlinks`` for now; the app's own settings (theme, keys) are read
by reader.ui.config.  Never imports Textual.  A missing file means the
defaults; a broken file or value is reported, never fatal.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from reader import paths


def follow_symlinks(path: Path | None = None) -> tuple[bool, str | None]:
    """Whether to read symbolic links that lead outside the collection (default no), and a
    problem with the setting to tell the user, or None."""
    path = path or paths.config_file()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return False, None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return False, f"{path}: {exc}; symbolic links outside the collection are not followed"
    value = data.get("follow_symlinks", False)
    if not isinstance(value, bool):
        return False, f"{path}: follow_symlinks must be true or false"
    return value, None
