"""Every word list that analysis shares, each defined once, with where it came from.

The lists are data files in ``reader/analysis/data/`` (one entry per line, lines starting with
``#`` are comments); ``data/SOURCES.md`` says where each file came from.  The small hand-written
lists are read when this module is imported (patterns are built from them); the large name and
dictionary lists once, lazily, by :func:`lexicon`.  Every entry is lower case; callers compare
``word.lower()``.

Where two parts of analysis used lists that differ a little (minor words, abbreviations,
particles, titles), each keeps its own named list here, built from the shared core plus its own
extras, and its comment says what the union would do.  "Union" figures are the documents whose
``reader extract`` output changes over sample_articles and the shared dev sets (seed, boilerplate
dev and readability_dev txt and html, wikigold, conll2003_dev, polnear_dev), measured for issue 11.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# Beside this module, as reader.paths finds the styles (importlib.resources costs ~6 ms to import).
_DATA = Path(__file__).resolve().parent / "data"


def entries(name: str) -> tuple[str, ...]:
    """The entries of ``data/<name>``, in file order: stripped lines, blank and ``#`` lines left out."""
    lines = (line.strip() for line in (_DATA / name).read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def words(name: str) -> frozenset[str]:
    """The entries of ``data/<name>`` as a set."""
    return frozenset(entries(name))


# --- the calendar (English, and the months and weekdays of de, es, fr, it, pt) -------------------

MONTHS = entries("months.txt")
DAYS = words("days.txt")
MONTH_ABBREVIATIONS = entries("month_abbreviations.txt")  # in file order: dateline patterns use it
DAY_ABBREVIATIONS = words("day_abbreviations.txt")
#: Month and weekday names: a name never starts with one when a number follows; a speaker
#: phrase made of them only is a date ("said Tuesday").
CALENDAR = frozenset(MONTHS) | DAYS
#: Month and weekday names of de, es, fr, it and pt, kept with their accents.
CALENDAR_OTHER_LANGUAGES = words("months_days_other_languages.txt")
#: Month stems of de, es, fr and it that differ from MONTH_ABBREVIATIONS ("mär", "janv"), in order.
MONTH_STEMS_OTHER_LANGUAGES = entries("month_stems_other_languages.txt")

# --- function words ---------------------------------------------------------------------------

#: Language code -> its common function words; a line dense in them is running prose, and their
#: share tells a text's language.  The order matters: on a tie the first language wins.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    lang: words(f"function_words/{lang}.txt")
    for lang in ("en", "de", "fr", "es", "it", "pt", "nl", "id", "ru", "pl", "sv", "tr")
}

_MINOR = words("minor_words.txt")
#: Words a headline in title case leaves in lower case (boilerplate: is this line a headline?).
#: Has "so", "yet", "if" where TITLE_CASE_MINOR has "into", "over": written apart (commits b62a54e
#: and 812a0f4), no reason recorded.  Union: no document changes, but the rule would on other
#: text, so this renovation keeps both; merging them is a behaviour change for its own commit.
HEADLINE_MINOR = _MINOR | {"so", "yet", "if"}
#: Words a Title Case block leaves in lower case (people: capitals there are no evidence of a name).
TITLE_CASE_MINOR = _MINOR | {"into", "over"}

_ABBREVIATIONS = words("abbreviations.txt")
#: Abbreviations whose period does not end a run of capitalised words (people: "Fr. Brown").
NAME_ABBREVIATIONS = _ABBREVIATIONS | {"fr"}
#: Abbreviations whose period does not end a sentence (quotes: sentence starts), with company
#: and rank forms ("Inc.", "Det.", "No.") that NAME_ABBREVIATIONS lacks (and without its "fr").
#: Written apart (commits 6f84a30 and 92a52db).  Union: 4 documents change (boilerplate dev
#: txt 1, html 1; polnear_dev 2), so both stay.
SENTENCE_ABBREVIATIONS = _ABBREVIATIONS | {
    "inc", "co", "corp", "no", "vs", "del", "cmdr", "supt", "det", "insp", "pres", "atty", "messrs",
}

# --- people: names, titles and roles ------------------------------------------------------------

