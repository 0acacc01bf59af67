"""The wheel carries the styles, the sample articles and the word lists, and an installed copy finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    (whl,) = out.glob("*.whl")
    return whl


def test_wheel_contains_styles_and_samples(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.startswith("reader/styles/") and n.endswith(".tcss") for n in names)
    assert "reader/sample_articles/moscow-times-uk-russia-ties.txt" in names
    assert not wheel.name.startswith("reader-"), "the distribution name must not be 'reader'"
    assert "reader/analysis/data/SOURCES.md" in names
    assert "reader/analysis/data/function_words/en.txt" in names
    assert "reader/analysis/data/given_names.txt" in names
    assert "reader/analysis/data/people_tagger.json.gz" in names


def test_installed_wheel_finds_its_styles(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
    )
    code = (
        "import reader.paths as p, sys; s = p.styles_dir(); a = p.sample_articles_dir();"
        "print(s); print(a);"
        "assert str(s).startswith(sys.argv[1]) and any(s.glob('*.tcss'));"
        "assert (a / 'moscow-times-uk-russia-ties.txt').is_file()"
    )
    res = subprocess.run(
        [sys.executable, "-c", code, str(target)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
    )
    assert res.returncode == 0, res.stderr


def test_installed_wheel_loads_its_word_lists(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
    )
    code = (
        "import sys, reader.analysis.lexicon as lx;"
        "assert lx.__file__.startswith(sys.argv[1]), lx.__file__;"
        "assert 'march' in lx.CALENDAR and 'the' in lx.FUNCTION_WORDS['en'];"
        "assert 'morgan stanley' in lx.FIRM_NAMES and 'van' in lx.PARTICLES;"
        "lex = lx.lexicon(); assert len(lex.given) > 10000 and 'smith' in lex.surnames"
    )
    res = subprocess.run(
        [sys.executable, "-c", code, str(target)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
    )
    assert res.returncode == 0, res.stderr
