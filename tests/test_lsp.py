"""`leaflint lsp` end to end: a scripted editor over stdio opens, edits and fixes a leaflet."""

from __future__ import annotations

import os

from pipeline.bench.lsp_client import LspClient

CUTOFF = "miscarriage.cutoff_weeks"


def _diagnostics_for(client, uri, version=None):
    msg = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                      and m["params"]["uri"] == uri and (version is None or m["params"].get("version") == version))
    return msg["params"]["diagnostics"]


def test_language_server_publishes_findings_and_offers_fixes(seeds_copy, tmp_path, tmp_path_factory):
    out = tmp_path_factory.mktemp("output")  # outside the sources folder
    (tmp_path / "leaflint.yaml").write_text(f"sources: {tmp_path}\noutput: {out}\n", encoding="utf-8")
    leaflet = seeds_copy / "nieuw.md"
    leaflet.write_text("# Miskraam\n\nEén op de tien zwangerschappen eindigt in een miskraam.\n", encoding="utf-8")
    uri = leaflet.resolve().as_uri()
    env = {**os.environ, "LEAFLINT_LANG": "nl"}
    client = LspClient(["lsp"], cwd=tmp_path, env=env)
    try:
        init = client.request("initialize", {"processId": None, "rootUri": tmp_path.resolve().as_uri(),
                                             "capabilities": {}, "initializationOptions": {"debounce": 0.05}})
        caps = init["capabilities"]
        assert caps["codeActionProvider"] and caps["textDocumentSync"]
        client.notify("initialized", {})
        text = ("# Miskraam\n\nEen miskraam is het verlies van een zwangerschap tot 20 weken.\n\n"
                "Het bloedverlies duurt 10 a 14 dagen.\n")
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown",
                                                                "version": 1, "text": text}})
        found = _diagnostics_for(client, uri, 1)
        codes = {d["code"] for d in found}
        assert "typography.substitution" in codes, found
        # the cutoff has a reference (NVOG: 16 weeks): it decides, one finding naming the leaflets that agree
        conflict = [d for d in found if d["code"] == "facts.reference"]
        assert conflict and conflict[0]["range"]["start"]["line"] == 2  # 0-based: the third line
        others = {r["location"]["uri"].rsplit("/", 1)[1] for r in conflict[0]["relatedInformation"]}
        assert "000_43f8e8ab3b97e02a.txt" in others  # a leaflet on disk that says 16 weeks

        typo = next(d for d in found if d["code"] == "typography.substitution")
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": typo["range"], "context": {"diagnostics": [typo]}})
        preferred = [a for a in actions if a.get("isPreferred")]
        assert preferred, actions
        edit = preferred[0]["edit"]["changes"][uri][0]
        assert edit["newText"] == "à" and edit["range"] == typo["range"]

        # the edit applied in the editor: the finding goes away, the conflict stays
        fixed = text.replace("10 a 14", "10 à 14")
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                                 "contentChanges": [{"text": fixed}]})
        found = _diagnostics_for(client, uri, 2)
        assert "typography.substitution" not in {d["code"] for d in found}
        assert any(d["code"] == "facts.reference" for d in found)
    finally:
        code = client.close()
    assert code == 0
    assert leaflet.read_text(encoding="utf-8").startswith("# Miskraam\n\nEén op de tien")  # never written to
