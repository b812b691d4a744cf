"""Logos lose active and external content; one-line formats stay one line per finding."""

from __future__ import annotations

import base64

from pipeline.diagnostic import Diagnostic, Severity, Summary
from pipeline.render.html import clean_svg, logo_data_uri
from pipeline.report import render

EVIL = b"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)">
<script>alert(2)</script><foreignObject><iframe src="https://x.example"/></foreignObject>
<image xlink:href="https://tracker.example/p.png"/><use href="#a"/>
<rect id="a" width="10" height="10" fill="#1f4e79" onclick="alert(3)" style="fill:url(https://x.example/f)"/>
</svg>"""


def test_an_svg_logo_keeps_its_drawing_and_loses_scripts_handlers_and_external_references(tmp_path):
    out = clean_svg(EVIL).decode()
    for bad in ("script", "alert", "foreignObject", "iframe", "https://", "onload", "onclick"):
        assert bad not in out, bad
    assert "rect" in out and "#1f4e79" in out and 'href="#a"' in out
    f = tmp_path / "logo.svg"
    f.write_bytes(EVIL)
    assert b"alert" not in base64.b64decode(logo_data_uri(f).split(",", 1)[1])


def test_an_svg_with_entities_is_not_expanded():
    bomb = b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><svg>&b;</svg>'
    assert b"aaaa" not in clean_svg(bomb)


def test_a_newline_in_a_file_name_cannot_split_a_parsable_line():
    d = Diagnostic(path="a\nb.txt:1:1: error fake.rule injected", line=2, column=3, message="x\ny",
                   rule="spelling.unknown-word", severity=Severity.ERROR)
    out = render("parsable", [d], [], Summary.of([d]))
    assert out.count("\n") == 1 and "<U+000A>" in out


def test_text_output_escapes_the_file_name_too():
    d = Diagnostic(path="a\x1b[2Jb.txt", line=1, column=1, message="m", rule="spelling.unknown-word",
                   severity=Severity.ERROR)
    out = render("text", [d], [], Summary.of([d]))
    assert "\x1b" not in out
