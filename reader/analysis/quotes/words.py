"""Word lists for finding quotations' speakers: reporting verbs, titles, function words."""

from __future__ import annotations

from reader.analysis.lexicon import SPEAKER_TITLES


def word_set(text: str) -> frozenset[str]:
    """The set of the space-separated words of ``text``."""
    return frozenset(text.split())


SAY = (
    "said|says|say|saying|added|adds|adding|asked|asks|wrote|writes|writing|stated|explained|"
    "explains|noted|argued|argues|claimed|insisted|insists|declared|declares|warned|warns|"
    "continued|continues|recalled|recalls|replied|replies|responded|responds|answered|remarked|"
    "observed|announced|announces|acknowledged|admitted|conceded|suggested|suggests|complained|"
    "sings|tweeted|tweets|posted|joked|quipped|predicted|cautioned|contended|countered|maintained|"
    "emphasized|stressed|concluded|boasted|yelled|shouted|chanted|sang|testified|told|tells|tell|"
    "reported|reports|mused|scoffed|retorted|lamented|conceded|bragged|pleaded|pledged|vowed|"
    "promised|agreed|confirmed|denied|opined|exclaimed|demanded|wondered|pressed|challenged|urged|"
    "marveled|laughed|sighed|snapped|fumed|griped|grumbled|reminded|interjected|proclaimed|reasoned|"
    "recounted|reiterated|speculated|whispered|cracked|teased|texted|emailed|elaborated|"
    "shot back|went on|pointed out|chimed in|"
    # German, Spanish and French reporting verbs (ASCII forms; the verb scan reads [A-Za-z]+ words)
    "sagt|sagte|sagten|meint|meinte|betont|betonte|dijo|dice|asegura|explica|dit"
)
# Words that end a speaker after an inverted verb in other languages ("sagte Lang am Montag")
FOREIGN_PRONOUNS = {"er": "he", "sie": "she", "ella": "she", "il": "he", "elle": "she"}
FOREIGN_STOPS = word_set("am im bei vor nach en el la le durante")
CLAUSE = (
    "called|calls|calling|described|describes|describing|accused|accuses|accusing|urged|urges|"
    "labeled|labelled|dubbed|branded|dismissed|dismisses|blasted|slammed|praised|criticized|"
    "mocked|referred|refers|characterized|likened|compared|thanked|invited|defended|hailed|"
    "derided|ridiculed|attacked|questioned|condemned|condemns|denounced|scolded|lauded|demanded|promised|encouraged|told|tells|assured|"
    "wants|wanted|hopes|hoped|believes|believed|thinks|thought|sees|saw|expects|feared|"
    "mentioned|cited|quoted|repeated|used|uses|using|put it|promising|vowing|warning|asking|telling"
)
SAY_WORDS = frozenset(SAY.split("|"))
# Verbs after which the speaker may follow ("said Jones"); the others only take a subject.
INVERT = word_set(
    "said says added adds asked asks wrote writes continued continues explained noted argued replied "
    "responded answered recalled insisted declared warned stated remarked observed tweeted joked "
    "quipped countered concluded sagt sagte sagten meint meinte betont betonte dijo dice asegura explica dit"
)
# Present and past forms of reporting verbs the SAY list lacks ('...," Lane notes.'), read only after a
# quote and as words of speech around a scare quote (CUES): the verb scan before a quote and the
# ranker's features keep to SAY and CLAUSE
MORE_SAY = word_set(
    "notes announces acknowledges admits concedes complains contends maintains emphasizes stresses "
    "concludes predicts testifies agrees confirms denies wonders reminds proclaims recounts reiterates "
    "speculates observes assures assured asserts asserted retorts pleads exclaims interjects opines "
    "charged commented echoed"
)
LEFT_VERBS = frozenset(["according to", *SAY.split("|"), *CLAUSE.split("|")])
RIGHT_VERBS = frozenset(["according to", *SAY.split("|")]) | MORE_SAY

PRONOUNS = word_set("he she they i we it you who")
SKIP = word_set(
    "also later then has had have was were is are would will could may might previously recently once "
    "again repeatedly reportedly simply never further flatly privately publicly directly himself "
    "herself themselves just even still already often frequently quickly angrily emphatically bluntly "
    "firmly tersely proudly openly finally initially originally on in at last this next early late "
    "earlier week month year morning afternoon evening night today yesterday tonight weekend day has "
    "been not"
)
STOPS = word_set(
    "of in at from for on to during with who which that after before when while as and or but by "
    "about than because since through into over under"
)
LEADERS = word_set(
    "but and meanwhile however when if as still yet so then now also in on at after before later "
    "while asked speaking the a an earlier separately instead indeed his her their its our my all both "
    "if although though because "
    "many some most few several each every either neither other such what which there here it this that "
    "these those whether unless until once where why how"
)
DETS = word_set("a an the this that these those his her their its our my one some another")


ROLES = SPEAKER_TITLES | word_set("police press campaign party city county state company union team group")
INTRO = word_set(
    "in on at after during with when while as despite since before following speaking in addition however "
    "meanwhile still yet but and so later earlier last"
)
DOC_NOUNS = word_set("report statement release analysis study survey poll memo letter")
# Words that make a short quote inside a sentence someone's words ("rated it as "false"",
# "Trump's claim of "thousands""); without one it is a scare quote or a term.
CUES = (
    LEFT_VERBS
    | MORE_SAY
    | word_set(  # talk of speech, nouns of claims (measured on polnear_train's training part, issue 14)
        "spoke speak speaks speaking talk talks talked talking commented commenting lament lamented decry "
        "decried decrying protest protested implied implies suggest suggesting predict predicting indicated "
        "pledge pledges promise promises vows mention mentions assertion assertions accusation accusations "
        "allegation allegations naming professing mouthing"
    )
    | word_set(
        "as so-called claim claims statement statements message remark remarks comment comments words word "
        "phrase slogan nickname term label chant chants chanting motto promise pledge vow warning "
        "call accuse accusing describe label labeling labelling dub brand term termed terming refer "
        "referring referenced rated rating rates ruled deemed assert asserted asserting admit admitting "
        "argue arguing insist insisting claim claiming chanted tweeting speech interview testimony "
        "according quote quoting promising pledging condemned condemning denounced stressing stresses "
        "emphasizing noting notes warning criticism criticizing"
    )
)
# Shouted line heads that are no speaker ("UPDATE: ...").
NOT_LABELS = word_set(
    "update updated note editor's editor’s correction clarification disclosure warning breaking "
    "exclusive watch read video photos photo related also see more listen live advertisement"
) | frozenset(["editor's note", "editor’s note"])
# Head nouns of organisations and groups ("the Health Ministry", "Fox News", "critics").
ORG_HEADS = word_set(
    "ministry department committee party agency office council commission court post times news press "
    "journal network university institute foundation association union campaign company corp inc "
    "group bank fund government administration service police army kremlin house senate congress "
    "parliament tribune herald guardian telegraph magazine daily weekly radio television tv channel "
    "center centre organization organisation board bureau authority authorities federation league "
    "club team staff officials ministers embassy council coalition alliance republicans democrats "
    "statement report "
    "critics analysts experts observers residents protesters demonstrators opponents supporters voters "
    "lawmakers legislators sources aides police"
)
