"""People: names in the shown blocks, their roles, and the mentions of one person grouped.

:func:`find_people` (:mod:`.find`) is what analysis calls.  Runs of capitalised words come from
:mod:`.tokens`, are judged by :mod:`.judge` (with :mod:`.foreign` for texts not in English) and
grouped by :mod:`.roster`; the word lists are in :mod:`reader.analysis.lexicon`.
"""

from __future__ import annotations

from reader.analysis.people.find import find_people

__all__ = ["find_people"]
