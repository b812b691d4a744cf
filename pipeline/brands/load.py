"""Brand profiles read and checked: every ``sources/brands/<brand>.yaml`` is validated against
``schema/brand.schema.json``, its logo and its colour contrast. A broken brand is recorded as
problems of kind ``brand``, which the ``brand.invalid`` rule reports (every problem at once, each
with file, line, field and a plain Dutch cause; see :mod:`pipeline.brands.errors`), and skipped;
the others go on.
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.brands.colour import contrast
from pipeline.brands.errors import SCHEMA, schema_problems, unquoted_colours
from pipeline.brands.publishing import HOUSE_BRAND_ID
from pipeline.i18n import _, number
from pipeline.problems import Kind, Problem
from pipeline.yamlio import DataFileError, load_kept, mark_valid, plain, valid_mark

BRAND_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
MIN_TEXT_CONTRAST = 4.5  # WCAG 2.1 AA for body text
LOGO_MAGIC = {".png": b"\x89PNG\r\n\x1a\n"}


def load_brands(sources_dir: Path, outside=None) -> tuple[dict[str, dict], list[Problem]]:
    """All valid brands under ``sources_dir/brands`` (id -> plain dict) and the problems found.

    The returned dict carries ``id``, ``path`` (the YAML file) and ``logo_path`` (absolute, or
    None) besides the fields of the file; ``contact`` and ``leaflets`` are always present. A brand
    with any problem is left out; every problem of every brand file is reported. A file for which
    ``outside(path)`` is true (a link out of the project) is reported and not read.
    """
    brands_dir = Path(sources_dir) / "brands"
    brands: dict[str, dict] = {}
    problems: list[Problem] = []
    if not brands_dir.is_dir():
        return brands, problems
    for f in sorted(brands_dir.glob("*.yaml")):
        if outside is not None and outside(f):
            from pipeline.corpus import outside_link

            problems.append(outside_link(f))
            continue
        brand, found = load_brand(f, brands_dir)
        problems.extend(found)
        if brand is not None:
            brands[brand["id"]] = brand
    return brands, problems


def load_brand(path: Path, brands_dir: Path) -> tuple[dict | None, list[Problem]]:
    brand_id = path.stem
    if not BRAND_ID.match(brand_id):
        return None, [_problem(path, _("file name '{name}': use only lower case letters, digits, '-' or '_' (the "
                                       "name is the brand id in the folders of output/)").format(name=path.name),
                               field="(file name)")]
    if brand_id == HOUSE_BRAND_ID:
        return None, [_problem(path, _("the brand id '{brand}' is reserved for leaflets that no practice "
                                       "publishes; give the file another name").format(brand=HOUSE_BRAND_ID),
                               field="(file name)")]
    data, problems = _read(path)
    if problems:
        return None, problems
    brand = plain(data)
    where = _positions(data)  # positions of fields, for the checks below
    logo, problems = _check_logo(path, brands_dir, brand.get("logo"), where("logo"))
    problems += _check_contrast(path, brand["colors"], where)
    if problems:
        return None, problems
    colors = brand["colors"]
    colors.setdefault("accent", colors["primary"])
    brand.setdefault("fonts", {})
    brand["fonts"].setdefault("body", "Open Sans")
    brand["fonts"].setdefault("heading", brand["fonts"]["body"])
    brand.setdefault("footer", "")
    brand.setdefault("locale", "nl-NL")
    brand.setdefault("logo_alt", f"Logo {brand['name']}")
    brand["id"] = brand_id
    brand["path"] = str(path)
    brand["logo"] = brand.get("logo") or None
    brand["logo_path"] = str(logo) if logo else None
    brand["house"] = False
    return brand, []


def _read(path: Path):
    """The brand file's round-trip data, or every problem of it (YAML, unquoted colours, schema)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        return None, [_problem(path, _("cannot read the file: {cause}").format(cause=e))]
    colours = [_problem(path, p.message, p.line, p.column, p.field) for p in unquoted_colours(text)]
    try:
        data = load_kept(path, SCHEMA)
    except DataFileError as e:
        # a colour read as a comment swallows the rest of a {...} line: the parser then trips a
        # line later, so the colour is the cause to report
        return None, colours or [_problem(path, _yaml_cause(e), e.line, e.column, "(YAML)")]
    if not isinstance(data, dict):
        return None, [_problem(path, _("the file must hold fields (name:, colors:, contact:, leaflets:)"))]
    lines = {d.line for d in colours}
    mark = valid_mark(path, SCHEMA, "brand")  # these bytes had no schema problem in an earlier run
    checked = [] if mark is not None and mark.is_file() else schema_problems(data)
    if not checked:
        mark_valid(mark)
    found = colours + [_problem(path, p.message, p.line, p.column, p.field)
                       for p in checked if p.line not in lines]
    return data, found


def _yaml_cause(e: DataFileError) -> str:
    what = e.message.removeprefix("YAML syntax error: ")
    return _("no valid YAML at line {line} ({cause}); check indentation, colons and quotes").format(
        line=e.line, cause=what)


def _check_logo(path: Path, brands_dir: Path, logo_rel: str | None, pos) -> tuple[Path | None, list[Problem]]:
    if not logo_rel:
        return None, []
    root = brands_dir.resolve()
    logo = (brands_dir / logo_rel).resolve()
    if not logo.is_relative_to(root):
        return None, [_problem(path, _("logo: '{logo}' lies outside {folder}; put the logo in that folder").format(
            logo=logo_rel, folder=brands_dir), *pos, field="logo")]
    if not logo.is_file():
        return None, [_problem(path, _("logo: the file '{logo}' is not in {folder}").format(
            logo=logo_rel, folder=brands_dir), *pos, field="logo")]
    data = logo.read_bytes()
    magic = LOGO_MAGIC.get(logo.suffix.lower())
    if (magic and not data.startswith(magic)) or (logo.suffix.lower() == ".svg" and b"<svg" not in data[:4096]):
        return None, [_problem(path, _("logo: '{logo}' is no valid {kind} file").format(
            logo=logo_rel, kind=logo.suffix[1:].upper()), *pos, field="logo")]
    return logo, []


def _check_contrast(path: Path, colors: dict, where) -> list[Problem]:
    out = []
    for name in ("text", "primary"):
        ratio = contrast(colors[name], colors["background"])
        if ratio < MIN_TEXT_CONTRAST:
            out.append(_problem(
                path, _("colors.{name}: {colour} on background {background} is hard to read (contrast {ratio}:1, "
                        "less than {minimum}:1, WCAG AA); choose a darker colour").format(
                    name=name, colour=colors[name], background=colors["background"],
                    ratio=number(round(ratio, 1)), minimum=number(MIN_TEXT_CONTRAST)),
                *where("colors", name), field=f"colors.{name}"))
    return out



def _positions(data):
    def where(*keys) -> tuple[int, int]:
        node, line, col = data, 1, 1
        for k in keys:
            lc = getattr(node, "lc", None)
            if lc is None or not isinstance(node, dict) or k not in node:
                break
            line, col = lc.value(k)[0] + 1, lc.value(k)[1] + 1
            node = node[k]
        return line, col
    return where


def _problem(path: Path, message: str, line: int = 1, column: int = 1, field: str = "") -> Problem:
    return Problem(kind=Kind.BRAND, path=str(path), line=line, column=column, message=message,
                   key=f"{path.stem}|{field}|{message}")
