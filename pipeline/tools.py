"""The external programs and data leaflint depends on, as data: what they are for and how to install them.

``leaflint doctor`` checks that each one works; ``stamp``/``fingerprint`` give a cheap token of the
installed versions (Debian package records, Python distributions, the files themselves) so that a
cached result is only reused with the engines and data that produced it.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from dataclasses import dataclass
from functools import lru_cache

from pipeline.i18n import N_

DPKG_INFO = "/var/lib/dpkg/info"


@dataclass(frozen=True)
class Tool:
    key: str
    name: str
    purpose: str  # what leaflint uses it for (a msgid: the doctor shows it translated)
    required: bool = True
    debian: tuple[str, ...] = ()  # Debian packages that provide it (and its data)
    python: tuple[str, ...] = ()  # Python distributions that provide it
    executables: tuple[str, ...] = ()
    data: tuple[str, ...] = ()  # data files whose content shapes results
    shapes_results: bool = True  # part of the result cache key

    @property
    def fix(self) -> str:
        if self.debian:
            return "apt-get install --no-install-recommends " + " ".join(self.debian)
        return "make install"


TOOLS: dict[str, Tool] = {t.key: t for t in (
    Tool("frog", "Frog", N_("d/t errors (grammar.dt)"), debian=("frog", "frogdata", "ucto", "uctodata"),
         executables=("frog",)),
    Tool("enchant", "enchant nl_NL", N_("spelling (spelling.unknown-word, spelling.unknown-term)"),
         debian=("libenchant-2-2", "hunspell-nl", "aspell-en"), python=("pyenchant",),
         data=("/usr/share/hunspell/nl_NL.dic", "/usr/share/hunspell/nl_NL.aff")),
    Tool("pandoc", "pandoc", N_("reading .docx/.odt, HTML"), python=("pypandoc_binary",)),
    Tool("pdftotext", "pdftotext", N_("reading .pdf"), debian=("poppler-utils",), executables=("pdftotext",)),
    Tool("weasyprint", "WeasyPrint", N_("making PDFs"), python=("weasyprint",),
         debian=("libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0", "fonts-open-sans",
                 "fonts-dejavu-core")),
    Tool("chromium", "Chromium", N_("screenshots (tests only)"), required=False, debian=("chromium",),
         executables=("chromium",), shapes_results=False),
)}


def _file_stamp(path: str | None) -> str:
    if not path:
        return "-"
    try:
        st = os.stat(path)  # follows links: a dictionary replaced behind nl_NL.dic counts
    except OSError:
        return "-"
    return f"{os.path.realpath(path)}:{st.st_size}:{st.st_mtime_ns}"


# dpkg names the file list of a Multi-Arch: same package (a library) with its architecture
_DPKG_ARCH = {"x86_64": "amd64", "aarch64": "arm64", "i686": "i386", "armv7l": "armhf", "ppc64le": "ppc64el",
              "s390x": "s390x", "riscv64": "riscv64"}


def _dpkg_stamp(package: str) -> str:
    """dpkg rewrites a package's file list on every install or upgrade; its size and time stand for the version."""
    arch = _DPKG_ARCH.get(os.uname().machine, os.uname().machine)
    for name in (f"{DPKG_INFO}/{package}.list", f"{DPKG_INFO}/{package}:{arch}.list"):
        found = _file_stamp(name)
        if found != "-":
            return found
    return "-"


def dist_version(dist: str) -> str:
    """The installed version of a Python distribution, from the name of its ``.dist-info`` folder
    (importlib.metadata costs a tenth of a second to import; every lint computes this)."""
    found = _dist_infos().get(_normal(dist))
    if found is not None:
        return found
    from importlib import metadata  # a distribution installed another way (an .egg-info folder)

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "-"


@lru_cache(maxsize=1)
def _dist_infos() -> dict[str, str]:
    """Normalized distribution name -> version, for the ``name-version.dist-info`` folders on sys.path
    (the first one wins, as for imports)."""
    out: dict[str, str] = {}
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for n in names:
            if n.endswith(".dist-info"):
                name, _sep, version = n[: -len(".dist-info")].rpartition("-")
                out.setdefault(_normal(name), version)
    return out


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def stamp(key: str, command: str | None = None) -> str:
    """A token that changes when the tool, its packages or its data change (not a readable version)."""
    tool = TOOLS[key]
    parts = [f"{p}={_dpkg_stamp(p)}" for p in tool.debian]
    parts += [f"{d}={dist_version(d)}" for d in tool.python]
    exes = tool.executables + ((command,) if command and command not in tool.executables else ())
    parts += [f"{e}={_file_stamp(shutil.which(e))}" for e in exes]
    parts += [f"{f}={_file_stamp(f)}" for f in tool.data]
    return f"{key}[{';'.join(parts)}]"


def fingerprint() -> str:
    """The stamps of every tool that shapes results, for the result cache key (a few ms)."""
    return "|".join(stamp(k) for k, t in TOOLS.items() if t.shapes_results)
