"""Copies of one article (its .txt and .html saves, or one file twice) are one row, one hit."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

from reader.library import copies, open_library

BODY = [
    "The lighthouse at Carrick Point will have keepers again this summer, the coastal trust said "
    "on Wednesday, thirty years after the last one left the rock.",
    "Two volunteers will live in the tower from June to September, trimming the lamp by hand and "
    "logging the weather for the harbour office every four hours.",
    "\u201cPeople forget that a light needs someone to look after it,\u201d said Orla Breen, who chairs "
    "the trust. \u201cWe want visitors to see how the work was done.\u201d",
    "The trust raised the money for the repairs from a public appeal that drew more than four "
    "thousand donations, most of them under twenty pounds.",
]
TITLE = "Keepers Return to the Old Lighthouse at Carrick Point"

TXT = f"{TITLE}\n\nShare this article\n\n" + "\n\n".join(BODY) + "\n\nSubscribe to our newsletter.\n"
HTML = (
    f"<html><head><title>{TITLE} | The Coast Gazette</title></head><body>"
    '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>'
    f"<article><h1>{TITLE}</h1><p>By Declan Moore</p>"
    + "".join(f"<p>{p}</p>" for p in BODY)
    + "</article><aside><h2>Most read</h2><ul><li><a href='/a'>Ferry fares rise</a></li></ul></aside>"
    "<footer>The Coast Gazette. All rights reserved.</footer></body></html>"
)
# another article under the same headline and the same furniture: never a copy
OTHER = (
    f"{TITLE}\n\nShare this article\n\n"
    "Builders began work on the new visitor centre beside the Carrick Point light on Monday, with "
    "the first walls due to rise before the end of the month.\n\n"
    "The centre will hold a cafe, a small museum of lamps and lenses, and a room for school groups "
    "who come to learn about the coast.\n\n"
    "Local councillor Fergal Nash said the project would bring work to the village through the "
    "winter, when the harbour is quiet.\n\nSubscribe to our newsletter.\n"
)
FERRY = (
    "Ferry Fares Rise for the Third Time This Year\n\n"
    "The island ferry company will raise its fares by six percent from next month, blaming the "
    "cost of fuel and a shortage of crew.\n\n"
    "Islanders said the rise would hit families who travel to the mainland for school and hospital "
    "visits.\n"
)


def _write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return root


def _lib(tmp_path: Path, files: dict[str, str]):  # type: ignore[no-untyped-def]
    lib = open_library(_write(tmp_path / "coll", files))
    lib.refresh()
    return lib


def test_txt_and_html_saves_of_one_page_are_one_row_shown_as_the_html(tmp_path: Path) -> None:
    with _lib(
        tmp_path,
        {
            "news/lighthouse.txt": TXT,
            "web/lighthouse.html": HTML,
            "news/visitor-centre.txt": OTHER,
            "news/ferry.txt": FERRY,
        },
    ) as lib:
        entries = {e.path: e for e in lib.entries(limit=10)}
        assert set(entries) == {"web/lighthouse.html", "news/visitor-centre.txt", "news/ferry.txt"}
        page = entries["web/lighthouse.html"]
        assert page.copies == 2 and page.others == ("news/lighthouse.txt",)
        assert entries["news/visitor-centre.txt"].copies == 1  # same headline and furniture only
        assert lib.count() == 3
        assert lib.copies("news/lighthouse.txt") == ["web/lighthouse.html", "news/lighthouse.txt"]
        other = lib.entry("news/lighthouse.txt")  # a copy not listed still has its row
        assert other is not None and other.copies == 2 and other.others == ("web/lighthouse.html",)
        assert lib.index_of("news/lighthouse.txt") is None
        assert lib.index_of("web/lighthouse.html") is not None


def test_same_bytes_twice_group_and_a_removed_copy_leaves_the_other(tmp_path: Path) -> None:
    root = tmp_path / "coll"
    with _lib(tmp_path, {"a/ferry.txt": FERRY, "b/ferry.txt": FERRY, "news/lighthouse.txt": TXT}) as lib:
        assert lib.count() == 2
        assert [e.copies for e in lib.entries(order="path")] == [2, 1]
        (root / "a/ferry.txt").unlink()
        lib.refresh()
        assert [(e.path, e.copies) for e in lib.entries(order="path")] == [
            ("b/ferry.txt", 1),
            ("news/lighthouse.txt", 1),
        ]
        assert lib.copies("b/ferry.txt") == ["b/ferry.txt"]


def test_a_copy_added_later_joins_and_the_better_save_is_listed(tmp_path: Path) -> None:
    root = tmp_path / "coll"
    with _lib(tmp_path, {"news/lighthouse.txt": TXT, "news/ferry.txt": FERRY}) as lib:
        assert lib.count() == 2
        _write(root, {"web/lighthouse.html": HTML})
        lib.refresh()
        assert lib.count() == 2
        assert [e.path for e in lib.entries(order="path")] == ["news/ferry.txt", "web/lighthouse.html"]


def test_read_and_unread_count_groups(tmp_path: Path) -> None:
    with _lib(
        tmp_path, {"news/lighthouse.txt": TXT, "web/lighthouse.html": HTML, "news/ferry.txt": FERRY}
    ) as lib:
        assert lib.count(unread_only=True) == 2
        lib.state.set_read("news/lighthouse.txt", True)  # read in the copy not listed: the article is read
        assert lib.count(unread_only=True) == 1
        listed = lib.entry("web/lighthouse.html")
        assert listed is not None and listed.read
        assert [e.path for e in lib.entries(unread_only=True)] == ["news/ferry.txt"]
        assert [h.path for h in lib.search("is:read")] == ["web/lighthouse.html"]


def test_search_finds_the_article_once(tmp_path: Path) -> None:
    with _lib(
        tmp_path, {"news/lighthouse.txt": TXT, "web/lighthouse.html": HTML, "news/ferry.txt": FERRY}
    ) as lib:
        hits = lib.search("volunteers lamp")
        assert [h.path for h in hits] == ["web/lighthouse.html"]
        assert hits[0].copies == 2
        assert lib.search_count("volunteers lamp") == 1
        assert lib.search_count("lighthouse") == 1


def test_cli_search_prints_one_hit(tmp_path: Path) -> None:
    root = _write(tmp_path / "coll", {"news/lighthouse.txt": TXT, "web/lighthouse.html": HTML})
    out = subprocess.run(
        [sys.executable, "-m", "reader", "search", "volunteers", str(root)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.count("lighthouse") == 1 and "web/lighthouse.html" in out
    assert "2 copies" in out


def test_same_article_needs_most_of_the_text_and_a_like_length() -> None:
    words = " ".join(BODY).lower().split()
    full = copies.shingles(words)
    assert copies.same_article(full, copies.shingles([*words, "advertisement"]))
    assert not copies.same_article(full, copies.shingles(words[: len(words) // 3]))  # a part only
    assert not copies.same_article(full, copies.shingles([*words[:20], *["a", "wholly", "new", "text"] * 20]))
    assert not copies.same_article(frozenset(), frozenset())


def test_best_copy_is_html_then_markdown_then_text_unless_much_shorter() -> None:
    assert copies.best([(1, "a.txt", 100), (2, "a.md", 100), (3, "a.html", 95)]) == 3
    assert copies.best([(1, "a.txt", 100), (2, "a.md", 100)]) == 2
    assert copies.best([(1, "a.txt", 100), (3, "a.html", 50)]) == 1  # the HTML lost half the text
    assert copies.best([(1, "b.txt", 90), (2, "a.txt", 100)]) == 2


def test_short_notes_with_one_sentence_but_other_titles_stay_apart(tmp_path: Path) -> None:
    note = "# {}\n\nA short reminder written for the copies test.\n"
    with _lib(
        tmp_path,
        {
            "a.md": note.format("Bins on Tuesday"),
            "b.md": note.format("Choir at eight"),
            "c/a.md": note.format("Bins on Tuesday"),
        },
    ) as lib:
        assert [(e.path, e.copies) for e in lib.entries(order="path")] == [("a.md", 2), ("b.md", 1)]


def test_people_and_quotes_count_an_article_with_copies_once(tmp_path: Path) -> None:
    with _lib(tmp_path, {"news/lighthouse.txt": TXT, "web/lighthouse.html": HTML}) as lib:
        assert dict(lib.people()).get("Orla Breen") == 1
        assert len({q.path for q in lib.quotes()}) == 1
        assert sum(lib.quote_counts().values()) == len(lib.quotes())


def test_search_count_counts_a_group_once_whichever_copies_match(tmp_path: Path) -> None:
    extra = TXT.replace("left the rock.", "left the rock, as a seal watched from the slipway.")
    files = {
        "news/lighthouse.txt": TXT,
        "web/lighthouse.html": HTML,
        "old/lighthouse.txt": extra,
        "news/ferry.txt": FERRY,
    }
    with _lib(tmp_path, files) as lib:
        assert lib.count() == 2 and lib.entry("web/lighthouse.html").copies == 3  # type: ignore[union-attr]
        assert lib.search_count("volunteers") == 1  # all three copies match
        assert lib.search_count("seal slipway") == 1  # only a copy not listed matches
        assert [h.path for h in lib.search("seal slipway")] == ["old/lighthouse.txt"]  # where the words are
        assert lib.search_count("fares") == 1
        assert lib.search_count("seal tag:none") == 0


def test_run_hashes_are_the_same_in_another_process() -> None:
    # marks are stored in the cache and compared with those of rows written by other processes:
    # a str hash (seeded per process) would make every copy look new
    words = ["the", "keepers", "will", "live", "in", "the", "tower", "from", "june", "to", "september"]
    code = (
        "from reader.library import copies; "
        f"print(sorted(copies.shingles({words!r})))"
    )
    env = {"PYTHONHASHSEED": "12345", "PATH": ""}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.strip() == str(sorted(copies.shingles(words)))
    assert len(copies.shingles(words)) == len(words) - copies.SHINGLE + 1
    assert copies.shingles(words[:3]) != copies.shingles(words[1:4])


def test_the_workers_texts_are_the_stored_rows_texts_and_group_alike(tmp_path: Path) -> None:
    from reader.library import cache
    from reader.library.refresh import Job, analyse_job

    files = {"a/lighthouse.txt": TXT, "b/lighthouse.html": HTML, "c/other.txt": OTHER, "d/ferry.txt": FERRY}
    with _lib(tmp_path, files) as lib:
        conn = cache.connect(lib.cache_path)
        ids = {path: i for i, path in conn.execute("SELECT id, path FROM docs")}
        stored = copies._texts(conn, sorted(ids.values()))
        known = {}
        for rel in files:
            p = tmp_path / "coll" / rel
            rec = analyse_job(Job(str(p), rel, p.stat().st_size, p.stat().st_mtime_ns, None)).record
            assert rec is not None
            known[ids[rel]] = copies.Text(rel, rec.title, rec.runs, rec.shown)
        assert known == stored  # what the writer is handed is what it would read back
        groups = sorted(conn.execute("SELECT id, lead, copies FROM docs").fetchall())
        assert sorted(n for _i, _l, n in groups) == [1, 1, 2, 2]
        conn.execute("UPDATE docs SET lead = NULL")
        copies.regroup(conn, known)
        assert sorted(conn.execute("SELECT id, lead, copies FROM docs").fetchall()) == groups
        conn.close()


def _words(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [f"w{rng.randrange(100000)}" for _ in range(n)]


def test_sketches_never_rule_out_a_copy_and_rule_out_texts_that_share_a_paragraph() -> None:
    text = _words(900, 1)
    longer = text + _words(500, 2)  # the same article with more under it (within LENGTH)
    edited = text[:300] + _words(20, 3) + text[300:]  # a save with one line more
    quoting = _words(700, 4) + text[:120] + _words(200, 5)  # another article quoting a paragraph
    run = {k: copies.shingles(v) for k, v in
           {"text": text, "longer": longer, "edited": edited, "quoting": quoting}.items()}
    sk = {k: copies.sketch_of(v, 0) for k, v in run.items()}
    for other in ("longer", "edited"):
        assert copies.same_article(run["text"], run[other])
        assert not copies.unlikely(sk["text"], sk[other])
    assert not copies.same_article(run["text"], run["quoting"])
    assert copies.unlikely(sk["text"], sk["quoting"])
    assert copies.unlikely(sk["text"], copies.sketch_of(copies.shingles(text[:400]), 0))  # too short
    assert copies.unlikely(sk["text"], None)
    # with too few runs to answer for, the pair is read and compared
    few = copies.sketch_of(copies.shingles(text[:10]), 0)
    assert not copies.unlikely(few, copies.sketch_of(copies.shingles(_words(12, 6)), 0))


def test_a_rows_stored_sketch_is_the_one_its_runs_make(tmp_path: Path) -> None:
    from reader.library import cache

    with _lib(tmp_path, {"a/lighthouse.txt": TXT, "b/lighthouse.html": HTML}) as lib:
        conn = cache.connect(lib.cache_path)
        ids = [i for (i,) in conn.execute("SELECT id FROM docs ORDER BY id")]
        stored = copies._sketches(conn, ids)
        texts = copies._texts(conn, ids)
        assert {i: copies.sketch_of(t.runs, t.words) for i, t in texts.items()} == stored
        marks = {i: sorted(m for (m,) in conn.execute("SELECT mark FROM marks WHERE doc_id = ?", (i,)))
                 for i in ids}
        assert all(marks[i] == sorted(texts[i].runs)[: copies.MARKS] for i in ids)
        conn.close()
