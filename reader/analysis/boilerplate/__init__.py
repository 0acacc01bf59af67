"""Boilerplate: what of a document is furniture, for every format; its headline, bylines and captions.

:func:`make_blocks` (:mod:`.blocks`) is what analysis calls.  Text dumps are
classified line by line (:mod:`.classify`, built on :mod:`.lines`, :mod:`.article_run` and
:mod:`.headline`); Markdown is analysed by its rendered blocks, each judged by its lines'
verdicts (:mod:`.markdown`); HTML pages come as the loader's segments with the hints of their
markup, and :mod:`.html` decides from those what is furniture (checking body text against the
stock phrases of :mod:`.cues` too).
"""

from __future__ import annotations

from reader.analysis.boilerplate.blocks import make_blocks

__all__ = ["make_blocks"]
