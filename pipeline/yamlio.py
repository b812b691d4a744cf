"""YAML in and out: safe loading with line numbers for errors, round-trip writing, schema checks."""

from __future__ import annotations

import io
import json
import os
import stat
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from pipeline.i18n import N_, _
from pipeline.paths import SCHEMA_DIR

if TYPE_CHECKING:  # ruamel.yaml is imported when a file is parsed: a run that reads kept data needs none of it
    import jsonschema
    from ruamel.yaml import YAML


class DataFileError(Exception):
    """A YAML/JSON file a person wrote is broken or does not match its schema."""

    def __init__(self, path: Path | str, message: str, line: int = 1, column: int = 1, field: str = ""):
        super().__init__(f"{path}:{line}:{column}: {message}")
        self.path = str(path)
        self.message = message
        self.line = line
        self.column = column
        self.field = field


def _safe() -> YAML:
    from ruamel.yaml import YAML

    y = YAML(typ="safe", pure=True)
    return y


def round_trip() -> YAML:
    from ruamel.yaml import YAML

    y = YAML()  # round-trip: keeps comments and key order
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 100
    y.preserve_quotes = True
    return y


def load_yaml(path: Path | str, *, rt: bool = False, max_bytes: int = 2_000_000) -> Any:
    """Load a YAML file safely; raise DataFileError naming the file, line and cause."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise DataFileError(p, f"cannot read file: {e.strerror or e}") from None
    if len(raw) > max_bytes:
        raise DataFileError(p, f"file is {len(raw)} bytes, more than the limit of {max_bytes}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise DataFileError(p, f"not UTF-8 (byte {e.start})") from None
    try:
        _check_shape(text, p)
        return (round_trip() if rt else _safe()).load(text)
    except RecursionError:
        raise DataFileError(p, f"YAML nested too deeply (more than {MAX_DEPTH} levels)") from None
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else 1
        col = mark.column + 1 if mark else 1
        what = (e.problem or e.context or "syntax error").strip()
        raise DataFileError(p, f"YAML syntax error: {what}", line, col) from None
    except YAMLError as e:
        raise DataFileError(p, f"YAML error: {e}") from None
    except ValueError as e:  # a well-formed scalar that is no real value, such as the date 2026-13-45
        raise DataFileError(p, f"invalid value: {e}") from None


# A file a person writes has a few aliases at most and little nesting. Both are checked on the
# parser's events, before anything is built: nine lines of nested aliases ("billion laughs")
# expand to gigabytes, and a 400-deep list overflows Python's stack.
MAX_ALIASES = 100
MAX_DEPTH = 50
MAX_NODES = 1_000_000  # values after expanding every alias (the fact catalog has about 20,000)


def _check_shape(text: str, path: Path) -> None:
    from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, ScalarEvent

    aliases = 0
    sizes: dict[str, int] = {}  # anchor -> values under it, expanded
    open_: list[list] = [[None, 0]]  # [anchor, values so far] per open collection
    for event in _safe().parse(text):
        if isinstance(event, AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                raise DataFileError(path, f"more than {MAX_ALIASES} YAML aliases (*name): refused before "
                                          "expanding them", *_mark(event))
            open_[-1][1] += sizes.get(event.anchor, 1)
        elif isinstance(event, ScalarEvent):
            open_[-1][1] += 1
            if event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, CollectionStartEvent):
            open_.append([event.anchor, 1])
            if len(open_) - 1 > MAX_DEPTH:
                raise DataFileError(path, f"YAML nested more than {MAX_DEPTH} levels deep", *_mark(event))
        elif isinstance(event, CollectionEndEvent):
            anchor, size = open_.pop()
            if anchor:
                sizes[anchor] = size
            open_[-1][1] += size
        if open_[-1][1] > MAX_NODES:
            raise DataFileError(path, f"YAML aliases expand to more than {MAX_NODES:,} values: refused before "
                                      "expanding them", *_mark(event))


def _mark(event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


@lru_cache(maxsize=None)
def schema(name: str) -> dict:
    with open(SCHEMA_DIR / name, encoding="utf-8") as f:
        return json.load(f)


def validate(data: Any, schema_name: str, path: Path | str) -> None:
    """Validate ``data`` against ``schema/<schema_name>``; the first error names the field."""
    import jsonschema  # here, not above: a run whose data files were all checked before never needs it

    validator_cls = jsonschema.validators.validator_for(schema(schema_name))
    validator = validator_cls(schema(schema_name), format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(plain(data)), key=lambda e: list(e.absolute_path))
    if not errors:
        return
    err = errors[0]
    field = "/".join(str(p) for p in err.absolute_path) or "(top level)"
    line, col = position(data, list(err.absolute_path))
    more = _(" (and {n} more)").format(n=len(errors) - 1) if len(errors) > 1 else ""
    raise DataFileError(path, f"{field}: {schema_cause(err)}{more}", line, col, field)


_TYPE_NAMES = {"string": N_("text"), "object": N_("fields (key: value)"), "array": N_("a list"),
               "integer": N_("a whole number"), "number": N_("a number"), "boolean": N_("true or false")}


def schema_cause(err: jsonschema.ValidationError) -> str:
    """What is wrong, in the reader's language, for the JSON Schema checks the schemas use."""
    kind, value, want = err.validator, err.instance, err.validator_value
    if kind == "required":
        missing = [k for k in want if not isinstance(value, dict) or k not in value]
        return _("{field} is missing").format(field=", ".join(missing))
    if kind == "additionalProperties":
        allowed = sorted(err.schema.get("properties") or {})
        extra = [k for k in (value or {}) if k not in allowed]
        return _("unknown field '{field}'; allowed: {fields}").format(field=", ".join(extra), fields=", ".join(allowed))
    if kind == "enum":
        return _("'{value}' is not possible; choose one of {choices}").format(
            value=value, choices=", ".join(map(str, want)))
    if kind == "type":
        name = want if isinstance(want, str) else want[0]
        return _("this should be {kind}, not '{value}'").format(kind=_(_TYPE_NAMES.get(name, name)), value=value)
    if kind in ("minLength", "minItems") and not value:
        return _("is empty; fill in a value")
    if kind == "format" and want == "date":
        return _("'{value}' is no date; write it as 2027-06-30").format(value=value)
    if kind == "pattern":
        return _("'{value}' does not have the right form ({pattern})").format(value=value, pattern=want)
    return err.message


