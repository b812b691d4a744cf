"""HTML -> PDF/UA-1 with WeasyPrint, fetching nothing but the brand and template assets.

A leaflet's text comes from outside; its HTML must never make the renderer reach the network or
read a file elsewhere on disk (``file:///etc/passwd`` in an image, a remote tracker pixel). The
fetcher below serves ``data:`` URLs and regular files inside the allowed roots, and refuses the
rest before any I/O happens.
"""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pipeline.paths import SOURCES_DIR, TEMPLATES_DIR

PDF_VARIANT = "pdf/ua-1"


def asset_roots(sources_dir: Path | None = None) -> tuple[Path, ...]:
    return (Path(sources_dir or SOURCES_DIR).resolve() / "brands", TEMPLATES_DIR.resolve())


def make_fetcher(roots: tuple[Path, ...]):
    """A WeasyPrint URL fetcher limited to ``data:`` URLs and files inside ``roots``."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class SandboxedFetcher(URLFetcher):
        def __init__(self):
            super().__init__(timeout=1, allowed_protocols={"data", "file"}, allow_redirects=False)
            self.roots = tuple(Path(r).resolve() for r in roots)
            self.refused: list[str] = []

        def fetch(self, url, headers=None):
            scheme = url.split(":", 1)[0].lower() if ":" in url else ""
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme == "file":
                parts = urlsplit(url)
                if parts.netloc in ("", "localhost"):
                    path = Path(unquote(parts.path)).resolve()
                    if any(path.is_relative_to(r) for r in self.roots) and path.is_file():
                        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                        return URLFetcherResponse(path.as_uri(), body=path.read_bytes(),
                                                  headers={"Content-Type": mime})
            self.refused.append(url)
            raise ValueError(f"refused to fetch {url}: only brand and template assets are served")

    return SandboxedFetcher()


def render_pdf(page_html: str, roots: tuple[Path, ...] | None = None) -> tuple[bytes, list[str]]:
    """PDF bytes of ``page_html`` and the URLs the fetcher refused.

    Metadata (title, author, lang, dates) comes from the page's <title>, <meta> and <html lang>;
    the file identifier is a hash of the content, so equal input gives equal bytes.
    """
    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fetcher = make_fetcher(roots or asset_roots())
    doc = HTML(string=page_html, base_url=TEMPLATES_DIR.resolve().as_uri() + "/", url_fetcher=fetcher)
    pdf = doc.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=True, custom_metadata=False)
    return pdf, list(fetcher.refused)
