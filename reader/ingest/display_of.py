"""The rendered blocks of an analysed article, whatever its format.

HTML pages carry theirs (:attr:`reader.model.Article.display`: the page structure is gone once the
text is extracted); Markdown is rendered again from its source, which is cheap and keeps the
cache small; text dumps have none (the reading pane shows their blocks as paragraphs).
"""

from __future__ import annotations

from reader.model import Article, DisplayBlock, Format

__all__ = ["MAX_MARKDOWN", "display_of"]

#: Markdown longer than this (characters) is shown as its text: rendering it would take seconds.
MAX_MARKDOWN = 2_000_000


def display_of(article: Article) -> tuple[DisplayBlock, ...] | None:
    """The article's display blocks, or None when its blocks are shown as plain paragraphs."""
    if article.display is not None:
        return article.display
    if article.format is Format.MARKDOWN and len(article.source) <= MAX_MARKDOWN:
        from reader.ingest.display_md import markdown_blocks
        from reader.ingest.markdown import parse_front_matter

        _, body_start = parse_front_matter(article.source)
        return markdown_blocks(article.source, body_start)
    return None
