"""Runs one rule case: writes its leaflets to a temp folder, runs the pipeline, returns findings."""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML

from pipeline import orchestrate
from pipeline.lint.config import load_config

_yaml = YAML(typ="safe", pure=True)


def run_case(rule_id: str, case: dict, tmp: Path):
    leaflets = tmp / "leaflets"
    leaflets.mkdir()
    for name, text in case["leaflets"].items():
        (leaflets / name).write_text(text, encoding="utf-8")
    for stem, text in (case.get("sidecars") or {}).items():
        (leaflets / f"{stem}.meta.yaml").write_text(text, encoding="utf-8")
    sources = tmp / "sources"
    (sources / "brands").mkdir(parents=True)
    for brand, text in (case.get("brands") or {}).items():
        (sources / "brands" / f"{brand}.yaml").write_text(text, encoding="utf-8")
    for name, text in (case.get("files") or {}).items():
        (tmp / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp / name).write_text(text, encoding="utf-8")
    # raw: files given byte for byte (each character U+0000-U+00FF is one byte), for encodings
    for name, text in (case.get("raw") or {}).items():
        (tmp / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp / name).write_bytes(text.encode("latin-1"))
    # links: path in the case folder -> target; "outside/<name>" is a file outside the project
    outside = tmp.parent / f"{tmp.name}-outside"
    for name, text in (case.get("outside") or {}).items():
        outside.mkdir(exist_ok=True)
        (outside / name).write_text(text, encoding="utf-8")
    for name, target in (case.get("links") or {}).items():
        (tmp / name).parent.mkdir(parents=True, exist_ok=True)
        real = outside / target.removeprefix("outside/") if target.startswith("outside/") else target
        (tmp / name).symlink_to(real)
    cfg_data = dict(case.get("config") or {})
    cfg_data.setdefault("sources", str(sources))
    cfg_data.setdefault("output", str(tmp / "output"))
    cfg_path = tmp / "leaflint.yaml"
    with open(cfg_path, "w", encoding="utf-8") as f:
        _yaml.dump(cfg_data, f)
    config = load_config(cfg_path)
    result = orchestrate.run_lint([leaflets], config, select={rule_id})
    diags = [d for d in result.diagnostics if d.rule == rule_id]
    found = [f"{Path(d.path).name}:{d.line}:{d.column} {d.rule}" for d in diags]
    return found, diags
