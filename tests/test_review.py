"""The Word round trip: findings as comments on the right words, answers read back as pins and waivers."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from pipeline.review.comments import ACCEPT, REJECT, parse_answer, parse_ident
from pipeline.review.docx_read import W, W14, W15, read_comments
from pipeline.yamlio import load_yaml
from tests.conftest import have, run_cli

A = ("Miskraam\n\nEen miskraam is het verlies van een zwangerschap tot 20 weken.\n\n"
     "Bij een curetage wordt de baarmoeder leeggemaakt.\n\nHeeft u vragen? Je kunt ons bellen.\n")
B = "Miskraam\n\nEen miskraam is het verlies van een zwangerschap tot 16 weken.\n"
C = "Miskraam\n\nWe spreken van een miskraam tot 16 weken zwangerschap.\n"


@pytest.fixture
def project(tmp_path):
    """A project folder with three leaflets (one says 20 weeks) and a waivers file with a comment."""
    leaflets = tmp_path / "sources" / "leaflets"
    leaflets.mkdir(parents=True)
    for name, text in (("a.txt", A), ("b.txt", B), ("c.txt", C)):
        (leaflets / name).write_text(text, encoding="utf-8")
    (leaflets / "a.meta.yaml").write_text("# kept on import\ntitle: Folder A  # the title\n", encoding="utf-8")
    (tmp_path / "sources" / "waivers.yaml").write_text(
        "# reviewed waivers\nwaivers:\n  - rule: style.web-residue  # an older one\n    leaflet: b\n"
        "    reason: checked\n    reviewer: X\n    expires: 2027-01-01\n", encoding="utf-8")
    (tmp_path / "leaflint.yaml").write_text("sources: sources\noutput: output\n", encoding="utf-8")
    return tmp_path


def _comments(docx: Path) -> dict[str, dict]:
    """comment id -> its paragraphs and the text it is anchored on, from the package parts."""
    doc = read_comments(docx)
    return {c.id: {"paragraphs": c.paragraphs, "anchor": c.anchor} for c in doc.comments}


def _export(project: Path, *extra) -> Path:
    r = run_cli("review", "sources/leaflets/a.txt", *extra, cwd=project)
    assert r.returncode == 0, r.stderr
    return project / "output" / "review" / "a.docx"


@pytest.mark.slow
def test_each_finding_is_a_dutch_comment_on_the_flagged_words(project):
    docx = _export(project)
    comments = _comments(docx)
    by_rule = {parse_ident(c["paragraphs"][-1]).rule: c for c in comments.values()}
    assert {"facts.reference", "spelling.unknown-word", "style.address-form"} <= set(by_rule)
    conflict = by_rule["facts.reference"]
    assert conflict["anchor"] == "tot 20 weken"
    text = "\n".join(conflict["paragraphs"])
    assert "Voorstel: tot 16 weken" in text and "NVOG" in text  # the suggestion and the citation
    assert "b: 16 weken" in text or "b: 16 weeks" in text  # the other leaflets' values
    assert by_rule["spelling.unknown-word"]["anchor"] == "curetage"
    assert "Voorstel: curettage" in "\n".join(by_rule["spelling.unknown-word"]["paragraphs"])
    reviewed = read_comments(docx)
    assert reviewed.leaflet == "a" and reviewed.source.endswith("a.txt")
    # the first page summarises the facts, with the Dutch label and the reference
    body = zipfile.ZipFile(docx).read("word/document.xml").decode()
    first_page = body[:body.index('w:type="page"')]
    assert "Zwangerschapsduur tot waar een verlies een miskraam heet" in first_page
    assert "20 weken" in first_page and "16 weken (NVOG" in first_page and "16 weken (2×)" in first_page


# -- answering as Word does: replies linked in commentsExtended.xml, resolved threads ---------------

EXT_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"
EXT_REL = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"


def answer_like_word(docx: Path, replies: dict[str, tuple[str, str]], resolved: set[str] = frozenset()) -> None:
    """Add replies (comment id -> (author, text)) and resolved marks the way Word stores them."""
    parts = {n: zipfile.ZipFile(docx).read(n) for n in zipfile.ZipFile(docx).namelist()}
    comments = etree.fromstring(parts["word/comments.xml"])
    ext = etree.Element(f"{{{W15}}}commentsEx", nsmap={"w15": W15})
    next_id = max(int(c.get(f"{{{W}}}id")) for c in comments) + 1
    for n, c in enumerate(list(comments)):
        cid = c.get(f"{{{W}}}id")
        paras = c.findall(f"{{{W}}}p")
        for k, p in enumerate(paras):
            p.set(f"{{{W14}}}paraId", f"{n:04X}{k:04X}")
        parent_para = paras[-1].get(f"{{{W14}}}paraId")
        etree.SubElement(ext, f"{{{W15}}}commentEx", {f"{{{W15}}}paraId": parent_para,
                                                        f"{{{W15}}}done": "1" if cid in resolved else "0"})
        if cid in replies:
            author, text = replies[cid]
            reply = etree.SubElement(comments, f"{{{W}}}comment", {f"{{{W}}}id": str(next_id), f"{{{W}}}author": author})
            p = etree.SubElement(reply, f"{{{W}}}p", {f"{{{W14}}}paraId": f"FFFF{next_id:04X}"})
            etree.SubElement(etree.SubElement(p, f"{{{W}}}r"), f"{{{W}}}t").text = text
            etree.SubElement(ext, f"{{{W15}}}commentEx", {f"{{{W15}}}paraId": f"FFFF{next_id:04X}",
                                                            f"{{{W15}}}paraIdParent": parent_para})
            next_id += 1
    parts["word/comments.xml"] = etree.tostring(comments, xml_declaration=True, encoding="UTF-8", standalone=True)
    parts["word/commentsExtended.xml"] = etree.tostring(ext, xml_declaration=True, encoding="UTF-8", standalone=True)
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", f'<Override PartName="/word/commentsExtended.xml" ContentType="{EXT_CT}"/></Types>'.encode())
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", f'<Relationship Id="rId99" Type="{EXT_REL}" Target="commentsExtended.xml"/>'
                             f"</Relationships>".encode())
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    docx.write_bytes(buf.getvalue())


def _ids(docx: Path) -> dict[str, str]:
    return {parse_ident(c["paragraphs"][-1]).rule: cid for cid, c in _comments(docx).items()}


@pytest.mark.slow
def test_answers_become_a_pin_a_waiver_and_a_fix(project):
    docx = _export(project)
    ids = _ids(docx)
    answer_like_word(docx, {
        ids["facts.reference"]: ("Dr. J. de Vries", "Akkoord."),
        ids["style.address-form"]: ("Dr. J. de Vries", "afwijzen: citaat van de huisarts, bewust met u"),
        ids["spelling.unknown-word"]: ("Dr. J. de Vries", "misschien later"),
    }, resolved={ids["spelling.unknown-word"]})
    before = (project / "sources" / "leaflets" / "a.txt").read_text(encoding="utf-8")
    r = run_cli("review", "--import", docx, cwd=project, env={"LEAFLINT_TODAY": "2026-11-30"})
    assert r.returncode == 1, r.stderr  # one answer was not understood, and says so
    assert "misschien later" in r.stderr
    sidecar = (project / "sources" / "leaflets" / "a.meta.yaml").read_text(encoding="utf-8")
    assert sidecar.startswith("# kept on import\ntitle: Folder A  # the title\n")
    pins = load_yaml(project / "sources" / "leaflets" / "a.meta.yaml")["facts"]
    assert pins == [{"key": "miscarriage.cutoff_weeks", "line": 3, "value": 16, "reviewed": True,
                     "reviewer": "Dr. J. de Vries"}]
    waivers_text = (project / "sources" / "waivers.yaml").read_text(encoding="utf-8")
    assert "# reviewed waivers" in waivers_text and "# an older one" in waivers_text
    new = load_yaml(project / "sources" / "waivers.yaml")["waivers"][-1]
    assert new["rule"] == "style.address-form" and new["leaflet"] == "a"
    assert new["reason"] == "citaat van de huisarts, bewust met u" and new["reviewer"] == "Dr. J. de Vries"
    assert str(new["expires"]) == "2027-11-30"
    # the resolved spelling comment: its correction goes to a copy, the leaflet itself stays
    assert (project / "sources" / "leaflets" / "a.txt").read_text(encoding="utf-8") == before
    assert "Bij een curettage wordt" in (project / "output" / "fixed" / "a.txt").read_text(encoding="utf-8")
    # importing again changes nothing more
    run_cli("review", "--import", docx, cwd=project, env={"LEAFLINT_TODAY": "2026-11-30"})
    assert load_yaml(project / "sources" / "leaflets" / "a.meta.yaml")["facts"] == pins
    assert len(load_yaml(project / "sources" / "waivers.yaml")["waivers"]) == 2
    # the next lint: the address form is waived; the pin says 16 while the text still says 20
    r = run_cli("--lang", "en", "lint", "sources/leaflets", "--format", "parsable", cwd=project,
                env={"LEAFLINT_TODAY": "2026-11-30"})
    assert "style.address-form" not in r.stdout and "facts.pin-mismatch" in r.stdout


@pytest.mark.parametrize("text, kind, reason", [
    ("akkoord", ACCEPT, ""), ("Akkoord!", ACCEPT, ""), ("OK", ACCEPT, ""),
    ("afwijzen: Belgische folder", REJECT, "Belgische folder"),
    ("Afwijzen - zo afgesproken", REJECT, "zo afgesproken"), ("niet akkoord: klopt niet", REJECT, "klopt niet"),
    ("reject: quoted text", REJECT, "quoted text"),
])
def test_answers_in_the_agreed_form(text, kind, reason):
    a = parse_answer(text)
    assert a is not None and (a.kind, a.reason) == (kind, reason)


@pytest.mark.parametrize("text", ["misschien", "akkoordje", "graag overleg", ""])
def test_other_text_is_no_answer(text):
    assert parse_answer(text) is None


def test_a_file_that_is_no_docx_is_a_clear_error(project):
    bad = project / "x.docx"
    bad.write_bytes(b"not a zip")
    r = run_cli("review", "--import", bad, cwd=project)
    assert r.returncode == 2 and "x.docx" in r.stderr and "zip" in r.stderr


@pytest.mark.slow
@pytest.mark.system
@pytest.mark.skipif(not have("soffice"), reason="LibreOffice not installed")
def test_libreoffice_keeps_the_comments_and_renders_them(project, tmp_path):
    """The .docx opens and saves in LibreOffice with every comment and its anchor intact."""
    docx = _export(project)
    before = _comments(docx)
    out = tmp_path / "lo"
    r = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                        "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(docx)],
                       capture_output=True, text=True, timeout=180)
    assert r.returncode == 0, r.stderr
    after = _comments(out / "a.docx")
    assert sorted(c["paragraphs"][-1] for c in after.values()) == sorted(c["paragraphs"][-1] for c in before.values())
    assert sorted(c["anchor"] for c in after.values()) == sorted(c["anchor"] for c in before.values())
    if shutil.which("pdftotext"):
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                        "--convert-to", "pdf", "--outdir", str(out), str(docx)], capture_output=True, timeout=180)
        text = subprocess.run(["pdftotext", str(out / "a.pdf"), "-"], capture_output=True, text=True).stdout
        assert "Bij een curetage wordt" in text and "Feiten in deze folder" in text
