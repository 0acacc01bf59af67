"""Small article collections written by the tests themselves."""

from __future__ import annotations

from pathlib import Path

ARTICLES = {
    "harbor/2021/port-strike.txt": (
        "Dockers Walk Out Over Pay at Harbor City Port\n\n"
        "Workers at the harbor port stopped loading ships on Monday. "
        "Union leader Marta Kowalczyk said the talks had failed.\n\n"
        '"We have waited three years for a fair offer," Kowalczyk said.\n\n'
        "The port authority said cargo would be diverted to Eastfield.\n"
    ),
    "harbor/2021/bridge-opens.md": (
        "# New Bridge Opens After Decade of Delays\n\n"
        "The bridge across the Lenne river opened to traffic on Friday.\n\n"
        "Mayor Tobias Renwick cut the ribbon. "
        '"This bridge belongs to everyone who waited," Renwick said.\n\n'
        "Engineers said the crossing would cut journeys by twenty minutes.\n"
    ),
    "ledger/2022/defence-talks.txt": (
        "Defence Ministers Meet for Rare Talks in Moscow\n\n"
        "Defence Minister Sergei Shoigu met his British counterpart Ben Wallace on Friday. "
        "Shoigu said ties were close to zero.\n\n"
        '"Unfortunately the level of our cooperation is close to zero," Shoigu said.\n\n'
        "Wallace said the talks were frank and useful for both sides.\n"
    ),
    "ledger/2022/school-meals.html": (
        "<html><head><title>Free School Meals Extended Across the Region</title></head><body>"
        "<article><h1>Free School Meals Extended Across the Region</h1>"
        "<p>Every primary pupil in the region will receive free school meals from September, "
        "the education council announced on Tuesday.</p>"
        "<p>Council leader Amira Haddad said the scheme would cost twelve million pounds a year "
        "and would be paid for by savings elsewhere in the budget.</p>"
        "<p>Parents welcomed the plan, which had been promised before the last election.</p>"
        "</article></body></html>"
    ),
    "notes.txt": "Cafe Menu\n\nThe café serves crêpes and coffee every morning.\n",
}


def write_collection(root: Path, articles: dict[str, str] | None = None) -> Path:
    for rel, text in (articles or ARTICLES).items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return root
