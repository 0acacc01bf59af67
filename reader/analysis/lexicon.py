"""Word lists for people detection: given names, surnames, titles, roles and non-name words.

The large lists live in ``reader/analysis/data/`` (see ``SOURCES.md`` there) and are
loaded once, lazily.  Every list is lower-case; callers compare ``word.lower()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The loaded lists; see the module constants for the small hand-written ones."""

    given: frozenset[str]  # given names that are rarely ordinary English words
    given_ambiguous: frozenset[str]  # given names that are also common words ("Will", "Rose")
    surnames: frozenset[str]
    english: frozenset[str]  # ordinary lower-case English words
    places: frozenset[str]  # countries, nationalities, regions, states, big cities
    countries: frozenset[str]  # countries and nationalities only (never a surname)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load the shipped lists (once per process)."""
    root = resources.files("reader.analysis") / "data"

    def read(name: str) -> frozenset[str]:
        return _words((root / name).read_text(encoding="utf-8"))

    given = read("given_names.txt") - AMBIGUOUS_GIVEN
    countries = read("countries.txt")
    return Lexicon(
        given=given,
        given_ambiguous=read("given_names_ambiguous.txt") | AMBIGUOUS_GIVEN,
        surnames=read("surnames.txt"),
        english=read("english_words.txt"),
        places=read("places.txt") | countries,
        countries=countries - NOT_DEMONYMS,
    )


# Given names that are also common capitalised words, months or titles.
AMBIGUOUS_GIVEN = _words("""
may will june august april grant chase hope faith justice summer autumn winter genesis destiny
trinity crystal diamond junior dawn earnest chance charity grace roman sterling savannah sierra
hunter guy earl dean mark bill frank royal king prince princess major general lord duke baron
christian young long rich price page bell best love star sky ocean river forest stone wood
art rock sunny victory liberty harmony unity independence sonny angel miles storm rocky
""")

# Titles and honorifics: a name follows; recorded as the person's role.
HONORIFICS = _words("""
mr mrs ms miss mx dr prof sir dame lord lady rev revd fr sen rep gov lt gen col maj capt cpt sgt
cpl pvt adm cmdr hon mme mlle herr frau sheikh sheik imam rabbi pastor
""")

# Words that make up a role before a name ("Defense Minister", "coach", "striker").
ROLE_WORDS = _words("""
president vice minister secretary prime chancellor premier governor senator congressman
congresswoman representative mayor judge justice chairman chairwoman chair ceo cfo coo founder
director manager coach captain striker midfielder defender goalkeeper keeper forward winger
quarterback pitcher boxer player champion king queen prince princess emperor empress pope
cardinal bishop archbishop saint father brother sister ambassador envoy commissioner spokesman
spokeswoman spokesperson general admiral colonel major lieutenant sergeant corporal commander
officer deputy assistant attorney prosecutor detective inspector constable sheriff professor
doctor dean pastor rabbi imam sheikh emir sultan duke duchess count countess earl baron baroness
marquis leader speaker editor author writer actor actress singer rapper photographer reporter
correspondent analyst economist historian poet novelist artist painter composer producer
chief executive defense defence foreign interior finance health education home energy trade
labor labour transport agriculture culture environment justice economy state army navy staff
opposition party senior junior former late acting veteran star rookie head brigadier
marshal commodore superintendent crown councilmember councilwoman councilman councilor councillor
alderman alderwoman assemblyman assemblywoman assemblymember selectman selectwoman comptroller
treasurer magistrate coroner provost
""")

# Capitalised words that end or spoil a name: organisations, places, events, works.
ORG_WORDS = _words("""
inc ltd llc plc corp corporation co company companies group holdings fc afc cf sc united city
rovers wanderers athletic party office times post journal herald tribune gazette daily news
magazine press review university college school academy institute institution ministry
department council committee commission agency authority board bureau service services club
street st road avenue ave boulevard lane square bridge river lake mountain mount mountains
island islands county state states republic kingdom empire federation union alliance army navy
corps regiment division brigade battalion church cathedral chapel abbey temple mosque hospital
airport station museum gallery hall park tower hotel center centre foundation association
society bank fund trust records band orchestra choir festival award awards prize cup league
championship championships series games olympics show tv television radio network channel
studios studio pictures films entertainment media court senate house parliament congress
assembly government movement front act law war battle campaign siege revolution treaty
dynasty province district region valley bay sea ocean gulf coast beach harbor harbour port
fort castle palace tour album song single film movie novel book opera theatre theater stadium
arena field airlines airways motors systems technologies software labs energy oil gas
industries international national federal royal imperial global world airport highway route
mall market ltd. inc. co. corp. cathedral library zoo estate county borough township village
town parish diocese order brothers sisters sons quartet trio ensemble records label airlines
navy forces force guard police fire brigade team squad hook hills creek brook brooks falls hollow
canyon springs heights woods glen harbour point ridge peak plains desert dock docks railway rail
railroad line lines express playfield gym gymnasium chart charts music casino cups bowl story stories
regency composites collection edition remix live acoustic gardens garden plaza pier terrace court
sunni shia shiite muslims christians jews catholics protestants hindus buddhists sikh sikhs
catholic muslim jewish protestant orthodox buddhist hindu islamic anglican baptist methodist
lutheran evangelical democrat democrats republican republicans conservative conservatives liberal
liberals tory tories communist communists socialist socialists nazi nazis labor labour
qaeda qaida shabaab hezbollah hamas taliban isis casa
athletics recordings capital partners ventures enterprises productions publishing publishers
books comics games
""")

