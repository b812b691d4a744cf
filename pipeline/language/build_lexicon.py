"""Build ``data/lexicon.tsv.gz`` from Frog's tagger lexicon (frogdata, installed with Debian ``frog``).

The tagger lexicon counts how often each word form was seen in Frog's training corpus and with
which part-of-speech tags. leaflint ships the derived list so that spelling suggestions get a
frequency prior and the d/t rules know which forms are verbs, also on machines without Frog.
Nothing is downloaded: run ``python -m pipeline.language.build_lexicon`` where frogdata is installed.

Output lines: ``word<TAB>count<TAB>tags`` with lower-cased words and short tag codes:
``pv`` finite present singular stem (WW(pv,tgw,ev)), ``pvt`` finite with -t (WW(pv,tgw,met-t)),
``vd`` past participle, ``inf`` infinitive/plural, ``pvv`` finite past, ``n`` noun, ``adj``;
the gender of a singular noun: ``de`` (zijd), ``het`` (onz) or ``dehet`` (both seen often, or
tagged genus), when the word was seen as a singular noun at least three times.
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import defaultdict
from pathlib import Path

FROG_LEX = Path("/usr/share/frog/nld/Frog.mbt.1.0.lex")
OUT = Path(__file__).parent / "data" / "lexicon.tsv.gz"
MIN_COUNT = 2

_CODES = [
    (re.compile(r"^WW\(pv,tgw,ev"), "pv"),
    (re.compile(r"^WW\(pv,tgw,met-t"), "pvt"),
    (re.compile(r"^WW\(pv,tgw,mv"), "pvmv"),
    (re.compile(r"^WW\(pv,verl"), "pvv"),
    (re.compile(r"^WW\(vd"), "vd"),
    (re.compile(r"^WW\(inf"), "inf"),
    (re.compile(r"^N\("), "n"),
    (re.compile(r"^ADJ\("), "adj"),
]


_GENDERS = {"zijd": "g-de", "onz": "g-het", "genus": "g-both"}
_SINGULAR_NOUN = re.compile(r"^N\(soort,ev,(?:basis|dim),(zijd|onz|genus)")


def _gender(counts: dict[str, int]) -> str | None:
    """``de``, ``het`` or ``dehet`` from how often a word was tagged as a singular noun of each gender;
    a reading under 10 % is taken for a tagging slip ("zwangerschap" 81 times zijd, 5 times onz)."""
    de, het, both = counts.get("g-de", 0), counts.get("g-het", 0), counts.get("g-both", 0)
    total = de + het + both
    if total < 3:
        return None
    if de >= 0.9 * total:
        return "de"
    if het >= 0.9 * total:
        return "het"
    return "dehet"


def build(src: Path = FROG_LEX, out: Path = OUT) -> int:
    counts: dict[str, int] = defaultdict(int)
    tags: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    with open(src, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 3 or not parts[0].isdigit():
                continue
            word = parts[1].lower()
            if not any(c.isalpha() for c in word):
                continue
            counts[word] += int(parts[0])
            for t in parts[2:]:
                tag, _, n = t.rpartition(":")
                for rx, code in _CODES:
                    if rx.match(tag):
                        tags[word][code] += int(n) if n.isdigit() else 1
                g = _SINGULAR_NOUN.match(tag)
                if g:
                    tags[word][_GENDERS[g.group(1)]] += int(n) if n.isdigit() else 1
    rows = []
    for word, n in counts.items():
        if n < MIN_COUNT:
            continue
        # a tag seen rarely is mostly a typo in the training corpus ("gebeurd" twice as a finite
        # verb); keep a rare reading only when it is seen a few times ("groei" 5 times as a verb)
        kept = {c for c, k in tags[word].items()
                if c not in _GENDERS.values() and (k >= 0.05 * n or (k >= 5 and k >= 0.01 * n))}
        g = _gender(tags[word])
        codes = ",".join(sorted(kept | ({g} if g else set())))
        rows.append(f"{word}\t{n}\t{codes}\n")
    rows.sort()
    out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same input gives the same bytes, so a rebuild shows no change in git
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write("".join(rows).encode("utf-8"))
    return len(rows)


if __name__ == "__main__":
    if not FROG_LEX.is_file():
        sys.exit(f"{FROG_LEX} not found: install the Debian package frogdata")
    print(f"{build()} words written to {OUT}")
