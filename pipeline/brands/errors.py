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

from pipeline.i18n import N_, _
from pipeline.yamlio import plain, position as _where, schema

SCHEMA = "brand.schema.json"

# A value that starts with "#" after "key:" (block or flow style): a colour that YAML took for a comment.
_UNQUOTED_COLOUR = re.compile(r"(?P<key>[A-Za-z_][\w-]*)\s*:[ \t]+(?P<value>#[0-9A-Fa-f]{3,8})\b")

# Field -> what to write, for values that do not match the field's pattern.
_PHONE_HINT = N_("this is no phone number (for example \"020-1234567\")")
_FONT_HINT = N_("a font name has only letters, digits, spaces and '-' (for example Open Sans)")
_PATTERN_HINTS = {
    "website": N_("the web address must start with https:// (for example https://www.praktijk.nl)"),
    "email": N_("this is no e-mail address (for example info@praktijk.nl)"),
    "phone": _PHONE_HINT, "emergency_phone": _PHONE_HINT, "number": _PHONE_HINT,
    "logo": N_("the logo must be an .svg or .png file in sources/brands/ (for example praktijk-logo.svg)"),
    "body": _FONT_HINT, "heading": _FONT_HINT,
    "leaflets": N_("a leaflet id is the file name without extension (for example 000_43f8e8ab3b97e02a)"),
}
_TYPES = {"string": N_("text"), "object": N_("fields (key: value)"), "array": N_("a list"),
          "integer": N_("a whole number"), "number": N_("a number"), "boolean": N_("true or false")}
_REQUIRED_HINTS = {
    "phone": N_("put the practice's phone number under contact (phone: \"020-1234567\")"),
    "name": N_("the practice's name as printed in the leaflet's header"),
    "colors": N_("colours primary, text and background, each written as \"#1e5e8a\""),
    "contact": N_("at least contact.phone"),
    "leaflets": N_("the leaflets this practice publishes (leaflets: [] when their sidecars name the brand)"),
}


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
            message = _("{field}: colour missing; put the colour in quotes: \"{colour}\" (without quotes YAML "
                        "reads # as the start of a comment)").format(field=field, colour=m.group("value"))
            out.append(BrandProblem(n, m.start("value") + 1, field, message))
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
    import jsonschema  # here, not above: brands read back from the result store never need it

    sch = schema(SCHEMA)
    validator = jsonschema.validators.validator_for(sch)(sch)
    out = []
    for err in validator.iter_errors(plain(data)):
        out.extend(_explain(err, data))
    return sorted(set(out), key=lambda p: (p.line, p.column, p.field))


def _explain(err, data: Any) -> list[BrandProblem]:
    path = list(err.absolute_path)
    field = _dotted(path)
    kind = err.validator
    if kind == "required":
        missing = [k for k in err.validator_value if not isinstance(err.instance, dict) or k not in err.instance]
        line, col = _where(data, path)
        return [BrandProblem(line, col, _dotted(path + [k]), _required(_dotted(path + [k]), k)) for k in missing]
    if kind == "additionalProperties":
        allowed = set((err.schema.get("properties") or {}))
        extra = [k for k in (err.instance or {}) if k not in allowed]
        return [BrandProblem(*_where(data, path + [k]), _dotted(path + [k]),
                             _("unknown field '{field}'; allowed: {fields}").format(
                                 field=_dotted(path + [k]), fields=", ".join(sorted(allowed))))
                for k in extra]
    line, col = _where(data, path)
    return [BrandProblem(line, col, field, f"{field}: {_cause(err, path)}")]


def _cause(err, path: list) -> str:
    kind, value = err.validator, err.instance
    last = next((str(k) for k in reversed(path) if isinstance(k, str)), "")
    if value is None or kind == "minLength":
        return _("is empty; fill in a value")
    if kind == "pattern":
        if last in ("primary", "accent", "text", "background"):
            return _("'{value}' is no colour; write a colour as \"#1e5e8a\" (with quotes)").format(value=value)
        hint = _PATTERN_HINTS.get(last, N_("this value does not have the right form"))
        return f"'{value}': {_(hint)}"
    if kind == "type":
        want = err.validator_value if isinstance(err.validator_value, str) else err.validator_value[0]
        return _("this should be {kind}, not '{value}'").format(kind=_(_TYPES.get(want, want)), value=value)
    if kind == "maxLength":
        return _("is too long: at most {n} characters").format(n=err.validator_value)
    if kind == "enum":
        return _("'{value}' is not possible; choose one of {choices}").format(
            value=value, choices=", ".join(map(str, err.validator_value)))
    if kind == "uniqueItems":
        return _("a leaflet is listed twice")
    return err.message


def _required(field: str, key: str) -> str:
    hint = _REQUIRED_HINTS.get(key)
    if hint:
        return _("{field} is missing: {hint}").format(field=field, hint=_(hint))
    return _("{field} is missing").format(field=field)


def _dotted(path: list) -> str:
    out = ""
    for k in path:
        out += f"[{k + 1}]" if isinstance(k, int) else (f".{k}" if out else str(k))
    return out or "(het hele bestand)"