# Words that are never part of a name; dropped from the start of a run of capitals.
STOP_WORDS = _words("""
the a an this that these those there here it its he she his her hers him they them their we
our us you your i my me mine in on at by for from to of with without into onto over under
after before during since until while when where why how what which who whom whose if then
than but and or nor so yet also as is was are were be been being not no yes all any both each
every some many most much more such only just even still already again ever never always
however meanwhile moreover therefore thus though although because unless despite according
monday tuesday wednesday thursday friday saturday sunday january february march april june july
august september october november december mon tue wed thu fri sat sun jan feb mar apr jun jul
aug sep sept oct nov dec today yesterday tomorrow tonight mr. mrs. dr. god christmas easter
said says say told asked added according via per let please dear hi hello thanks thank
first second third fourth fifth sixth seventh eighth ninth tenth last next other old great greater
little big upper lower grand
""")

# Months and days: a name never starts with one when a number follows.
CALENDAR = _words("""
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
""")

# Lower-case particles inside names ("Ludwig van Beethoven", "Charles de Gaulle").
PARTICLES = _words("de da di del della der den van von du la le bin ibn al el dos das do ter ten op y")

# Name suffixes kept in the span ("Jr.", "III").
SUFFIXES = _words("jr jr. sr sr. ii iii iv")

# Role words that name a field, not a person ("Defense" in "Defense Minister").
DEPARTMENTS = _words("""
defense defence foreign interior finance health education home energy trade labor labour transport
agriculture culture environment economy state army navy staff opposition party senior junior
former late acting veteran head vice prime
""")

# First words of place names ("San Jose", "St. Louis", "New Zealand").
PLACE_PREFIXES = _words(
    "san santa santo sao são los las st st. saint ste fort port mount mt monte new north south east west"
)

# Endings of surnames from languages the census lists cover thinly ("Kowalski", "Petrov").
SURNAME_ENDINGS = tuple(sorted(_words("""
ski ska sky skiy skyi wicz vich vych ov ova ev eva yev yeva enko chuk czuk yan escu ovic ović ić
sson poulos idis akis oglu oğlu zadeh shvili dze nejad uddin ullah
""")))

# Place names that end like nationalities but are given names too ("Jordan" is not "Jordanian").
NOT_DEMONYMS = _words("jordan georgia victoria florence paris sydney austin dallas houston madison lincoln")

DAYS = _words("monday tuesday wednesday thursday friday saturday sunday")

# Lower-case nouns for people: a capitalised name right after one is a person ("drummer Flood").
PERSON_NOUNS = _words("""
drummer guitarist bassist vocalist singer pianist keyboardist saxophonist trumpeter violinist cellist
conductor dancer comedian presenter host anchor journalist columnist broadcaster filmmaker director
screenwriter playwright architect designer chef lawyer barrister solicitor surgeon nurse scientist
physicist chemist biologist mathematician philosopher astronaut pilot driver jockey trainer cyclist
runner sprinter swimmer golfer batsman bowler wicketkeeper spinner fullback halfback flanker winger
centre-back pitcher catcher shortstop outfielder linebacker receiver entrepreneur businessman
businesswoman billionaire tycoon activist campaigner student teacher mother son daughter wife husband
widow cousin uncle aunt grandson granddaughter grandmother grandfather friend colleague rival
opponent teammate girlfriend boyfriend fiancé fiancée victim suspect defendant witness resident
neighbour neighbor lyricist rapper model actor actress novelist poet painter sculptor photographer
economist analyst strategist adviser advisor aide consultant candidate nominee challenger incumbent
lawmaker legislator politician diplomat negotiator investor founder owner chairman chairwoman
member justice co-founder cofounder boss legend winner runner-up finalist musician composer engineer agent
spouse partner ex-wife ex-husband nephew niece stepson stepdaughter mentor protege protégé pupil
""")

# Firms named after people, written like a person's name in business news.
FIRM_NAMES = frozenset(line.strip() for line in """
morgan stanley
goldman sachs
wells fargo
merrill lynch
dow jones
aston martin
rolls royce
rolls-royce
bear stearns
hewlett packard
hewlett-packard
charles schwab
edward jones
raymond james
smith barney
dean witter
arthur andersen
ernst young
marks spencer
procter gamble
johnson johnson
kraft heinz
estee lauder
louis vuitton
harley davidson
harley-davidson
""".strip().splitlines())

# Common Chinese, Korean and Vietnamese family names, written first ("Wang Yi", "Moon Jae-in").
FAMILY_FIRST = _words("""
wang li zhang liu chen yang huang zhao wu zhou xu sun zhu hu guo gao lin luo zheng liang xie
tang han feng deng cao peng zeng xiao tian dong yuan pan jiang cai du ye cheng su wei lu ding ren
shen yao cui zhong tan fan jin shi liao jia xia fu fang bai zou meng xiong qin qiu yin xue yan
duan lei hou gu mao hao gong shao wan qian dai mo kong xiang dou hua
kim lee park choi jung kang cho yoon jang lim oh seo shin kwon hwang ahn yoo hong jeon ko moon
son bae baek heo nam sim noh kwak sung cha joo ryu chae won cheon hyun byun yeo chun
nguyen tran pham hoang huynh phan vu vo dang bui ngo duong
""")
