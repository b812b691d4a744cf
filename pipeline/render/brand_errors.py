"""What is wrong with a brand file, in plain Dutch, every problem at once, each at its YAML line.

A practice edits ``sources/brands/<brand>.yaml`` by hand. A schema checker's own words ("None is not
of type 'string'", a regular expression) do not help them, and one error per run makes fixing a
file slow. :func:`schema_problems` turns every JSON Schema error into a sentence naming the field
and what to write instead; :func:`unquoted_colours` finds the most common slip, a colour written
without quotes (``primary: #1e5e8a``): YAML reads ``#`` as the start of a comment, so the colour
is empty, or, inside ``{...}``, the rest of the line disappears and the parser complains a line
later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import jsonschema

from pipeline.yamlio import _plain, _position as _where, schema

SCHEMA = "brand.schema.json"

# A value that starts with "#" after "key:" (block or flow style): a colour that YAML took for a comment.
_UNQUOTED_COLOUR = re.compile(r"(?P<key>[A-Za-z_][\w-]*)\s*:[ \t]+(?P<value>#[0-9A-Fa-f]{3,8})\b")

# Field -> what to write, for values that do not match the field's pattern.
_PATTERN_HINTS = {
    "website": "het webadres moet beginnen met https:// (bijvoorbeeld https://www.praktijk.nl)",
    "email": "dit is geen e-mailadres (bijvoorbeeld info@praktijk.nl)",
    "phone": "dit is geen telefoonnummer (bijvoorbeeld \"020-1234567\")",
    "emergency_phone": "dit is geen telefoonnummer (bijvoorbeeld \"06-12345678\")",
    "number": "dit is geen telefoonnummer (bijvoorbeeld \"0900-1234567\")",
    "logo": "het logo moet een .svg- of .png-bestand in sources/brands/ zijn (bijvoorbeeld praktijk-logo.svg)",
    "body": "een lettertype heeft alleen letters, cijfers, spaties en '-' (bijvoorbeeld Open Sans)",
    "heading": "een lettertype heeft alleen letters, cijfers, spaties en '-' (bijvoorbeeld Open Sans)",
    "leaflets": "een folder-id is de bestandsnaam zonder extensie (bijvoorbeeld 000_43f8e8ab3b97e02a)",
}
_TYPES = {"string": "tekst", "object": "een lijst van velden (sleutel: waarde)", "array": "een lijst",
          "integer": "een geheel getal", "number": "een getal", "boolean": "true of false"}


@dataclass(frozen=True)
class BrandProblem:
    """One problem in a brand file: 1-based position, the field (dotted path) and a Dutch message."""

    line: int
    column: int
    field: str
    message: str


def unquoted_colours(text: str) -> list[BrandProblem]:
    """Colours written without quotes: YAML read them as comments."""
    out = []
    lines = text.splitlines()
    for n, raw in enumerate(lines, start=1):
        for m in _UNQUOTED_COLOUR.finditer(raw):
            if raw[:m.start("value")].count('"') % 2 or raw[:m.start("value")].count("'") % 2:
                continue  # inside a quoted string
            field = ".".join(filter(None, (_parent(lines, n - 1, m.start()), m.group("key"))))
            out.append(BrandProblem(n, m.start("value") + 1, field,
                                    f"{field}: kleur ontbreekt; zet de kleur tussen aanhalingstekens: "
                                    f"\"{m.group('value')}\" (zonder aanhalingstekens leest YAML # als begin van "
                                    "commentaar)"))
    return out


def _parent(lines: list[str], i: int, col: int) -> str:
    """The key that holds the key at ``lines[i][col:]``: "colors" in "colors: {primary: ..." or in a
    less indented "colors:" line above."""
    flow = re.search(r"([A-Za-z_][\w-]*)\s*:\s*\{[^{}]*$", lines[i][:col])
    if flow:
        return flow.group(1)
    indent = len(lines[i]) - len(lines[i].lstrip())
    for above in reversed(lines[:i]):
        stripped = above.lstrip()
        if stripped and not stripped.startswith("#") and len(above) - len(stripped) < indent:
            m = re.match(r"([A-Za-z_][\w-]*)\s*:", stripped)
            return m.group(1) if m else ""
    return ""


def schema_problems(data: Any) -> list[BrandProblem]:
    """Every schema error of a loaded brand file (round-trip data, so with line numbers)."""
    sch = schema(SCHEMA)
    validator = jsonschema.validators.validator_for(sch)(sch)
    out = []
    for err in validator.iter_errors(_plain(data)):
        out.extend(_explain(err, data))
    return sorted(set(out), key=lambda p: (p.line, p.column, p.field))


def _explain(err: jsonschema.ValidationError, data: Any) -> list[BrandProblem]:
    path = list(err.absolute_path)
    field = _dotted(path)
    kind = err.validator
    if kind == "required":
        missing = [k for k in err.validator_value if not isinstance(err.instance, dict) or k not in err.instance]
        line, col = _where(data, path)
        return [BrandProblem(line, col, _dotted(path + [k]), f"{_dotted(path + [k])} ontbreekt{_required_hint(k)}")
                for k in missing]
    if kind == "additionalProperties":
        allowed = set((err.schema.get("properties") or {}))
        extra = [k for k in (err.instance or {}) if k not in allowed]
        return [BrandProblem(*_where(data, path + [k]), _dotted(path + [k]),
                             f"onbekend veld '{_dotted(path + [k])}'; toegestaan: {', '.join(sorted(allowed))}")
                for k in extra]
    line, col = _where(data, path)
    return [BrandProblem(line, col, field, f"{field}: {_cause(err, path)}")]


def _cause(err: jsonschema.ValidationError, path: list) -> str:
    kind, value = err.validator, err.instance
    last = next((str(k) for k in reversed(path) if isinstance(k, str)), "")
    if value is None:
        return "is leeg; vul een waarde in"
    if kind == "pattern":
        if last in ("primary", "accent", "text", "background"):
            return f"'{value}' is geen kleur; schrijf een kleur als \"#1e5e8a\" (met aanhalingstekens)"
        hint = _PATTERN_HINTS.get(last, "deze waarde heeft niet de juiste vorm")
        return f"'{value}': {hint}"
    if kind == "type":
        want = err.validator_value if isinstance(err.validator_value, str) else err.validator_value[0]
        return f"hier hoort {_TYPES.get(want, want)}, niet '{value}'"
    if kind == "minLength":
        return "is leeg; vul een waarde in"
    if kind == "maxLength":
        return f"is te lang: hoogstens {err.validator_value} tekens"
    if kind == "enum":
        return f"'{value}' kan niet; kies uit {', '.join(map(str, err.validator_value))}"
    if kind == "uniqueItems":
        return "een folder staat twee keer in de lijst"
    return err.message


def _required_hint(key: str) -> str:
    return {
        "phone": ": zet het telefoonnummer van de praktijk onder contact (phone: \"020-1234567\")",
        "name": ": de naam van de praktijk, zoals die in de kop van de folder staat",
        "colors": ": kleuren primary, text en background, elk als \"#1e5e8a\"",
        "contact": ": ten minste contact.phone",
        "leaflets": ": de folders die deze praktijk uitgeeft (leaflets: [] als die in de sidecar staan)",
    }.get(key, "")


def _dotted(path: list) -> str:
    out = ""
    for k in path:
        out += f"[{k + 1}]" if isinstance(k, int) else (f".{k}" if out else str(k))
    return out or "(het hele bestand)"
