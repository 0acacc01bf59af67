"""Quotes: direct quotations in the shown blocks and who said them.

:func:`find_quotes` (:mod:`.find`) is what analysis calls.  Marks are paired by :mod:`.marks`,
quotes that are no one's words dropped by :mod:`.filters`, speaker phrases read by
:mod:`.attribution` and :mod:`.subject`, mapped to people by :mod:`.resolve`, and chosen among
the people named nearby by the learned :mod:`.ranker`; :mod:`.sentences` splits blocks.
"""

from __future__ import annotations

from reader.analysis.quotes.find import find_quotes

__all__ = ["find_quotes"]
