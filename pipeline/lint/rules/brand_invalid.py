"""A brand that cannot be used: YAML or schema error, no phone, bad logo, or named but missing.

Most of these are found by the loader (pipeline.brands.load.load_brands), which records them as
problems of kind ``brand``: every problem of a brand file at once, each at its line with the field
and a plain Dutch cause (an unquoted colour "#1e5e8a" is a YAML comment: "zet de kleur tussen
aanhalingstekens"). check() reports those, and sidecars whose `brand:` names no usable brand profile.

pass: a brand with name, colours, contact.phone and leaflets; a sidecar naming that brand
fail: a brand whose logo is '../../etc/passwd.svg', a brand without contact.phone, or a sidecar with brand: onbekend
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.diagnostic import Diagnostic
from pipeline.i18n import _
from pipeline.problems import Kind, of_kind

ID = "brand.invalid"
LEVEL = "error"
SCOPE = "corpus"
PROBLEMS = (Kind.BRAND,)

_BRAND_LINE = re.compile(r"^brand\s*:", re.M)


def check(corpus, conf, ctx):
    for problem in of_kind(corpus.problems, Kind.BRAND):
        yield problem.finding()
    brands = ctx.brands or {}
    for doc in corpus.documents:
        name = (doc.meta or {}).get("brand")
        if not name or name in brands:
            continue
        sidecar = Path(doc.path).with_name(Path(doc.path).stem + ".meta.yaml")
        line, column = 1, 1
        try:
            m = _BRAND_LINE.search(sidecar.read_text(encoding="utf-8-sig"))
            if m:
                line = sidecar.read_text(encoding="utf-8-sig").count("\n", 0, m.start()) + 1
                column = len(m.group()) + 2
        except OSError:
            pass
        yield Diagnostic(
            path=str(sidecar), line=line, column=column, leaflet=doc.id, key=f"{doc.id}|brand|{name}",
            match=str(name),
            message=_("the sidecar names brand '{brand}', but sources/brands/{brand}.yaml is missing or broken; "
                      "the leaflet is rendered in the neutral house style").format(brand=name),
        )
