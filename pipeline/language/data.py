"""The language rules' data files (schema/residue.yaml, schema/style-language.yaml), validated once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline import literals, patterns
from pipeline.paths import SCHEMA_DIR
from pipeline.yamlio import plain, load_validated


@lru_cache(maxsize=1)
def style() -> dict:
    return plain(load_validated(SCHEMA_DIR / "style-language.yaml", "style-language.schema.json"))


@dataclass(frozen=True)
class Pattern:
    id: str
    regex: re.Pattern
    text: str  # reason or message
    replace: str = ""
    control: bool = False  # button or link text: ingest keeps the line a paragraph


@lru_cache(maxsize=1)
def _residue_data() -> dict:
    return plain(load_validated(SCHEMA_DIR / "residue.yaml", "residue.schema.json"))


@lru_cache(maxsize=1)
def french_words() -> frozenset[str]:
    """French words that are no Dutch word, lower case (residue.yaml, ``french_words``)."""
    return frozenset(w.lower() for w in _residue_data().get("french_words") or [])


@lru_cache(maxsize=1)
def placeholder_words() -> frozenset[str]:
    """The words of Latin filler text, lower case (residue.yaml, ``placeholder_words``)."""
    return frozenset(w.lower() for w in _residue_data().get("placeholder_words") or [])


def running_lines() -> dict:
    """How often a short line must repeat, and how short it must be, to be a running header."""
    return _residue_data().get("running_lines") or {"min_count": 3, "max_words": 8}


def control_line(text: str) -> bool:
    """Whether ``text`` (one line) is the text of a web page's button or link, or image text
    written like a headline ("Verdrietig stel bespreekt de uitslag"), not a title."""
    folded = literals.fold(text)
    return any(literals.may_match(needs, folded) and p.regex.search(text) for p, needs in _control_phrases()) \
        or caption(text)


@lru_cache(maxsize=1)
def _control_phrases() -> tuple:
    """The button and link phrases, each with the strings one of which every match of it contains."""
    return tuple((p, literals.needs(p.regex)) for p in residue_phrases() if p.control)


@lru_cache(maxsize=1)
def residue_phrases() -> tuple[Pattern, ...]:
    data = _residue_data()
    return tuple(Pattern(p["id"], patterns.compile(p["pattern"], re.I | re.M), p["reason"],
                         control=bool(p.get("control")))
                 for p in data["phrases"])


@lru_cache(maxsize=1)
def typography() -> tuple[Pattern, ...]:
    return tuple(Pattern(p["id"], patterns.compile(p["pattern"]), p["message"], p["replace"])
                 for p in style()["typography"])


@dataclass(frozen=True)
class SpellingData:
    dotted_abbreviations: frozenset[str]  # lower case, without the full stop
    prefixes: tuple[str, ...]  # longest first
    separable_particles: tuple[str, ...]  # longest first
    language_names: frozenset[str] = frozenset()  # "griekse", "latijn": a quoted word beside one is cited
    naming_words: frozenset[str] = frozenset()  # "genaamd", "het woord": a quoted word right after one is named
    street_words: tuple[str, ...] = ()  # "laan", "straat": a capitalised word ending in one before a number is an address
    foreign_words: tuple[frozenset[str], ...] = ()  # per other language, its words that are no Dutch words
    compound_forms: frozenset[str] = frozenset()  # "kinder", "eier": a noun's form before another in a compound
    initialisms: tuple[tuple[str, str], ...] = ()  # ("oa", "o.a."): written without its full stops -> dotted
    diaeresis_prefixes: frozenset[str] = frozenset()  # "pre": a clashing vowel after it takes a diaeresis
    eponym_heads: frozenset[str] = frozenset()  # "syndroom", "ziekte": the word after "<head> van" is a name
    interjections: frozenset[str] = frozenset()  # "eh", "uhm": drawn out at their end in a story ("ehhh")
    participle_heads: frozenset[str] = frozenset()  # "vormend": a participle closing a noun's adjective (gasvormend)

    def dotted_form(self, word: str) -> str | None:
        """"nr" -> "nr.", "oa" -> "o.a.": the written form of an abbreviation given without its full stop."""
        low = word.lower()
        dotted = dict(self.initialisms).get(low) or (low + "." if low in self.dotted_abbreviations else None)
        return None if dotted is None else (dotted[:1].upper() + dotted[1:] if word[:1].isupper() else dotted)


@lru_cache(maxsize=1)
def spelling() -> SpellingData:
    data = style()
    sp = data.get("spelling") or {}
    particles = data.get("agreement", {}).get("separable_particles", [])
    return SpellingData(frozenset(w.lower() for w in sp.get("dotted_abbreviations", [])),
                        tuple(sorted({p.lower() for p in sp.get("prefixes", [])}, key=len, reverse=True)),
                        tuple(sorted(set(particles), key=len, reverse=True)),
                        frozenset(sp.get("language_names", [])), frozenset(sp.get("naming_words", [])),
                        tuple(w.lower() for w in sp.get("street_words", [])),
                        tuple(frozenset(w.lower() for w in ws) for ws in (sp.get("foreign_function_words") or {}).values()),
                        frozenset(w.lower() for w in sp.get("compound_forms", [])),
                        tuple(sorted((k.lower(), v) for k, v in (sp.get("initialisms") or {}).items())),
                        frozenset(w.lower() for w in sp.get("diaeresis_prefixes", [])),
                        frozenset(w.lower() for w in sp.get("eponym_heads", [])),
                        frozenset(w.lower() for w in sp.get("interjections", [])),
                        frozenset(w.lower() for w in sp.get("participle_heads", [])))


@dataclass(frozen=True)
class ResidueWords:
    navigation: frozenset[str]  # menu items, lower case, without end punctuation
    person_roles: frozenset[str]
    caption_adjectives: frozenset[str]
    caption_subjects: tuple[str, ...]  # may hold two words ("aanstaande moeder")
    caption_companions: frozenset[str]
    not_verbs: frozenset[str]
    contents_labels: frozenset[str]  # above the page's own table of contents
    related_labels: frozenset[str]  # above links to other articles
    document_labels: frozenset[str]  # above other documents' titles on a document-sharing site
    trail_labels: frozenset[str] = frozenset()  # above a breadcrumb written one link a line ("U bevindt zich hier:")


@dataclass(frozen=True)
class ShapeWords:
    """The word lists of the residue shape detectors (schema/residue.yaml, ``shapes``), lower case."""
    furniture: frozenset[str]  # words of page furniture: stamps, controls, content types
    function: frozenset[str]  # furniture inside such a line, never enough alone
    byline: frozenset[str]  # capitalised words after these are a person's name
    page_labels: frozenset[str]  # department and content-type labels
    organisation: tuple[str, ...]  # words of an organisation's name (also as a compound's last part)
    about_labels: frozenset[str]  # above an author's biography
    social: frozenset[str]  # social networks and share buttons
    interface: frozenset[str] = frozenset()  # an English site template's controls ("Search", "more")
    sentence: frozenset[str] = frozenset()  # function words of running text, lacking in a row of tags
    tab_labels: frozenset[str] = frozenset()  # a journal page's tabs ("Abstract"), residue under residue
    action_verbs: frozenset[str] = frozenset()  # first words of a call to action ("Zoek", "Stuur")
    promotion: frozenset[str] = frozenset()  # what a site offers besides the text ("cursus", "nieuwsbrief")
    legend: frozenset[str] = frozenset()  # above a legend of the site's symbols ("Uitleg symbolen")
    info_labels: frozenset[str] = frozenset()  # a page's practical labels above its text ("Openingstijden")
    section_labels: frozenset[str] = frozenset()  # a site's sections above the text ("Afdelingen & Specialismen")
    top_labels: frozenset[str] = frozenset()  # a page's type above its title ("Behandeling")


@lru_cache(maxsize=1)
def shape_words() -> ShapeWords:
    data = _residue_data().get("shapes") or {}
    def low(key) -> frozenset[str]:
        return frozenset(w.lower() for w in data.get(key) or [])
    return ShapeWords(low("furniture_words") | low("social_networks"), low("function_words"), low("byline_words"),
                      low("page_labels"), tuple(sorted(low("organisation_words"), key=len, reverse=True)),
                      low("about_labels"), low("social_networks"), low("interface_words"), low("sentence_words"),
                      low("tab_labels"), low("action_verbs"), low("promotion_words"),
                      low("legend_labels"), low("info_labels"), low("section_labels"),
                      low("top_labels"))


@lru_cache(maxsize=1)
def residue_words() -> ResidueWords:
    """The word lists of schema/residue.yaml: web site menu items, roles before a name, and the
    words of image text written like a headline."""
    data = _residue_data()
    cap = data.get("captions") or {}
    lists = data.get("link_lists") or {}
    def low(items) -> frozenset[str]:
        return frozenset(w.lower() for w in items or [])
    return ResidueWords(low(data.get("navigation")), low(data.get("person_roles")), low(cap.get("adjectives")),
                        tuple(sorted(low(cap.get("subjects")), key=len, reverse=True)), low(cap.get("companions")),
                        low(cap.get("not_verbs")), low(lists.get("contents")), low(lists.get("related")),
                        low(lists.get("documents")), low(lists.get("trail")))


def caption(text: str, article: bool = False) -> bool:
    """Image text written like a headline: [adjective] subject [en companion] verb ..., no article
    first and no end punctuation ("Bezorgde vrouw belt met de huisarts", also in small letters);
    with ``article``, "een" may open it ("Een vrouw heeft een gesprek met de arts")."""
    t = text.strip()
    if not t or not t[0].isalpha() or t[-1] in ".!?:;…" or not 5 <= len(t.split()) <= 20 or ":" in t:
        return False
    w = residue_words()
    words = t.lower().split()
    i = 1 if article and words[0] == "een" else 0
    i += 1 if words[i] in w.caption_adjectives else 0
    subject = next((s for s in w.caption_subjects if words[i:i + len(s.split())] == s.split()), None)
    if subject is None:
        return False
    i += len(subject.split())
    pair = words[i:i + 1] == ["en"]
    if pair:
        i += 2 if words[i + 1:i + 2] in (["zijn"], ["haar"]) else 1
        if words[i:i + 1] and words[i] in w.caption_companions:
            i += 1
        else:
            return False
    verb = words[i] if i < len(words) else ""
    return len(verb) >= 3 and verb.isalpha() and verb not in w.not_verbs and verb.endswith("en" if pair else "t")
