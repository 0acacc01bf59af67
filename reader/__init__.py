"""A terminal reader for saved articles: boilerplate folded away, people and quotes tied together.

The public API is small: :func:`analyse_file` for one file, and
:func:`open_library` for a whole collection with its cache and search.
"""

from __future__ import annotations

from reader.model import Article, Block, BlockKind, Mention, Person, Quote, Span

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
]


def analyse_file(path: str) -> Article:
    """Read and analyse one article file; raises reader.errors.ArticleError when it cannot."""
    from reader.analysis import analyse
    from reader.ingest import load

    return analyse(load(path))

