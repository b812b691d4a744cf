"""Extraction quality against hand-annotated leaflets: precision and recall per key, and conflicts
that the extracted facts give but the annotated facts do not (false conflicts).

An evaluation set is a directory with ``leaflets/`` and ``expected.yaml``; each leaflet id maps to
``{facts: [...]}`` (or directly to the list), a fact being ``{key, line, min, max}`` or
``{key, line, text}`` with optional ``qualifiers``. A fact matches an annotation of the same key
within one line whose bounds agree to 0.05 and whose annotated qualifiers it states too.

    .venv/bin/python -m pipeline.bench.facts_quality tests/data/facts/blind2 [-v]
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.facts.catalog import default_catalog
from pipeline.facts.model import Fact


@dataclass
class Score:
    tp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fn: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    notes: list[str] = field(default_factory=list)

    def totals(self) -> tuple[int, int, int]:
        return sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())

    @property
    def precision(self) -> float:
        tp, fp, _ = self.totals()
        return tp / (tp + fp) if tp + fp else 1.0

    @property
    def recall(self) -> float:
        tp, _, fn = self.totals()
        return tp / (tp + fn) if tp + fn else 1.0

    def key_pr(self, key: str) -> tuple[float, float]:
        tp, fp, fn = self.tp[key], self.fp[key], self.fn[key]
        return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)

    def keys(self) -> list[str]:
        return sorted(set(self.tp) | set(self.fp) | set(self.fn))


def annotations(expected: dict) -> dict[str, list[dict]]:
    """leaflet id -> annotated facts; accepts ``{id: [facts]}`` and ``{id: {facts: [...]}}``."""
    out = {}
    for lid, v in (expected or {}).items():
        out[str(lid)] = list((v.get("facts") if isinstance(v, dict) else v) or [])
    return out


STRICT = ("population", "outcome")  # a fact must state these exactly as annotated (or neither)


def matches(e: dict, f: Fact) -> bool:
    if e["key"] != f.key or abs(e["line"] - f.line) > 1:
        return False
    if "text" in e:
        return f.text == str(e["text"])
    for b in ("min", "max"):
        v, w = getattr(f, b), e.get(b)
        if (v is None) != (w is None) or (v is not None and abs(v - w) > 0.05):
            return False
    quals = e.get("qualifiers") or {}
    if any(f.qualifiers.get(k) != quals.get(k) for k in STRICT):
        return False
    return all(f.qualifiers.get(k) == v for k, v in quals.items())


def score(expected: dict[str, list[dict]], facts: dict[str, list[Fact]]) -> Score:
    s = Score()
    for lid, want in expected.items():
        got = list(facts.get(lid, []))
        for e in want:
            m = next((f for f in got if matches(e, f)), None)
            if m is None:
                s.fn[e["key"]] += 1
                s.notes.append(f"missed {lid}:{e['line']} {e}")
            else:
                s.tp[e["key"]] += 1
                got.remove(m)
        for f in got:
            s.fp[f.key] += 1
            s.notes.append(f"extra  {lid}:{f.line} {f.key} {f.value_str()} {f.qualifiers}  | {f.quote[:90]}")
    return s


def annotated_facts(expected: dict[str, list[dict]], regions: dict[str, str]) -> dict[str, list[Fact]]:
    """The annotations as facts, so the conflict rules can run on the truth. An annotation of a
    value stated in months says so (``original: {min: 3, max: 3, unit: months}``), because a
    month spans 28 to 31 days when compared."""
    catalog = default_catalog()
    out = {}
    for lid, want in expected.items():
        out[lid] = [Fact(key=e["key"], min=e.get("min"), max=e.get("max"),
                         text=str(e["text"]) if "text" in e else None, line=e["line"],
                         unit=catalog.kind(e["key"]).unit if catalog.kind(e["key"]) else "",
                         qualifiers=dict(e.get("qualifiers") or {}), original=e.get("original"),
                         leaflet=lid, leaflet_region=regions.get(lid, "NL")) for e in want]
    return out


FACT_RULES = ("facts.conflict", "facts.internal-conflict", "facts.reference")


def findings(facts: dict[str, list[Fact]]) -> set[tuple[str, str, str]]:
    """(leaflet, key, rule) for every cross-leaflet or reference finding the facts give, from the
    rules themselves (with their default options), as when the leaflets are linted together."""
    from pipeline.corpus import Corpus
    from pipeline.lint.rules import registry

    corpus = Corpus(facts=facts)
    out = set()
    for rule_id in FACT_RULES:
        rule = registry()[rule_id]
        for d in rule.check(corpus, rule.defaults(), None):
            out.add((d.leaflet, d.fact, rule_id.split(".", 1)[1]))
    return out


conflicts = findings  # the name the blind-set tests know


def evaluate(set_dir: Path) -> tuple[Score, set, set]:
    """Score, false conflicts and missed conflicts of the extractor on one evaluation set."""
    from ruamel.yaml import YAML

    from pipeline.corpus import load_corpus
    from pipeline.facts.stage import extract_corpus
    from pipeline.lint.config import Config

    expected = annotations(YAML(typ="safe", pure=True).load((set_dir / "expected.yaml").read_text(encoding="utf-8")))
    corpus = load_corpus([set_dir / "leaflets"], Config())
    extract_corpus(corpus, Config())
    ids = {d.id for d in corpus.documents}
    if set(expected) != ids:
        raise ValueError(f"{set_dir / 'expected.yaml'}: leaflets {sorted(ids ^ set(expected))} "
                         "are annotated but missing, or present but not annotated")
    s = score(expected, corpus.facts)
    truth = conflicts(annotated_facts(expected, {d.id: d.region for d in corpus.documents}))
    got = conflicts(corpus.facts)
    return s, got - truth, truth - got


@dataclass
class RealResult:
    """Extraction quality on saved real pages: all facts, confident facts only, and the
    findings of the fact rules when the pages are linted together."""

    pages: int
    all_facts: Score
    confident: Score
    false_findings: set
    missed_findings: set

    @property
    def false_per_20(self) -> float:
        return 20 * len(self.false_findings) / self.pages if self.pages else 0.0


def load_sources(path: Path) -> list[dict]:
    from ruamel.yaml import YAML

    data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8")) or {}
    pages = list(data.get("pages") or [])
    for page in pages:
        for entry in page.get("look_alikes") or []:
            _check_look_alike(path, page.get("slug"), entry)
    return pages


def _check_look_alike(path: Path, slug, entry) -> None:
    """A look-alike is {line, value, why} with text for value and why: an unquoted comma in a flow
    mapping ("value: 1,5 %") silently splits it into a number and a stray key."""
    if (set(entry) != {"line", "value", "why"} or not isinstance(entry["line"], int)
            or not isinstance(entry["value"], str) or not isinstance(entry["why"], str)):
        raise ValueError(f"{path}: {slug}: a look-alike must be {{line, value, why}} with quoted text "
                         f"(a comma or a lone number in value needs quotes): {entry}")


def evaluate_real(pages_dir: Path, sources: Path, split: str = "dev") -> RealResult:
    """Score the extractor on the saved pages of ``split`` (dev, heldout or all) that
    ``sources`` annotates. A page is ``<slug>.txt`` with its address on the first line (blanked
    before reading, so annotated line numbers stay those of the file)."""
    import tempfile

    from pipeline.corpus import load_corpus
    from pipeline.facts.stage import extract_corpus
    from pipeline.lint.config import Config

    chosen = [p for p in load_sources(sources) if split == "all" or p.get("split") == split]
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        for page in chosen:
            src = pages_dir / f"{page['slug']}.txt"
            if not src.is_file():
                raise ValueError(f"{src}: page listed in {sources} is not saved")
            lines = src.read_text(encoding="utf-8").split("\n")
            (d / src.name).write_text("\n".join([""] + lines[1:]), encoding="utf-8")
            if page.get("region", "NL") != "NL":
                (d / f"{page['slug']}.meta.yaml").write_text(f"region: {page['region']}\n", encoding="utf-8")
        corpus = load_corpus([d], Config())
        extract_corpus(corpus, Config())
    expected = {p["slug"]: list(p.get("facts") or []) for p in chosen}
    got = {lid: [f for f in fs if f.key != "contact.phone"] for lid, fs in corpus.facts.items()}
    expected = {lid: [e for e in es if e["key"] != "contact.phone"] for lid, es in expected.items()}
    confident = {lid: [f for f in fs if f.confident] for lid, fs in got.items()}
    truth = findings(annotated_facts(expected, {p["slug"]: p.get("region", "NL") for p in chosen}))
    found = findings(got)
    return RealResult(len(chosen), score(expected, got), score(expected, confident), found - truth, truth - found)


def report_real(r: RealResult) -> str:
    lines = [f"pages: {r.pages}", "all facts:", report(r.all_facts, set(), set()).rsplit("\nfalse", 1)[0],
             "confident facts (the ones the rules use):",
             report(r.confident, set(), set()).rsplit("\nfalse", 1)[0]]
    lines.append(f"false facts.* findings: {len(r.false_findings)} ({r.false_per_20:.2f} per 20 leaflets) "
                 f"{sorted(r.false_findings)}")
    lines.append(f"missed facts.* findings: {len(r.missed_findings)} {sorted(r.missed_findings)}")
    return "\n".join(lines)


def report(s: Score, false_conflicts: set, missed_conflicts: set) -> str:
    lines = [f"{'key':32} {'tp':>3} {'fp':>3} {'fn':>3} {'prec':>5} {'rec':>5}"]
    for k in s.keys():
        p, r = s.key_pr(k)
        lines.append(f"{k:32} {s.tp[k]:3} {s.fp[k]:3} {s.fn[k]:3} {p:5.2f} {r:5.2f}")
    tp, fp, fn = s.totals()
    lines.append(f"{'overall':32} {tp:3} {fp:3} {fn:3} {s.precision:5.2f} {s.recall:5.2f}")
    lines.append(f"false conflicts: {len(false_conflicts)} {sorted(false_conflicts)}")
    lines.append(f"missed conflicts: {len(missed_conflicts)} {sorted(missed_conflicts)}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    if args[:1] == ["--pages"]:
        return _main_real(args, verbose)
    dirs = [Path(a) for a in args]
    if not dirs:
        print("usage: python -m pipeline.bench.facts_quality SET_DIR... [-v]\n"
              "       python -m pipeline.bench.facts_quality --pages DIR --sources YAML [--split dev|heldout|all] [-v]",
              file=sys.stderr)
        return 2
    for d in dirs:
        try:
            s, fc, mc = evaluate(d)
        except (OSError, ValueError) as e:
            print(f"{d}: {e}", file=sys.stderr)
            return 2
        print(f"== {d}")
        print(report(s, fc, mc))
        if verbose:
            print("\n".join(s.notes))
    return 0


def _main_real(args: list[str], verbose: bool) -> int:
    opts = dict(zip(args[::2], args[1::2]))
    if "--sources" not in opts:
        print("--pages needs --sources YAML", file=sys.stderr)
        return 2
    try:
        r = evaluate_real(Path(opts["--pages"]), Path(opts["--sources"]), opts.get("--split", "dev"))
    except (OSError, ValueError) as e:
        print(e, file=sys.stderr)
        return 2
    print(report_real(r))
    if verbose:
        print("\n".join(r.confident.notes))
        print("to check (not confident):")
        print("\n".join(n for n in r.all_facts.notes if n not in r.confident.notes))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
