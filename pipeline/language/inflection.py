"""Regular Dutch forms of a word: which base words a form could come from, by Dutch spelling rules.

Only the spelling is worked out here (open and closed syllables, f/v and s/z, 't kofschip); whether a
base is a dictionary word of the right class is the spell checker's question. Each function returns
the candidate bases of a form, never a judgement. Data: pipeline/language/data/inflection.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.yamlio import load_kept

DATA = Path(__file__).parent / "data" / "inflection.yaml"
_VOWELS = set("aeiouyëéèïöüáó")
_SYLLABLES = re.compile("[aeiouyëéèïöüáó]+")
_DIAERESIS = {"a": "ä", "e": "ë", "i": "ï", "o": "ö", "u": "ü"}


@dataclass(frozen=True)
class InflectionData:
    long_vowels: frozenset[str]
    digraphs: frozenset[str]
    voiced: dict  # voiceless letter -> its voiced spelling before a vowel ("f" -> "v")
    voiceless: frozenset[str]
    adjective_endings: tuple[str, ...]
    superlative_endings: tuple[str, ...]
    plural_s_after: tuple[str, ...]
    plural_n_after: tuple[str, ...]
    doubling_suffixes: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def data() -> InflectionData:
    d = load_kept(DATA)
    return InflectionData(frozenset(d["long_vowels"]), frozenset(d["digraphs"]), dict(d["voiced"]),
                          frozenset(d["voiceless"]), tuple(d["adjective_endings"]),
                          tuple(d["superlative_endings"]), tuple(d["plural_s_after"]), tuple(d["plural_n_after"]),
                          tuple(d.get("doubling_suffixes") or ()))


def open_forms(base: str) -> set[str]:
    """How Dutch writes ``base`` before an ending with a vowel (-e, -en, -er): a long vowel once in the
    open syllable ("mediaan" -> "median"), f and s voiced after a long vowel or diphthong ("lief" ->
    "liev", "grijs" -> "grijz"; f also after l or r: "halv"), a consonant after a short vowel doubled
    in a word of one syllable ("dik" -> "dikk"); a longer word keeps it ("nodig", "simpel"), since its
    last syllable is mostly unstressed."""
    d = data()
    last, pre = base[-1:], base[:-1]
    if not last or last in _VOWELS or len(base) < 3:
        return {base}
    after_long = pre[-2:] in d.digraphs
    voiced = d.voiced.get(last) if after_long or (last == "f" and pre[-1:] in "lr") else None
    if after_long and pre[-1] == pre[-2] and pre[-1] in d.long_vowels:
        if last in "sz" and not voiced:
            return set()  # boos -> boz(e), Chinees -> Chines(e): which one, the spelling does not tell
        vowel = pre[-1]
        if pre[-3:-1] in d.digraphs:  # the single vowel would join the one before: ceremoniël(e)
            vowel = _DIAERESIS.get(vowel, vowel)
        return {pre[:-2] + vowel + (voiced or last)}  # mediaan -> median
    if voiced:
        return {pre + voiced}
    if pre[-1:] in _VOWELS and not after_long and last not in "wxy" and len(_SYLLABLES.findall(base)) == 1:
        return {base + last}  # dik -> dikk: one syllable, stressed; "nodig", "simpel" keep theirs
    return {base}


def closed(core: str) -> set[str]:
    """The words whose form before a vowel ending is ``core``: "median" -> "mediaan", "dikk" -> "dik",
    "liev" -> "lief"."""
    if len(core) < 3:
        return set()
    d = data()
    unvoiced = {v: f for f, v in d.voiced.items()}
    plain = {v: k for k, v in _DIAERESIS.items()}
    cands = {core, core[:-1], core[:-2] + plain.get(core[-2], core[-2]) + core[-1]}
    if core[-1] in unvoiced:
        cands.add(core[:-1] + unvoiced[core[-1]])
    cands |= {c[:-2] + c[-2] * 2 + c[-1] for c in list(cands) if len(c) >= 3 and c[-2] in d.long_vowels}
    return {c for c in cands if len(c) >= 3 and core in open_forms(c)}


def adjective_bases(low: str) -> set[str]:
    """Adjectives ``low`` may be a form of: -e, -en, -er, -ere, -ers (after an r the comparative adds
    -der: "zwaarder"), -st, -ste ("evidentst", "kwalitatiefste", "viest" from "vies")."""
    d = data()
    out: set[str] = set()
    for end in d.adjective_endings:
        if low.endswith(end):
            core = low[: -len(end)]
            comparative = end.startswith("er")
            # after an r the comparative adds -der: "zwaarder", "betaalbaarder" (never "betaalbarer")
            out |= {b for b in closed(core) if not (comparative and b.endswith("r"))}
            if comparative and core.endswith("rd"):
                out.add(core[:-1])
    for end in d.superlative_endings:
        if low.endswith(end):
            core = low[: -len(end)]
            # groot|st, vies|t: an adjective in -s adds only -t ("achteloost", never "achteloosst")
            out |= {core + "s"} if core.endswith("s") else {core, core + "s"}
    return {b for b in out if len(b) >= 3}


def plural_bases(low: str) -> set[str]:
    """Nouns ``low`` may be the plural of: -s after an unstressed ending ("randomisaties",
    "ziektes"), -en with a long vowel written once ("myomen" from "myoom"), -n after the endings whose
    nouns take it ("immunoglobulinen"), -en after two consonants ("echoscopisten"; an English loan's -s
    is the spelling checker's to judge). A short vowel's doubled consonant is
    left to the dictionary: many nouns lengthen the vowel instead ("wegen", "gebreken", "vaten")."""
    d = data()
    out: set[str] = set()
    if low.endswith("s") and low[:-1].endswith(d.plural_s_after):
        out.add(low[:-1])
    if low.endswith("en"):
        core = low[:-2]
        out |= {c for c in closed(core) if len(c) > len(core)}  # myom|en -> myoom
        if low[:-1].endswith(d.plural_n_after):
            out.add(low[:-1])  # immunoglobuline|n: endings whose nouns take -n ("controles", "brochures" take -s)
        if any(core.endswith(s + s[-1]) for s in d.doubling_suffixes):
            out.add(core[:-1])  # moederschap|pen: a suffix with a short vowel always doubles its consonant
        if len(core) >= 3 and core[-1] not in _VOWELS and core[-2] not in _VOWELS and core[-1] != core[-2] \
                and core[-1] not in "sfz" and not core.endswith(("ij", "ch")) and core[-2:-1] != "j":
            out.add(core)  # echoscopist|en: two consonants close the noun (not s/f, which turn z/v)
    return out


def plural_forms(noun: str) -> list[str]:
    """The plurals the spelling allows for ``noun``, likeliest first: -n after -e ("verloskundige"),
    -s after an unstressed ending ("ziekte"), -'s after a vowel ("echo"), -en on the form before a vowel
    ending ("miskraam" -> "miskramen", "kat" -> "katten"; "-heid" -> "-heden"), and last the old plural in
    -eren ("kind" -> "kinderen"). Which one is a word is the dictionary's question."""
    d = data()
    out = [noun[:-4] + "heden"] if noun.endswith("heid") else []
    if noun.endswith("e"):
        out.append(noun + "n")
    if noun.endswith(d.plural_s_after) or noun.endswith("e"):
        out.append(noun + "s")
    if noun[-1:] in _VOWELS and not noun.endswith("e"):
        out.append(noun + "'s")
    opened = sorted(open_forms(noun))
    out += [f + "en" for f in opened] + [noun + "en", noun + "s"]
    # a longer word whose last syllable is stressed doubles its consonant too ("gesprek" -> gesprekken)
    if len(noun) > 3 and noun[-1] not in _VOWELS | set("wxy") and noun[-2] in _VOWELS and noun[-3] not in _VOWELS:
        out.append(noun + noun[-1] + "en")
    # the few old plurals in -eren ("kind" -> kinderen, "ei" -> eieren, "kalf" -> kalveren), last
    out += [noun + "eren"] + [f + "eren" for f in opened]
    return list(dict.fromkeys(c for c in out if c != noun))


def stem_candidates(infinitive: str) -> set[str]:
    """The stems the spelling allows for an infinitive on -en: the closed form of what is before the
    ending ("lopen" -> "loop", "leggen" -> "leg", "geven" -> "geef", "lezen" -> "lees")."""
    if not infinitive.endswith("en") or len(infinitive) < 4:
        return set()
    core = infinitive[:-2]
    out = closed(core) | {core}
    if core.endswith("z"):  # s and z: the spelling does not tell (lezen -> lees), so both are candidates
        s_core = core[:-1] + "s"
        out |= {s_core} | ({s_core[:-2] + s_core[-2] * 2 + "s"} if s_core[-2:-1] in data().long_vowels else set())
    return out


@dataclass(frozen=True)
class Participle:
    particle: str  # "" or a separable particle ("af")
    stem: str  # the verb's stem as the participle writes it ("kapsel", "includeer")
    ending: str  # "t" or "d", or "" when the stem ends in t or d itself ("gezet")


def participles(low: str, particles: tuple[str, ...]) -> list[Participle]:
    """The readings of ``low`` as a past participle, also inflected with -e: [particle] + ge + stem +
    t/d ("geïncludeerd", "afgekapseld", "afgekapselde"). A diaeresis after ge- is spelling only."""
    form = low[:-1] if low.endswith(("te", "de")) else low
    if not form.endswith(("t", "d")):
        return []
    out = []
    for particle in ("", *particles):
        if not form.startswith(particle + "ge"):
            continue
        rest = form[len(particle) + 2:]
        if len(rest) < 3 or rest[0] in "eiu":
            continue  # ge- before e, i or u takes a diaeresis: geëcht, geïncludeerd
        rest = _plain_first(rest)
        if len(rest) < 3:
            continue
        out.append(Participle(particle, rest[:-1], rest[-1]))
        out.append(Participle(particle, rest, ""))
    return out


def participle_ending(infinitive_stem: str) -> str:
    """'t kofschip: the participle's ending after a stem ("maak" -> t, "leev"/"includeer" -> d)."""
    return "t" if infinitive_stem[-1:] in data().voiceless else "d"


def _plain_first(rest: str) -> str:
    """"ïncludeerd" -> "includeerd": the diaeresis marks only the syllable break after ge-."""
    plain = {"ë": "e", "ï": "i", "ü": "u", "ö": "o"}
    return plain.get(rest[:1], rest[:1]) + rest[1:]
