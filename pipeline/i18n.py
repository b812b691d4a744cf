"""The language of messages: gettext catalogs, Dutch by default, English on request.

Messages are written in English in the code (the msgid) and wrapped in ``_()``; the Dutch text
lives in ``pipeline/locale/nl/LC_MESSAGES/leaflint.po``, the only file kept in git. The standard
library's gettext reads the compiled ``.mo``, which Babel makes from the ``.po`` whenever the
``.po`` is newer (so merges never meet a binary file); ``python -m pipeline.i18n update`` extracts
the msgids with Babel and merges them into the ``.po``, and a test checks that every message has a
Dutch text.

The language is Dutch unless English is asked for: ``leaflint --lang en``, or ``LEAFLINT_LANG``,
``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` or ``LANG`` (the first one set) starting with ``en``.
Placeholders are named (``{word}``), so a translation may put them in another order.

Values go into messages in the notation of the language: ``quantity(16, 16, "weeks")`` is
"16 weken" in Dutch and "16 weeks" in English; "38 °C", "10–20 %", "1,5 dag".
"""

from __future__ import annotations

import gettext as _gettext
import io
import os
import re
from functools import lru_cache
from pathlib import Path

DOMAIN = "leaflint"
LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("nl", "en")
DEFAULT = "nl"
_ENV = ("LEAFLINT_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def language_from_env(environ=os.environ) -> str:
    """The language the environment asks for: the first of ``_ENV`` that is set decides."""
    for name in _ENV:
        value = environ.get(name, "")
        if not value:
            continue
        for part in value.split(":"):  # LANGUAGE may be a list such as en_GB:nl
            code = part.split("_")[0].split(".")[0].lower()
            if code in LANGUAGES:
                return code
        return DEFAULT  # C, POSIX or a language leaflint has no messages in
    return DEFAULT


@lru_cache(maxsize=None)
def _translations(lang: str) -> _gettext.NullTranslations:
    if lang == "en":
        return _gettext.NullTranslations()  # the msgids are English
    return _gettext.GNUTranslations(io.BytesIO(_compiled(LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po")))


def _compiled(po: Path) -> bytes:
    """The .mo of ``po``: the one next to it when it is newer, else compiled now (with Babel) and
    kept next to it for the next process (when the folder is writable)."""
    mo = po.with_suffix(".mo")
    try:
        if mo.stat().st_mtime > po.stat().st_mtime:
            return mo.read_bytes()
    except OSError:
        pass
    data = compile_catalog(po, mo=None)
    try:
        from pipeline.yamlio import atomic_write

        atomic_write(mo, data)
    except OSError:
        pass  # a read-only installation compiles in memory each time
    return data


_current = {"lang": language_from_env()}


def set_language(lang: str | None) -> str:
    """Choose the language of messages for this process (None: from the environment)."""
    chosen = (lang or language_from_env()).lower()
    if chosen not in LANGUAGES:
        raise ValueError(f"unknown language '{lang}': choose one of {', '.join(LANGUAGES)}")
    _current["lang"] = chosen
    return chosen


def language() -> str:
    return _current["lang"]


def _(message: str) -> str:
    """The message in the current language (``message`` is the English msgid)."""
    return _translations(_current["lang"]).gettext(message)


def translate(lang: str, message: str) -> str:
    """``message`` in ``lang``, whatever the current language (a document in a fixed language)."""
    return _translations(lang).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations(_current["lang"]).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a msgid for extraction where it is translated later (data tables, labels)."""
    return message


# -- values in the reader's notation --------------------------------------------------------------

# unit -> (singular, plural) per language; a symbol unit has the same form for both
_UNITS = {
    "nl": {"weeks": ("week", "weken"), "days": ("dag", "dagen"), "months": ("maand", "maanden"),
           "years": ("jaar", "jaar"), "hours": ("uur", "uur"), "minutes": ("minuut", "minuten")},
    "en": {"weeks": ("week", "weeks"), "days": ("day", "days"), "months": ("month", "months"),
           "years": ("year", "years"), "hours": ("hour", "hours"), "minutes": ("minute", "minutes")},
}
_SYMBOLS = {"percent": "%", "celsius": "°C"}


def number(value: float | int | None, lang: str | None = None) -> str:
    """A number as the reader writes it: "1,5" in Dutch, "1.5" in English; "?" for None."""
    if value is None:
        return "?"
    lang = lang or language()
    v = round(float(value), 2)
    if v.is_integer():
        s = f"{int(v):,}" if abs(v) >= 10000 else str(int(v))
        return s.replace(",", ".") if lang == "nl" else s
    s = f"{v:g}"
    return s.replace(".", ",") if lang == "nl" else s


def unit_name(unit: str, plural: bool, lang: str | None = None) -> str:
    """The word or symbol for a unit ("weken", "%", "°C"); "" for counts and unknown units."""
    if unit in _SYMBOLS:
        return _SYMBOLS[unit]
    forms = _UNITS[lang or language()].get(unit)
    if forms is None:
        return "" if unit in ("", "count", "text") else unit
    return forms[1] if plural else forms[0]


def quantity(lo: float | None, hi: float | None, unit: str = "", approx: bool = False,
             lang: str | None = None) -> str:
    """A value or range with its unit: "16 weken", "10–20 %", "≥ 10 %", "ongeveer 6 weken".

    Dutch puts a space before % and °C ("70 %", "38 °C"); English writes "70%" and "38 °C".
    """
    lang = lang or language()
    if lo is None and hi is None:
        core, single = "?", False
    elif lo is None:
        core, single = f"≤ {number(hi, lang)}", hi == 1
    elif hi is None:
        core, single = f"≥ {number(lo, lang)}", lo == 1
    elif lo == hi:
        core, single = number(lo, lang), lo == 1
    else:
        core, single = f"{number(lo, lang)}–{number(hi, lang)}", False
    name = unit_name(unit, plural=not single, lang=lang)
    if not name:
        text = core
    elif unit == "percent" and lang == "en":
        text = core + name
    else:
        text = f"{core} {name}"
    if approx:
        text = translate(lang, "about {value}").format(value=text)
    return text


_MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}


def date(day, lang: str | None = None) -> str:
    """A date as a reader writes it: "30 november 2026" / "30 November 2026"."""
    return f"{day.day} {_MONTHS[lang or language()][day.month - 1]} {day.year}"


# -- maintaining the catalog (Babel is needed only here) ------------------------------------------

PO_FILE = LOCALE_DIR / "nl" / "LC_MESSAGES" / f"{DOMAIN}.po"
MO_FILE = PO_FILE.with_suffix(".mo")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "translate": (2,)}


def extract():
    """Every msgid in the package's code, as a Babel catalog (with the places it is used)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    catalog = Catalog(project="leaflint", domain=DOMAIN, charset="utf-8")
    package = Path(__file__).parent
    method_map = [("**.py", "python")]
    for filename, lineno, message, comments, context in extract_from_dir(
            package, method_map, keywords=KEYWORDS, comment_tags=("Translators:",)):
        if "bench" in Path(filename).parts:
            continue  # developer tooling, English only
        catalog.add(message, locations=[(f"pipeline/{filename}", lineno)], auto_comments=comments,
                    context=context)
    for filename, lineno, message in _in_fstrings(package):
        if message not in catalog:
            catalog.add(message, locations=[(f"pipeline/{filename}", lineno)])
    for filename, message in _in_data():
        if message not in catalog:
            catalog.add(message, locations=[(filename, 0)])
    from pipeline.cli import cli, help_msgids

    for message in help_msgids(cli):
        if message not in catalog:
            catalog.add(message, locations=[("pipeline/cli.py", 0)])
    return catalog


# Messages that are data: the file, the list in it and the field whose text a rule shows
DATA_MESSAGES = (("schema/residue.yaml", "phrases", "reason"), ("schema/style-language.yaml", "typography", "message"))


def _in_data():
    from pipeline.paths import SCHEMA_DIR
    from pipeline.yamlio import load_yaml

    for name, section, field_name in DATA_MESSAGES:
        path = SCHEMA_DIR / Path(name).name
        for entry in (load_yaml(path) or {}).get(section) or []:
            if isinstance(entry, dict) and entry.get(field_name):
                yield name, str(entry[field_name])


# a call of _ inside an f-string is one string token to Python 3.11's tokenizer, so Babel's extractor
# does not see it; these are found by their shape
_CALL_IN_FSTRING = re.compile(r"""\b(?:_|N_)\(\s*("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')\s*\)""")


def _in_fstrings(package: Path):
    import ast

    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package).as_posix()
        if rel.startswith("bench/"):
            continue
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for m in _CALL_IN_FSTRING.finditer(line):
                try:
                    yield rel, lineno, ast.literal_eval(m.group(1))
                except (ValueError, SyntaxError):
                    continue


def read_catalog(path: Path = PO_FILE):
    from babel.messages.pofile import read_po

    with open(path, "rb") as f:
        return read_po(f, locale="nl", domain=DOMAIN)


def compile_catalog(po: Path = PO_FILE, mo: Path = MO_FILE) -> bytes:
    """The .mo bytes of ``po``; written to ``mo`` unless it is None."""
    from babel.messages.mofile import write_mo

    buf = io.BytesIO()
    write_mo(buf, read_catalog(po), use_fuzzy=False)
    data = buf.getvalue()
    if mo is not None:
        mo.write_bytes(data)
    return data


def update() -> list[str]:
    """Merge the code's msgids into the .po (new ones untranslated, gone ones dropped), compile it;
    returns the msgids that still lack a Dutch text."""
    from babel.messages.pofile import write_po

    template = extract()
    catalog = read_catalog() if PO_FILE.exists() else None
    if catalog is None:
        from babel.messages.catalog import Catalog

        catalog = Catalog(locale="nl", project="leaflint", domain=DOMAIN, charset="utf-8")
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    _stable_header(catalog)
    buf = io.BytesIO()
    write_po(buf, catalog, width=100, sort_output=True, omit_header=False, ignore_obsolete=True,
             include_lineno=False)
    PO_FILE.parent.mkdir(parents=True, exist_ok=True)
    PO_FILE.write_bytes(buf.getvalue())
    compile_catalog()
    return [m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id and not _translated(m)]


def _stable_header(catalog) -> None:
    """Header fields that do not change with every update (no dates, so merges stay quiet)."""
    import datetime as dt

    fixed = dt.datetime(2026, 11, 30, tzinfo=dt.timezone.utc)
    catalog.creation_date = fixed
    catalog.revision_date = fixed
    catalog.fuzzy = False
    catalog.project, catalog.version = "leaflint", ""
    catalog.last_translator = "leaflint"
    catalog.language_team = "Nederlands"
    catalog.msgid_bugs_address = ""
    catalog.copyright_holder = "leaflint"


def _translated(message) -> bool:
    s = message.string
    return all(s) if isinstance(s, (list, tuple)) else bool(s)


def main(argv: list[str] | None = None) -> int:
    import sys

    args = sys.argv[1:] if argv is None else argv
    if args == ["compile"]:
        compile_catalog()
        print(f"compiled {MO_FILE}")
        return 0
    if args == ["update"]:
        missing = update()
        print(f"updated {PO_FILE} and {MO_FILE}; {len(missing)} message(s) without Dutch text")
        for m in missing:
            print(f"  {m}")
        return 1 if missing else 0
    print("usage: python -m pipeline.i18n update|compile", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
