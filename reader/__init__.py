"""A terminal reader for saved articles: boilerplate folded away, people and quotes tied together.

The public API is small: :func:`analyse_file` for one file, and
:func:`open_library` for a whole collection with its cache and search.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reader.model import Article, Block, BlockKind, Mention, Person, Quote, Span

if TYPE_CHECKING:
    from reader.library import Library

__version__ = "0.1.0"
__all__ = [
    "Article",
    "Block",
    "BlockKind",
    "Mention",
    "Person",
    "Quote",
    "Span",
    "__version__",
    "analyse_file",
    "open_library",
]


def analyse_file(path: str) -> Article:
    """Read and analyse one article file; raises reader.errors.ArticleError when it cannot."""
    from reader.analysis import analyse
    from reader.ingest import load

    return analyse(load(path))



def open_library(root: str | Path, *, cache_dir: str | Path | None = None,
                 data_dir: str | Path | None = None, follow_symlinks: bool | None = None) -> Library:
    """Open a collection (a folder, or one file) with its cache and user state; see reader.library."""
    from reader.library import open_library as _open

    return _open(root, cache_dir=cache_dir, data_dir=data_dir, follow_symlinks=follow_symlinks)
