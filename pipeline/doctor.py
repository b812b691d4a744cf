"""`leaflint doctor`: does each external tool actually work? One small real job per tool.

Frog tags a Dutch sentence, enchant knows Dutch words through its nl_NL dictionary, pandoc
converts a line of Markdown, pdftotext reads a one-page PDF, WeasyPrint renders a page with the
house font embedded; Chromium (screenshots in the tests) is optional. A tool whose rules are all
turned off in leaflint.yaml is not required. The CLI prints the table and exits 1 when a required
tool fails.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from typing import Callable

from pipeline.i18n import _
from pipeline.tools import TOOLS, Tool

TIMEOUT = 60
SENTENCE = "De verloskundige vertelt je wat er gaat gebeuren."
HOUSE_FONT = "Open Sans"


class ProbeFailed(Exception):
    """The tool did not do its small job; the message says what went wrong, in the tool's words."""


@dataclass(frozen=True)
class Finding:
    tool: Tool
    required: bool
    version: str
    ok: bool
    detail: str = ""  # the tool's error when it failed; why it is not needed when it is off


@dataclass(frozen=True)
class Options:
    """What leaflint.yaml says about the tools: the Frog command, the dictionary, rules turned off."""

    frog: str = "frog"
    dictionary: str = "nl_NL"
    off: frozenset[str] = frozenset()  # tool keys whose rules are all turned off