def plain(data: Any) -> Any:
    """ruamel round-trip types to plain Python: dicts with text keys, lists, bool, int, float and
    str of their own types (not ruamel's subclasses), dates as ISO text (as the validator wants)."""
    if isinstance(data, dict):
        return {str(k): plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [plain(v) for v in data]
    if isinstance(data, bool) or data is None:
        return data
    for base in (int, float, str):
        if isinstance(data, base):
            return base(data)
    if hasattr(data, "isoformat"):
        return data.isoformat()
    return data


def position(data: Any, path: list) -> tuple[int, int]:
    """Line/column of the deepest node of ``path`` that carries a position (round-trip data)."""
    line, col = 1, 1
    node = data
    for key in path:
        lc = getattr(node, "lc", None)
        try:
            if lc is not None:
                if isinstance(node, dict) and key in node:
                    line, col = lc.key(key)[0] + 1, lc.key(key)[1] + 1
                elif isinstance(node, list) and isinstance(key, int) and key < len(node):
                    line, col = lc.item(key)[0] + 1, lc.item(key)[1] + 1
            node = node[key]
        except (KeyError, IndexError, TypeError, AttributeError):
            break
    return line, col


def load_validated(path: Path | str, schema_name: str,
                   checked_in: Callable[[Any], Path | None] | None = None) -> Any:
    """Load YAML (round-trip, so errors carry lines) and validate it.

    Parsing a large data file (the fact catalog) with the pure-Python round-trip loader costs
    more than checking a leaflet, so a file that loaded and validated once is kept, pickled by
    content hash, and read back in milliseconds by later runs and worker processes.
    A small file read on every run (leaflint.yaml) is parsed each time; ``checked_in(data)`` names
    the folder where a mark of its content hash is kept once it validated, so a later run with the
    same bytes skips the schema check (and importing the validator); any other content is checked.
    """
    p = Path(path)
    key = _cache_key(p, schema_name)
    if key is not None:
        cached = _cache_get(key)
        if cached is not None:
            return cached
    data = load_yaml(p, rt=True)
    if data is None:  # an empty file is an empty mapping, not an error of its own
        data = {}
    mark = valid_mark(p, schema_name, "validate", checked_in(data)) if checked_in and key is None else None
    if mark is None or not mark.is_file():
        validate(data, schema_name, p)
        mark_valid(mark)
    if key is not None:
        _cache_put(key, data)
    return data


_CACHE_MIN_BYTES = 2048  # tiny files (sidecars) parse faster than a cache look-up


def load_kept(path: Path, schema_name: str | None = None) -> Any:
    """``load_yaml(path, rt=True)`` for a small file read on every run (a brand profile, a data file
    of the package, ``schema_name`` None when it has no schema): once the
    configured output's YAML cache exists, the parsed data is kept there by content hash, and a
    later run with the same bytes reads it back instead of parsing again."""
    folder = _cache_dir.get("yaml")
    key = _cache_key(path, schema_name, min_bytes=0) if folder is not None and folder.is_dir() else None
    if key is not None:
        cached = _cache_get(f"rt-{key}")
        if cached is not None:
            return cached
    data = load_yaml(path, rt=True)
    if key is not None and data is not None:
        _cache_put(f"rt-{key}", data)
    return data


def valid_mark(path: Path, schema_name: str, check: str, folder: Path | None = None) -> Path | None:
    """Where the mark is kept that ``path``'s present bytes passed ``check`` (a name for one way of
    checking) against ``schema_name``: in ``folder``, by default the configured output's YAML cache.
    None when that folder does not exist yet: then the file is checked and nothing is written."""
    folder = folder or _cache_dir.get("yaml")
    if folder is None or not folder.is_dir():
        return None
    key = _cache_key(path, schema_name, min_bytes=0)
    return folder / f"valid-{check}-{key}" if key else None


def mark_valid(mark: Path | None) -> None:
    """Record that a file passed its check (see ``valid_mark``); a read-only folder only costs the check."""
    if mark is not None:
        _cache_put(mark.name, True, mark)


def _cache_key(path: Path, schema_name: str | None, min_bytes: int = _CACHE_MIN_BYTES) -> str | None:
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    if len(raw) < min_bytes:
        return None
    import hashlib

    from pipeline.tools import dist_version

    h = hashlib.sha256(raw)
    h.update(json.dumps(schema(schema_name), sort_keys=True).encode() if schema_name else b"no schema")
    h.update(dist_version("ruamel.yaml").encode())  # the parser that made the kept data
    return h.hexdigest()


_cache_dir: dict[str, Path] = {}


def use_cache_dir(output: Path) -> None:
    """Keep parsed YAML under ``output/.cache/yaml`` (the configured output folder), not the project's
    (or in the shared folder of ``pipeline.paths.content_cache``)."""
    from pipeline.paths import content_cache

    _cache_dir["yaml"] = content_cache(output) / "yaml"


def _cache_file(key: str) -> Path:
    from pipeline.paths import OUTPUT_DIR

    return _cache_dir.get("yaml", OUTPUT_DIR / ".cache" / "yaml") / f"{key}.pickle"


def _cache_get(key: str) -> Any:
    import pickle

    try:
        with open(_cache_file(key), "rb") as f:
            return pickle.load(f)
    except Exception:  # noqa: BLE001 - a missing or stale cache entry only costs the parse
        return None


def _cache_put(key: str, data: Any, where: Path | None = None) -> None:
    import pickle

    try:
        atomic_write(where or _cache_file(key), pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
    except Exception:  # noqa: BLE001 - a read-only project folder must not fail the run
        pass


def atomic_write(path: Path | str, data: bytes | str) -> None:
    """Write via a temporary file in the same folder and rename: readers never see half a file.
    A path that is no file (``-o /dev/null``, a named pipe, a terminal) is written in place: a rename
    would put a file where the device was (as root, /dev/null itself)."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if _not_a_file(p):
        with open(p, "wb") as f:
            f.write(data)
        return
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        # mkstemp creates 0600; published leaflets must be readable like any file the user writes
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _not_a_file(p: Path) -> bool:
    try:
        mode = os.stat(p).st_mode
    except OSError:
        return False  # not there yet: a new file
    return stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def dump_yaml(data: Any) -> str:
    buf = io.StringIO()
    round_trip().dump(data, buf)
    return buf.getvalue()
