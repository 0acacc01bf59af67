"""Search through the library: typos, prefixes, phrases, fields, exclusions, spans."""

from __future__ import annotations

from pathlib import Path

import pytest

import reader
from reader.library import Library
from tests.unit.library_fixtures import write_collection


@pytest.fixture
def lib(tmp_path: Path):  # type: ignore[no-untyped-def]
    with reader.open_library(write_collection(tmp_path / "coll")) as lib:
        lib.refresh()
        yield lib


def paths(lib: Library, q: str) -> list[str]:
    return [h.path for h in lib.search(q)]


def test_typo_finds_the_name(lib: Library) -> None:
    assert paths(lib, "shoygu ")[0] == "ledger/2022/defence-talks.txt"
    assert paths(lib, "kowalczik ")[0] == "harbor/2021/port-strike.txt"


def test_word_being_typed_is_a_prefix(lib: Library) -> None:
    assert paths(lib, "brid")[0] == "harbor/2021/bridge-opens.md"
    assert "harbor/2021/bridge-opens.md" not in paths(lib, "brid ")


def test_articles_with_every_word_come_first(lib: Library) -> None:
    assert paths(lib, "bridge ribbon ") == ["harbor/2021/bridge-opens.md"]
    # nothing holds both: nothing is listed, and the count says so (issue 15: every word must match)
    assert lib.search("bridge defence ") == [] and lib.search_count("bridge defence ") == 0
    assert lib.search_count("bridge ribbon ") == 1
    full = lib.search("bridge opens ")[0]
    assert full.path == "harbor/2021/bridge-opens.md"


def test_phrase_field_and_exclusion(lib: Library) -> None:
    assert paths(lib, '"close to zero"') == ["ledger/2022/defence-talks.txt"]
    assert paths(lib, '"zero close"') == []
    assert paths(lib, "person:renwick ") == ["harbor/2021/bridge-opens.md"]
    assert paths(lib, "title:meals ") == ["ledger/2022/school-meals.html"]
    assert paths(lib, "title:pupil ") == []
    said = paths(lib, "friday ")
    assert "harbor/2021/bridge-opens.md" in said and "ledger/2022/defence-talks.txt" in said
    assert paths(lib, "friday -ribbon ") == ["ledger/2022/defence-talks.txt"]


def test_accents_fold(lib: Library) -> None:
    assert paths(lib, "crepes ") == ["notes.txt"]
    assert paths(lib, "CAFÉ ") == ["notes.txt"]


def test_title_beats_body(lib: Library) -> None:
    hits = lib.search("port ")
    assert hits[0].path == "harbor/2021/port-strike.txt"


def test_spans_and_first_hit_point_at_the_match(lib: Library) -> None:
    for q in ("shoygu ", "bridge", '"close to zero"', "meals "):
        hits = lib.search(q)
        assert hits
        for h in hits:
            for s, e in h.snippet_spans:
                assert 0 <= s < e <= len(h.snippet)
            for s, e in h.title_spans:
                assert 0 <= s < e <= len(h.title)
            if h.first_hit is not None:
                src = lib.article(h.path).source
                assert 0 <= h.first_hit < len(src)
    h = lib.search("shoygu ")[0]
    s, e = h.snippet_spans[0]
    assert h.snippet[s:e].lower() == "shoigu"
    assert lib.article(h.path).source[h.first_hit:h.first_hit + 6] == "Shoigu"  # type: ignore[index]
    t = lib.search("bridge ")[0]
    assert [t.title[s:e] for s, e in t.title_spans] == ["Bridge"]


def test_odd_queries_never_raise(lib: Library) -> None:
    for q in ("", " ", '"', '""', "-", "-x", "person:", "title:", "a:b", "NOT", "AND OR", "*", "(",
              "x" * 300, "é", "😀", "said:", '"unterminated phrase'):
        lib.search(q)
    assert lib.search("bridge", limit=0) == []


def test_said_finds_the_speaker_the_analysis_found(lib: Library) -> None:
    quotes = [q for q in lib.quotes() if q.speaker]
    assert quotes
    for q in quotes:
        surname = q.speaker.split()[-1]  # type: ignore[union-attr]
        assert q.path in paths(lib, f"said:{surname} ")
        assert q.path in paths(lib, f"said:{surname[:-1]}")  # still typing: a prefix


def test_new_words_are_found_with_typos_after_a_refresh(lib: Library) -> None:
    assert paths(lib, "zanzibar ") == []  # the vocabulary is loaded now
    (lib.root / "new.txt").write_text("Spice Trade\n\nShips left Zanzibar at dawn.\n", encoding="utf-8")
    lib.refresh()
    assert paths(lib, "zanzibar ") == ["new.txt"]
    assert paths(lib, "zanzibra ") == ["new.txt"]


def test_quoted_word_forgives_no_typo(lib: Library) -> None:
    assert paths(lib, '"shoigu" ') == ["ledger/2022/defence-talks.txt"]
    assert paths(lib, '"shoygu" ') == []


# -- every match in source offsets: what the reading pane highlights and n/N step through ---------
def _texts(lib: Library, q: str, path: str) -> list[str]:
    article = lib.article(path)
    return [article.source[m.start:m.end] for m in lib.matches(q, path)]


def test_a_typo_matches_the_words_it_found(lib: Library) -> None:
    path = "ledger/2022/defence-talks.txt"
    source = lib.article(path).source
    texts = _texts(lib, "shoygu ", path)
    assert texts and {t.lower() for t in texts} == {"shoigu"}
    assert len(texts) == source.lower().count("shoigu")


def test_a_phrase_matches_as_a_whole_and_excluded_words_never(lib: Library) -> None:
    path = "ledger/2022/defence-talks.txt"
    assert {t.lower() for t in _texts(lib, '"close to zero" ', path)} == {"close to zero"}
    assert _texts(lib, "-zero ", path) == []
    assert {t.lower() for t in _texts(lib, "shoigu -bus ", path)} == {"shoigu"}


def test_hits_carry_the_same_matches(lib: Library) -> None:
    hits = lib.search("shoygu ", with_matches=True)
    assert hits and hits[0].matches == lib.matches("shoygu ", hits[0].path)
    assert lib.search("shoygu ")[0].matches == ()  # only when asked for: typing stays fast
    assert lib.matches("shoygu ", "no/such/file.txt") == ()


def test_search_jsonl_prints_the_matches(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from reader.cli import main
    from tests.conftest import SAMPLES, SEED

    assert main(["search", "shoygu", str(SAMPLES), "--format", "jsonl"]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    seed = next(h for h in hits if h["path"] == SEED.name)
    source = SEED.read_text(encoding="utf-8")
    assert [source[s:e] for s, e in seed["matches"]] == ["Shoigu"] * source.count("Shoigu")


def test_search_cli_says_when_nothing_matches_and_takes_a_leading_minus(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reader.cli import main

    coll = write_collection(tmp_path / "coll")
    assert main(["search", "zzqqxxyy", str(coll)]) == 1
    assert "no articles match 'zzqqxxyy'" in capsys.readouterr().err
    assert main(["search", "-zero", str(coll), "--limit", "3"]) == 1  # not a usage error (2)
    assert "unrecognized" not in capsys.readouterr().err
    assert main(["search", "shoigu -bus", str(coll), "--limit", "1"]) == 0
    assert "defence-talks" in capsys.readouterr().out
