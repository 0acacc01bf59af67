"""People detection in German, Spanish and French text, and new English role words."""

from __future__ import annotations

from reader.analysis.people import find_people
from reader.analysis.people.foreign import is_role, not_english
from reader.model import Block, BlockKind, Person, Span


def _find(text: str) -> list[Person]:
    """One body block per non-empty line."""
    blocks = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            blocks.append(Block(BlockKind.BODY, Span(pos, pos + len(line)), line))
        pos += len(line) + 1
    people = find_people(text, blocks)
    for p in people:
        for m in p.mentions:
            assert text[m.span.start:m.span.end] == m.text
    return people


def _names(text: str) -> dict[str, str | None]:
    return {p.name: p.role for p in _find(text)}


GERMAN = (
    "Der Stadtrat hat am Dienstag lange über das neue Schwimmbad beraten.\n"
    "Als Petra Lindner die Pläne im Herbst den Anwohnern zeigte, war die Stimmung schlecht.\n"
    "Die Kosten sind nach Angaben der Verwaltung deutlich gestiegen. Der Neubau soll 2027 fertig sein.\n"
    "Kölns Oberbürgermeister Markus Feldhaus lobte das Projekt trotzdem.\n"
    "„Wir brauchen dieses Bad“, sagte Feldhaus. Im Frühjahr den Antrag der Opposition lehnte der Rat ab.\n"
    "Vereinsmitglied Dr. Sabine Krüger hält das für einen Fehler. Der Verein will nun klagen.\n"
    "Von Ingrid Maas\n"
)


def test_german_articles_and_nouns_are_not_people() -> None:
    names = _names(GERMAN)
    assert set(names) == {"Petra Lindner", "Markus Feldhaus", "Sabine Krüger", "Ingrid Maas"}


def test_german_compound_role_and_genitive_place() -> None:
    names = _names(GERMAN)
    assert names["Markus Feldhaus"] == "Oberbürgermeister"  # "Kölns" is no part of name or role
    assert names["Sabine Krüger"] == "Vereinsmitglied Dr."


def test_german_surname_alone_joins_the_full_name() -> None:
    p = next(p for p in _find(GERMAN) if p.name == "Markus Feldhaus")
    assert [m.text for m in p.mentions] == ["Markus Feldhaus", "Feldhaus"]


def test_german_name_without_given_name_needs_a_lone_surname() -> None:
    text = ("Am Montag hat Zlatka Petrenko die Sitzung eröffnet und über die neuen Regeln für den Markt "
            "gesprochen. Die Händler waren nicht begeistert, denn die Gebühren steigen im nächsten Jahr "
            "um ein Drittel. Viele wollen jetzt ihre Stände aufgeben.")
    assert _names(text) == {}
    again = text + " Petrenko sieht das anders."
    assert "Zlatka Petrenko" in _names(again)


SPANISH = (
    "Para Ramón Ortega, portavoz de los vecinos del barrio, la obra llega demasiado tarde.\n"
    "El alcalde Julián Prieto defendió el proyecto ante el pleno del ayuntamiento.\n"
    "Según Prieto, las obras terminarán en Marzo y no habrá más retrasos en el calendario.\n"
    "La consejera de Transportes, Elena Ruiz Campos, no quiso opinar.\n"
    "Los vecinos, sin embargo, siguen esperando una respuesta sobre el ruido y el tráfico.\n"
)


def test_spanish_preposition_is_not_part_of_a_name() -> None:
    names = _names(SPANISH)
    assert set(names) == {"Ramón Ortega", "Julián Prieto", "Elena Ruiz Campos"}
    assert names["Julián Prieto"] == "alcalde"


FRENCH = (
    "Selon Claire Dubois, la mairie a beaucoup tardé sur ce dossier.\n"
    "Le maire Antoine Lefèvre a dit que les travaux commenceront en janvier.\n"
    "Pour les habitants du quartier, cette décision est une bonne nouvelle, mais Dubois reste "
    "prudente sur le calendrier et sur les coûts.\n"
)


def test_french_role_and_names() -> None:
    names = _names(FRENCH)
    assert set(names) == {"Claire Dubois", "Antoine Lefèvre"}
    assert names["Antoine Lefèvre"] == "maire"


def test_english_council_roles_are_roles() -> None:
    text = ("Councilwoman Dana Whitfield voted against the plan on Tuesday.\n"
            "Alderman Curtis Pellew said the vote was rushed, and Whitfield agreed.\n")
    assert _names(text) == {"Dana Whitfield": "Councilwoman", "Curtis Pellew": "Alderman"}


def test_der_and_den_inside_names() -> None:
    text = ("The painter Pieter van der Hoek moved to Leiden in 1650.\n"
            "He later painted a scene from the life of Karl der Große for a patron.\n")
    assert set(_names(text)) >= {"Pieter van der Hoek", "Karl der Große"}


def test_language_guess() -> None:
    assert not_english(GERMAN) and not_english(SPANISH) and not_english(FRENCH)
    assert not not_english("The council met on Tuesday and voted to approve the plan for the new "
                           "bike lanes along the river, which will be built over the next two years "
                           "if the state agrees to pay for most of the work on the road.")


def test_role_words() -> None:
    assert is_role("baubürgermeister") and is_role("ministerpräsident") and is_role("alcalde")
    assert not is_role("halbe") and not is_role("mitglied")


def test_italian_preposition_before_a_given_name_and_ranked_items() -> None:
    text = ("Il nuovo film di Marco Bellandi è uscito ieri nelle sale di tutta la regione.\n"
            "Secondo il regista, la storia è nata durante un viaggio con la sua famiglia.\n"
            "Il pubblico ha accolto bene il film, e i critici lo hanno lodato per la musica.\n"
            "I prodotti più venduti della settimana sono questi:\n"
            "1) Lampada Notturna Ricaricabile per la camera\n"
            "2) Borraccia Termica Colorata da viaggio\n")
    assert _names(text) == {"Marco Bellandi": None}


def test_portuguese_department_after_a_role_is_not_a_name() -> None:
    text = ("A Secretaria de Educação anunciou ontem um novo programa para as escolas do estado.\n"
            "Segundo a secretária Helena Moura, o programa começa em março e vai atender os alunos.\n"
            "Os professores, no entanto, pedem mais recursos para as escolas e para as bibliotecas.\n")
    assert _names(text) == {"Helena Moura": "secretária"}