#: Given names that are also common capitalised words, months or titles ("May", "Will", "Grant").
AMBIGUOUS_GIVEN = words("given_names_extra_ambiguous.txt")
#: Titles and honorifics: a name follows; recorded as the person's role.
HONORIFICS = words("honorifics.txt")
#: Words that make up a role before a name ("Defense Minister", "coach", "striker").
ROLE_WORDS = words("role_words.txt")
#: Role words that name a field, not a person ("Defense" in "Defense Minister").
DEPARTMENTS = words("role_departments.txt")
#: Capitalised words that end or spoil a name: organisations, places, events, works.
ORG_WORDS = words("org_words.txt")
#: Words that are never part of a name; dropped from the start of a run of capitals.  Months and
#: weekdays and their abbreviations are in it, all but "may" (a given name, a verb).
STOP_WORDS = (words("name_stop_words.txt") | ((CALENDAR | frozenset(MONTH_ABBREVIATIONS)) - {"may"})
              | DAY_ABBREVIATIONS)
#: Lower-case particles inside names ("Ludwig van Beethoven", "Charles de Gaulle"), in file order.
NAME_PARTICLE_LIST = entries("name_particles.txt")
PARTICLES = frozenset(NAME_PARTICLE_LIST)
#: Particles that may open or join a run of capitalised words (people.tokens): all of PARTICLES but
#: Dutch "op" (both written in commit 6f84a30, no reason recorded).  With "op": no document
#: changes, but runs on Dutch text would, so this renovation keeps the difference.
RUN_PARTICLE_LIST = tuple(p for p in NAME_PARTICLE_LIST if p != "op")
#: Lower-case words the speaker parser lets stand inside a capitalised speaker phrase (quotes):
#: the core particles, without the rarer "della", "el", "do", "ter", "ten", "op", "y", and with
#: "st"/"st." ("Mary St. Clair").  Written apart from PARTICLES (commit 92a52db).  Union
#: (PARTICLES | this): 2 documents change (readability_dev txt), so both stay.
SPEAKER_PARTICLES = (PARTICLES - {"della", "el", "do", "ter", "ten", "op", "y"}) | {"st", "st."}
#: Name suffixes kept in the span ("Jr.", "III").
SUFFIXES = words("name_suffixes.txt")
#: First words of place names ("San Jose", "St. Louis", "New Zealand").
PLACE_PREFIXES = words("place_prefixes.txt")
#: Endings of surnames from languages the census lists cover thinly ("Kowalski", "Petrov").
SURNAME_ENDINGS = tuple(sorted(words("surname_endings.txt")))
#: Place names that end like nationalities but are given names too ("Jordan" is not "Jordanian").
NOT_DEMONYMS = words("not_demonyms.txt")
#: Lower-case nouns for people: a capitalised name right after one is a person ("drummer Flood").
PERSON_NOUNS = words("person_nouns.txt")
#: Firms named after people, written like a person's name in business news.
FIRM_NAMES = words("firm_names.txt")
#: Common Chinese, Korean and Vietnamese family names, written first ("Wang Yi", "Moon Jae-in").
FAMILY_FIRST = words("family_names_first.txt")
#: Titles and role nouns the speaker parser strips before a surname ("Sen.", "host", "activist").
#: Not HONORIFICS | ROLE_WORDS: it leaves out most roles and adds nouns such as "host", "anchor";
#: written apart (commit 92a52db).  HONORIFICS | ROLE_WORDS in its place: 9 documents change (in
#: boilerplate dev, readability_dev, conll2003_dev, polnear_dev), so both stay.
SPEAKER_TITLES = words("speaker_titles.txt")


# --- the large lists, loaded on first use -------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Lexicon:
    """The loaded name and dictionary lists (see data/SOURCES.md)."""

    given: frozenset[str]  # given names that are rarely ordinary English words
    given_ambiguous: frozenset[str]  # given names that are also common words ("Will", "Rose")
    surnames: frozenset[str]
    english: frozenset[str]  # ordinary lower-case English words
    places: frozenset[str]  # countries, nationalities, regions, states, big cities
    countries: frozenset[str]  # countries and nationalities only (never a surname)


def _split(name: str) -> frozenset[str]:
    """The whitespace-separated words of ``data/<name>`` (the name and dictionary lists)."""
    return frozenset((_DATA / name).read_text(encoding="utf-8").split())


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load the shipped lists (once per process)."""
    given = _split("given_names.txt") - AMBIGUOUS_GIVEN
    countries = _split("countries.txt")
    return Lexicon(
        given=given,
        given_ambiguous=_split("given_names_ambiguous.txt") | AMBIGUOUS_GIVEN,
        surnames=_split("surnames.txt"),
        english=_split("english_words.txt"),
        places=_split("places.txt") | countries,
        countries=countries - NOT_DEMONYMS,
    )