def _run(cmd: list[str], data: bytes | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(cmd, input=data, capture_output=True, timeout=TIMEOUT,
                              stdin=None if data is not None else subprocess.DEVNULL)
    except FileNotFoundError:
        raise ProbeFailed(_("'{command}' is not installed").format(command=cmd[0])) from None
    except subprocess.TimeoutExpired:
        raise ProbeFailed(_("no answer within {seconds} s").format(seconds=TIMEOUT)) from None


def _first(text: bytes | str, pattern: str) -> str:
    s = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    m = re.search(pattern, s)
    return m.group(1) if m else "?"


# -- one probe per tool: returns the version, raises ProbeFailed ---------------------------------------

def probe_frog(opts: Options) -> str:
    from pipeline.language.frog import DEFAULT_CMD, Frog, FrogError

    banner = _run([opts.frog, "--version"])
    version = _first(banner.stdout + banner.stderr, r"frog (\d[\w.]*)")
    frog = None
    try:
        frog = Frog((opts.frog, *DEFAULT_CMD[1:]), timeout=TIMEOUT)
        [tokens] = frog.tag([SENTENCE])
    except FrogError as e:
        raise ProbeFailed(str(e)) from None
    finally:
        if frog is not None:
            frog.close()
    verbs = [t.word for t in tokens if t.pos == "WW"]
    if "vertelt" not in verbs:
        raise ProbeFailed(_("Frog did not tag the verb of a test sentence ({tags})").format(
            tags=" ".join(f"{t.word}/{t.tag}" for t in tokens) or "-"))
    return version


def probe_enchant(opts: Options) -> str:
    try:
        import enchant

        d = enchant.Dict(opts.dictionary)
    except Exception as e:  # noqa: BLE001 - ImportError (no libenchant) or DictNotFoundError
        raise ProbeFailed(_("no dictionary '{name}' ({error})").format(name=opts.dictionary, error=e)) from None
    if not d.check("miskraam") or d.check("miskrraam"):
        raise ProbeFailed(_("the dictionary '{name}' does not know Dutch").format(name=opts.dictionary))
    return f"{d.provider.name} {enchant.get_enchant_version()}"


def probe_pandoc(opts: Options) -> str:
    from pipeline.ingest.pandoc_ast import PandocError, pandoc_path

    try:
        path = pandoc_path()
    except PandocError as e:
        raise ProbeFailed(str(e)) from None
    done = _run([path, "--sandbox", "-f", "markdown", "-t", "html"], "Bel **direct**.".encode())
    if done.returncode != 0 or b"<strong>direct</strong>" not in done.stdout:
        raise ProbeFailed(done.stderr.decode("utf-8", "replace").strip() or _("unexpected output"))
    return _first(_run([path, "--version"]).stdout, r"pandoc[^\s]* (\d[\w.]*)")


def probe_pdftotext(opts: Options) -> str:
    done = _run(["pdftotext", "-enc", "UTF-8", "-", "-"], _one_page_pdf("Bel de praktijk"))
    if done.returncode != 0 or b"Bel de praktijk" not in done.stdout:
        raise ProbeFailed(done.stderr.decode("utf-8", "replace").strip() or _("unexpected output"))
    return _first(_run(["pdftotext", "-v"]).stderr, r"version (\S+)")


def probe_weasyprint(opts: Options) -> str:
    try:
        import weasyprint

        pdf = weasyprint.HTML(string=f'<p style="font-family: \'{HOUSE_FONT}\'">Bel de praktijk.</p>').write_pdf()
    except Exception as e:  # noqa: BLE001 - missing Pango/HarfBuzz shows up as OSError or ImportError
        raise ProbeFailed(f"{type(e).__name__}: {e}") from None
    fonts = _pdf_fonts(pdf)
    if _squash(HOUSE_FONT) not in {_squash(f) for f in fonts}:
        raise ProbeFailed(_("the house font {font} is not installed (the page used: {fonts})").format(
            font=HOUSE_FONT, fonts=", ".join(sorted(fonts)) or "-"))
    return weasyprint.__version__


def probe_chromium(opts: Options) -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        raise ProbeFailed(_("'{command}' is not installed").format(command="chromium"))
    done = _run([exe, "--version"])
    if done.returncode != 0:
        raise ProbeFailed(done.stderr.decode("utf-8", "replace").strip()[-300:])
    return _first(done.stdout, r"Chromium (\S+)")


PROBES: dict[str, Callable[[Options], str]] = {
    "frog": probe_frog, "enchant": probe_enchant, "pandoc": probe_pandoc, "pdftotext": probe_pdftotext,
    "weasyprint": probe_weasyprint, "chromium": probe_chromium,
}
# the rules that need a tool: when all are off, the tool is not required
RULES_OF = {"frog": ("grammar.dt", "grammar.agreement"), "enchant": ("spelling.unknown-word", "spelling.unknown-term")}


def examine(opts: Options = Options()) -> list[Finding]:
    out = []
    for key, probe in PROBES.items():
        tool = TOOLS[key]
        required = tool.required and key not in opts.off
        try:
            out.append(Finding(tool, required, probe(opts), True))
        except ProbeFailed as e:
            out.append(Finding(tool, required, "-", False, str(e)))
    return out


def options_from(config, level_of: Callable[[str], object]) -> Options:
    """The doctor's view of a configuration: ``level_of(rule_id)`` is None for a rule that is off."""
    off = frozenset(k for k, rules in RULES_OF.items() if all(level_of(r) is None for r in rules))
    frog = config.rules.get("grammar.dt", {}).get("options", {}).get("frog", "frog")
    dictionary = config.rules.get("spelling.unknown-word", {}).get("options", {}).get("dictionary", "nl_NL")
    return Options(frog=frog, dictionary=dictionary, off=off)


# -- the table ---------------------------------------------------------------------------------------

def table(findings: list[Finding]) -> str:
    head = (_("tool"), _("version"), _("status"), _("used for"), _("fix"))
    rows = [head]
    for f in findings:
        if f.ok:
            status = _("ok")
        elif f.required:
            status = _("FAILED")
        else:
            status = _("missing (optional)") if f.tool.required is False else _("failed (not needed)")
        fix = "" if f.ok else f.tool.fix
        rows.append((f.tool.name, f.version, status, _(f.tool.purpose), fix))
    widths = [max(len(r[i]) for r in rows) for i in range(len(head) - 1)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)) + "  " + r[-1] for r in rows]
    lines = [ln.rstrip() for ln in lines]
    for f in findings:
        if not f.ok:
            lines.append(f"{f.tool.name}: {f.detail}")
    return "\n".join(lines) + "\n"


def healthy(findings: list[Finding]) -> bool:
    return all(f.ok or not f.required for f in findings)


# -- helpers --------------------------------------------------------------------------------------------

def _one_page_pdf(text: str) -> bytes:
    """A minimal valid one-page PDF showing ``text`` in Helvetica (built here: no tool to test with)."""
    stream = f"BT /F1 24 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _squash(font: str) -> str:
    """A font name without its style, spaces or hyphens: "Open-Sans-Bold" and "Open Sans" meet."""
    name = re.sub(r"[-_ ,]*(Regular|Bold|Italic|Oblique|Semibold|Light)+$", "", font, flags=re.I)
    return re.sub(r"[-_ ]", "", name).lower()


def _pdf_fonts(pdf: bytes) -> set[str]:
    """The base font names a PDF uses (subset prefixes removed)."""
    import io

    from pypdf import PdfReader

    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for ref in fonts.values():
            name = str(ref.get_object().get("/BaseFont", ""))
            names.add(name.split("+", 1)[-1].lstrip("/"))
    return names
