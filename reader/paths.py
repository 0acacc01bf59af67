"""Every folder the reader uses, from platformdirs, overridable by environment variables.

READER_CACHE_DIR, READER_DATA_DIR and READER_CONFIG_DIR win over the platform defaults.
Folders are created on first use, never on import.
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "reader-tui"


def _dir(env: str, kind: str) -> Path:
    value = os.environ.get(env)
    if value:
        return Path(value).expanduser()
    import platformdirs

    getter = {
        "cache": platformdirs.user_cache_dir,
        "data": platformdirs.user_data_dir,
        "config": platformdirs.user_config_dir,
    }[kind]
    return Path(getter(APP, appauthor=False))


def cache_dir() -> Path:
    return _dir("READER_CACHE_DIR", "cache")


def data_dir() -> Path:
    return _dir("READER_DATA_DIR", "data")


def config_dir() -> Path:
    return _dir("READER_CONFIG_DIR", "config")


def config_file() -> Path:
    return config_dir() / "config.toml"


def package_root() -> Path:
    return Path(__file__).resolve().parent


def styles_dir() -> Path:
    """The packaged .tcss files (shipped inside the wheel as reader/styles)."""
    inside = package_root() / "styles"
    if inside.is_dir():
        return inside
    return package_root().parent / "styles"


def sample_articles_dir() -> Path:
    """The bundled sample collection, in a checkout or an installed wheel."""
    inside = package_root() / "sample_articles"
    if inside.is_dir():
        return inside
    return package_root().parent / "sample_articles"
