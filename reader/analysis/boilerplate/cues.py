"""Generic cue data for the boilerplate classifier: phrase patterns (the function words are in
:mod:`reader.analysis.lexicon`).

Nothing here names a site or a file: the phrases are the stock wording of web page furniture
(appeals, sign-ups, share buttons, cookie and legal notices, comment sections) and of article
furniture (bylines, datelines, photo credits).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.analysis.lexicon import MONTH_ABBREVIATIONS, MONTH_STEMS_OTHER_LANGUAGES

#: Patterns below (all but CREDIT) are matched against the lower-cased line: faster than re.I.
_I = 0

#: The copyright sign, not as part of a word (mis-decoded text has "Ã©" for "é").
_SIGN = r"(?<![^\W\d_])(?<![\u0300-\u036f])©"

#: (pattern, reason) for lines that are furniture wherever they stand.  Matched on short lines.
SHORT_CUES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^support\b.{0,40}$|\b(donat\w*|support (us|our|independent)|"
                r"become a (member|patron|supporter)|"
                r"dear readers?|a message from|not ready to support|remind me later|"
                r"make a contribution|contribute (now|today)|patreon)\b", _I), "donation appeal"),
    (re.compile(r"\b(newsletters?|sign[ -]?up|subscribe\w*|subscription|unsubscribe|inbox|mailbox|"
                r"e-?mail address|enter your e-?mail|get (our|the) .{0,30}(daily|weekly|free)|"
                r"log ?in|sign ?in|register|my account|create (an|your) account)\b", _I), "newsletter"),
    (re.compile(r"^(share|tweet|pin|email|print|e-mail|facebook|twitter|linkedin|whatsapp|reddit|"
                r"pinterest|flipboard|telegram|copy link|save|messenger|comment)\b.{0,40}$|"
                r"\b(share (this|on|via|the)|shares?$|follow us|like us on)\b|"
                r"^follow\b.{0,60}\b(twitter|facebook|instagram|youtube|linkedin|tiktok)\b", _I),
     "share buttons"),
    (re.compile(r"^more( \S+){1,3}$|"
                r"^(read (more|next|also|this)|more (from|on|stories|news|in)|related|recommended|"
                r"see (also|more)|read the (rest|full (story|article))|you (may|might) (also )?like|"
                r"(popular|trending)\b.{0,25}$|most (read|popular|viewed)|"
                r"top stories|latest( news| stories)?|up next|what to read next|"
                r"further reading|also on|more like this|(next|previous) (article|post|story)|"
                r"editor'?s picks?|don'?t miss|most shared|featured (stories|articles|posts)|top picks|"
                r"around the web|from the web|recent (posts|articles|stories|news|comments)|archives?$|"
                r"(sponsored|promoted|partner) (stories|content|links)|"
                r"(tags?|topics?|filed under|categories|category|posted in)\s*:"
                r")|\b(outbrain|taboola)\b", _I), "related links"),
    (re.compile(r"^(advertisement|advertising|sponsored|ad|ads|promoted|paid (post|content)|"
                r"story continues below|continue reading|skip (to|ad)|close|menu|search|home|back to top|"
                r"jump to|toggle|loading|show more|view (all|more)|load more|enlarge this image|"
                r"(hide|toggle) caption|listen to this (article|story)|click here)\b", _I), "navigation"),
    (re.compile(_SIGN + r"|(\(c\) ?\d{4}|copyright|all rights reserved|"
                r"terms (of|and) (use|service|conditions)|"
                r"privacy (policy|notice|settings)|cookie|gdpr|do not sell|ad ?choices|site ?map|"
                r"contact us|about us|accessibility|disclaimer|affiliate)", _I), "legal"),
    (re.compile(r"^(\d+ )?(comments?|responses?|replies|reactions?|thoughts on)\b|"
                r"\b(leave a (reply|comment)|post a comment|add a comment|join the (discussion|conversation)|"
                r"comments? (are|is) closed|show comments|view comments|commenting)\b|"
                r"^(?!(he|she|they|it|i|we|you|who|and|but)\b).{0,60}\b(said|says|wrote):$|"
                r"^reply$|^report$", _I), "comments"),
]

#: The same kinds of furniture in other languages (pt, es, fr, it, de, nl, id, ru).
SHORT_CUES += [
    (re.compile(r"^(leia (também|mais)|veja (também|mais)|você (pode|também pode) gostar|lee (también|más)|"
                r"te puede interesar|artículos relacionados|lire (aussi|la suite)|à lire aussi|vous aimerez|"
                r"articles similaires|leggi anche|potrebbe interessarti|articoli correlati|lesen sie auch|"
                r"weitere artikel|das könnte sie|ähnliche artikel|lees ook|baca juga|artikel terkait|"
                r"читайте также|похожие (статьи|записи)|смотрите также)", _I), "related links"),
    (re.compile(r"^(compartilh\w*|compartir|partager|condividi|teilen|delen|bagikan|поделиться)\b", _I),
     "share buttons"),
    (re.compile(r"\b(inscreva-se|assine|suscríbete|abonnez-vous|s'abonner|iscriviti|abonnieren|"
                r"berlangganan|подпишитесь|подписаться)\b", _I), "newsletter"),
    (re.compile(r"^(\d+ )?(comentários?|comentarios?|commentaires?|commenti|kommentare?|reacties|komentar|"
                r"комментари\w*)\b|^(deixe (um|seu) comentário|deja un comentario|laisser un commentaire|"
                r"lascia un commento|schreibe einen kommentar|оставить комментарий)", _I), "comments"),
]

#: A cookie notice, whatever its length.
COOKIES = re.compile(r"\b((we|this (web)?site|our (web)?site) uses? cookies|accept (all )?cookies|"
                     r"use of cookies|cookie (policy|settings|preferences|consent))\b", _I)

#: Long-paragraph cues for appeals and sign-up blurbs (needs two hits on long lines).
APPEAL_WORDS = re.compile(
    r"\b(support(ing)? (us|our|independent)|independent journalism|donat\w+|contribution|mailbox|never miss|"
    r"subscri\w+|newsletter|your help|membership|paywall|sign up|inbox|free trial|"
    r"reader[- ]funded|every (month|week)|per month|unlimited access|click here|cookies?)\b", _I)
#: Substrings without which a line cannot hold APPEAL_WORDS (a cheap test before the regex).
APPEAL_HINTS = ("support", "journalism", "donat", "contribution", "mailbox", "never miss", "subscri",
                "newsletter", "your help", "membership", "paywall", "sign up", "inbox", "free trial",
                "funded", "every ", "per month", "unlimited", "click here", "cookie")

#: The start of the comments section: everything after it on the page is hidden.
COMMENTS_START = re.compile(
    r"^[\[(]?\s*(\d+ |top rated |all |read all |view all |show all )?"
    r"(comments?|responses?|replies|discussion)( \(\d+\))?:?\s*[\])]?$|"
    r"^(leave a (reply|comment)|post a comment|add (a|your) comment|join the (discussion|conversation)|"
    r"\d+ thoughts? on\b|\d+ (comments?|responses?|replies)\b|comments? (are|is) closed|"
    r"you must be logged in to post|what do you think\?|have your say)", _I)

_EN_MONTH = "(" + "|".join(MONTH_ABBREVIATIONS) + ")"
#: Byline or dateline: "By Jane Doe", "Updated 3 hours ago", a bare date.
BYLINE = re.compile(
    r"^(by|von|par|por|di|door|oleh|автор)\s+\S|^(posted|published|updated|last updated|written)\b|"
    r"\b\d+ min(ute)?s? read\b|^\d{1,2}:\d{2}|\b\d+ (min|mins|minutes?|hours?|hrs?|days?|weeks?) ago\b|"
    r"\b" + _EN_MONTH + r"[a-z]*\.? \d{1,2}(st|nd|rd|th)?,? \d{4}\b|"
    r"^[\w .'-]{0,40}\s@\w+$|"
    r"\b\d{1,2} " + _EN_MONTH + r"[a-z]* \d{4}\b|"
    r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b|"
    r"\b(staff (writer|reporter)|correspondent|contributor)\b", _I)

_GALLERY = r"^(?i:(image|photo|picture|slide)s? )?\d+ (of|/) \d+\b"
#: A photo gallery caption: "3 of 12 ...".
GALLERY = re.compile(_GALLERY)

_CREDIT_WORD = (r"(?i:\b(photo(graph)?s?( by)?|image( copyright| credit| source)?|picture|pictured|"
                r"credit|courtesy( of)?|illustration|getty images|shutterstock|istock|file photo|foto|bild)"
                r"\s*[:/(])")
_CREDIT_PAREN = r"(?i:\((photo|image|picture|credit|source)[^)]*\)\s*$)"
_CREDIT_AGENCY = (r"(?i:\b(getty images|afp|reuters|ap photo|associated press|epa|shutterstock|"
                  r"istock(photo)?|alamy|tass|xinhua|bloomberg|pa( images| media)?)\s*\)?\*?\s*$)")
_CREDIT_SLASH = (r"(?<!\.com)(?<!\.org)(?<!\.net)(?<!\.co)(?:(?<=[A-Za-z]{2})|(?<=[A-Za-z]{2} ))"
                 r"/\s*[A-Z][\w.]*(\s[A-Z][\w.]*){0,3}\s*$")
_CREDIT_END = _CREDIT_PAREN + "|" + _CREDIT_AGENCY + "|" + _CREDIT_SLASH
_CREDIT_START = _GALLERY + r"|(?i:^(image|photo|picture|video)\s*(copyright|caption|credit)\b)" \
    r"|(?i:^(photo(graph)?s|photography|pictures|illustrations?|video|graphics?|fotos?|bilder)\s+(by|von|de|par)\s+\S)"

#: Photo caption or credit: "Image copyright EPA", "Jane Doe / REUTERS", "(AP Photo/John Roe)".
CREDIT = re.compile(_CREDIT_START + "|" + _CREDIT_WORD + "|" + _CREDIT_END)
_CREDIT_WORD_RX = re.compile(_CREDIT_WORD)
_CREDIT_PAREN_RX = re.compile(_CREDIT_PAREN)
_CREDIT_AGENCY_RX = re.compile(_CREDIT_AGENCY)
_CREDIT_SLASH_RX = re.compile(_CREDIT_SLASH)
_CREDIT_START_RX = re.compile(_CREDIT_START)
# Speed only: where an agency credit is looked for; wide enough for the agency names (e478c6a).
_AGENCY_TAIL = 30  # characters at the end of a line that can hold an agency name and its marks


def is_credit(text: str) -> bool:
    """``CREDIT.search(text)``, faster: each end-anchored form is tried only where it can start."""
    if _CREDIT_START_RX.match(text):
        return True
    if ("/" in text or ":" in text or "(" in text) and _CREDIT_WORD_RX.search(text):
        return True
    end = len(text.rstrip())
    # a group in brackets at the end opens after the ")" before the last one
    if end and text[end - 1] == ")" and _CREDIT_PAREN_RX.search(text, text.rfind(")", 0, end - 1) + 1):
        return True
    if _CREDIT_AGENCY_RX.search(text, max(0, end - _AGENCY_TAIL)):
        return True
    slash = text.rfind("/")
    return slash >= 2 and bool(_CREDIT_SLASH_RX.match(text, slash))


#: Lines that close an article body in wire copy and must stay: "(Reporting by ...)".
KEEP = re.compile(r"^\((reporting|writing|editing|additional reporting|compiled) by\b", _I)

#: Legal fine print, whatever the line's length.
LEGAL = re.compile(_SIGN + r"|\(c\) ?\d{4}|\ball rights reserved\b|\bregistered trademarks?\b|"
                   r"\b(terms of (use|service)|privacy policy)\b.{0,40}"
                   r"\b(terms of (use|service)|privacy policy)\b", _I)


def _stems(patterns: list[re.Pattern[str]]) -> frozenset[str]:
    words: set[str] = set()
    for rx in patterns:
        words.update(w[:3] for w in re.findall(r"[^\W\d_]{2,}", re.sub(r"\\[a-z]", " ", rx.pattern)))
    return frozenset(words - _FUNCTION)


# Function words that never make a cue on their own (each pattern with one has another keyword).
_FUNCTION_WORDS = ("the and of to in on is an are all our us my me now do not you may mig thi up via "
                   "wha get see set use fro he she it we who but")
_FUNCTION = frozenset(_FUNCTION_WORDS.split())


def _index() -> dict[str, tuple[int, ...]]:
    index: dict[str, list[int]] = {}
    for n, (rx, _) in enumerate(SHORT_CUES):
        for stem in _stems([rx]):
            index.setdefault(stem, []).append(n)
    return {stem: tuple(ns) for stem, ns in index.items()}


#: Three-letter word start -> the SHORT_CUES (by position) with a keyword that starts so; a line
#: is only matched against the cues its words can start (a line with none has no cue).
CUE_INDEX = _index()
#: Position of the cue that holds the copyright sign, which no word starts.
COPYRIGHT_CUE = next(n for n, (rx, _) in enumerate(SHORT_CUES) if "©" in rx.pattern)

# English month stems, and the German, Spanish, French and Italian ones that differ from them.
_MONTH = "(" + "|".join(MONTH_ABBREVIATIONS + MONTH_STEMS_OTHER_LANGUAGES) + ")"
# BYLINE in parts, each tried only when a cheap test lets it match.
_BYLINE_AT_START = re.compile(r"(by|von|par|por|di|door|oleh|автор)\s+\S|"
                              r"(posted|published|updated|last updated|written)\b|\d{1,2}:\d{2}|"
                              r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b")
_BYLINE_HANDLE = re.compile(r"^[\w .'-]{0,40}\s@\w+$")
_BYLINE_ROLE = re.compile(r"\b(staff (writer|reporter)|correspondent|contributor)\b")
_BYLINE_AGO = re.compile(r"\b\d+ min(ute)?s? read\b|\b\d+ ?(min|mins|minutes)\W*$|"
                         r"\b\d+ (min|mins|minutes?|hours?|hrs?|days?|weeks?) ago\b")
_BYLINE_DATE = re.compile(r"\b" + _MONTH + r"[a-z]*\.? \d{1,2}(st|nd|rd|th)?,? \d{4}\b|"
                          r"\b\d{1,2}\.? (de )?" + _MONTH + r"\w*\.?,? (de )?\d{4}\b")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\d{4}")
# A wire dateline: a place, then a numeric date ("oslo 2024-05-04", "lima, 04/05/2024").
_DATELINE = re.compile(r"^[^\d]{2,40}\s(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})$")


def is_byline(low: str) -> bool:
    """True for a lower-cased byline or dateline ("by jane doe", "12 march 2024"): ``BYLINE.search``."""
    if _BYLINE_AT_START.match(low):
        return True
    if "@" in low and _BYLINE_HANDLE.match(low):
        return True
    if ("staff" in low or "correspondent" in low or "contributor" in low) and _BYLINE_ROLE.search(low):
        return True
    if not _DIGIT.search(low):
        return False
    if ("ago" in low or " min" in low) and _BYLINE_AGO.search(low):
        return True
    if _DATELINE.match(low):
        return True
    return bool(_YEAR.search(low) and _BYLINE_DATE.search(low))


#: Stock lines that an article's own markup can hold (HTML body text), each with its reason: an
#: appeal, a sign-up line that names a newsletter or an inbox, a follow-us line, a teaser link
#: after "Related:" or "Read more:".  Narrower than SHORT_CUES: article prose passes them.
IN_ARTICLE: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(donate (now|today)|support (us|our (work|journalism))|"
                r"become a (member|patron|supporter)|make a contribution|contribute (now|today))\b", _I),
     "donation appeal"),
    (re.compile(r"\b(sign[ -]?up|subscribe|get)\b.{0,80}\b(newsletters?|inbox)\b|"
                r"\b(newsletters?|inbox)\b.{0,60}\b(sign[ -]?up|subscrib\w*)\b", _I), "newsletter"),
    (re.compile(r"^follow\b.{0,80}\b(twitter|facebook|instagram|youtube|linkedin|tiktok)\b|"
                r"\b(follow us|like us) on\b", _I), "share buttons"),
    (re.compile(r"^(related( stories| articles| coverage| content)?|read (more|also|next)|see (more|also)|"
                r"more on this( story)?)\s*:\s*\S|^also on [\w-]+\.\w+\s+\S", _I), "related links"),
]
# Longer blocks keep their stock phrases as text: higher hides more article paragraphs that
# mention a newsletter, lower keeps long appeals; by hand (commit 1472b91).
IN_ARTICLE_WORDS = 60  # a block longer than this (in words) is article text whatever it says
#: Speed only: for each IN_ARTICLE pattern (same order), a test that a line passes whenever the
#: pattern matches it (a word the pattern needs), so that most lines are not searched at all.
_IN_ARTICLE_NEEDS: tuple[Callable[[str], bool], ...] = (
    lambda low: "donate" in low or "support" in low or "become a" in low or "contribut" in low,
    lambda low: "newsletter" in low or "inbox" in low,
    lambda low: low.startswith("follow") or "follow us on" in low or "like us on" in low,
    lambda low: low.startswith(("related", "read ", "see ", "more on this", "also on ")),
)


def in_article_cue(text: str) -> str:
    """The reason a block of article markup is furniture ("" for none): see IN_ARTICLE."""
    low = text.strip().lower()
    if low.count(" ") >= IN_ARTICLE_WORDS:
        return ""
    for (rx, why), needs in zip(IN_ARTICLE, _IN_ARTICLE_NEEDS, strict=True):
        if needs(low) and rx.search(low):
            return why
    return ""
