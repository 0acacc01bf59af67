"""The app opens the bundled sample articles and shows the seed article with its boilerplate folded."""

from __future__ import annotations

from reader import paths
from reader.config import Config
from reader.ui.app import ReaderApp
from tests.ui.helpers import open_article, ready, screen_text

SEED = "moscow-times-uk-russia-ties.txt"


async def test_opens_bundled_samples_with_seed_folded() -> None:
    app = ReaderApp(None, config=Config(theme="textual-dark"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert app.root == paths.sample_articles_dir()
        assert "sample_articles" in screen_text(app)
        pane = await open_article(pilot, SEED)
        folds = pane.folds
        assert folds, "the seed's boilerplate should be folded"
        hidden = " ".join(b.text for f in folds for b in f.blocks)
        assert "Support The Moscow Times!" in hidden
        assert "Sign up for our free weekly newsletter" in hidden
        text = screen_text(app)
        assert "hidden: donation appeal" in text
        assert "Sergei Shoigu said Friday" in text


def test_command_line_app_arguments() -> None:
    import argparse

    from reader.commands import app as command

    parser = argparse.ArgumentParser()
    command.add_arguments(parser)
    ns = parser.parse_args(["some/folder", "--theme", "nord"])
    assert ns.path == "some/folder" and ns.theme == "nord"
    assert parser.parse_args([]).path is None


def test_styles_are_found() -> None:
    names = {p.name for p in paths.styles_dir().glob("*.tcss")}
    assert {"app.tcss", "list.tcss", "reading.tcss", "screens.tcss"} <= names
