"""The comments of a .docx as a reviewer left them: text, author, replies, resolved marks.

Read from the package parts themselves (word/comments.xml, word/commentsExtended.xml,
word/document.xml), as Word and LibreOffice write them: a reply is a comment whose paragraph
points at its parent's paragraph in commentsExtended.xml (``w15:paraIdParent``); a resolved
thread has ``w15:done="1"``. Without commentsExtended.xml, a comment by someone else that is
anchored where a leaflint comment is anchored counts as a reply to it.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
MAX_PART_BYTES = 50_000_000


class ReviewFileError(Exception):
    """The file is no .docx that leaflint can read comments from."""


@dataclass
class WordComment:
    id: str
    author: str
    paragraphs: list[str]
    para_ids: list[str]
    anchor: str = ""  # the text the comment is anchored on
    anchor_at: int = -1  # where its range starts, in document order
    parent: str | None = None  # id of the comment this one replies to
    done: bool = False
    replies: list["WordComment"] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass
class ReviewedDocument:
    leaflet: str  # the leaflet id leaflint wrote into the document properties
    source: str  # the leaflet's path as leaflint wrote it
    comments: list[WordComment]  # top-level comments, with their replies


def _part(z: zipfile.ZipFile, name: str) -> etree._Element | None:
    try:
        info = z.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise ReviewFileError(f"{name} is {info.file_size} bytes, more than leaflint reads")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(z.read(name), parser)


def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(f"{{{W}}}t", f"{{{W}}}tab"))


def read_comments(path: Path) -> ReviewedDocument:
    try:
        with zipfile.ZipFile(path) as z:
            comments = _part(z, "word/comments.xml")
            extended = _part(z, "word/commentsExtended.xml")
            body = _part(z, "word/document.xml")
            core = _part(z, "docProps/core.xml")
    except (zipfile.BadZipFile, OSError) as e:
        raise ReviewFileError(f"not a .docx (zip) file: {e}") from None
    except etree.XMLSyntaxError as e:
        raise ReviewFileError(f"broken XML in the document: {e}") from None
    if body is None:
        raise ReviewFileError("no word/document.xml: not a Word document")
    found = _comments(comments) if comments is not None else []
    _anchors(body, {c.id: c for c in found})
    _threads(found, extended)
    leaflet = source = ""
    if core is not None:
        leaflet = (core.findtext(f"{{{DC}}}identifier") or "").strip()
        source = (core.findtext(f"{{{DC}}}subject") or "").strip()
    return ReviewedDocument(leaflet=leaflet, source=source, comments=[c for c in found if c.parent is None])


def _comments(root) -> list[WordComment]:
    out = []
    for c in root.iter(f"{{{W}}}comment"):
        paras = c.findall(f".//{{{W}}}p")
        out.append(WordComment(
            id=c.get(f"{{{W}}}id", ""), author=c.get(f"{{{W}}}author", ""),
            paragraphs=[t for t in (_text(p).strip() for p in paras) if t],
            para_ids=[p.get(f"{{{W14}}}paraId", "") for p in paras]))
    return out


def _anchors(body, by_id: dict[str, WordComment]) -> None:
    """The text between each comment's range start and end, and the start's place in the body."""
    open_ranges: dict[str, list[str]] = {}
    for i, el in enumerate(body.iter(f"{{{W}}}commentRangeStart", f"{{{W}}}commentRangeEnd", f"{{{W}}}t")):
        if el.tag == f"{{{W}}}commentRangeStart":
            cid = el.get(f"{{{W}}}id", "")
            open_ranges[cid] = []
            if cid in by_id:
                by_id[cid].anchor_at = i
        elif el.tag == f"{{{W}}}commentRangeEnd":
            cid = el.get(f"{{{W}}}id", "")
            if cid in by_id and cid in open_ranges:
                by_id[cid].anchor = "".join(open_ranges.pop(cid))
        else:
            for parts in open_ranges.values():
                parts.append(el.text or "")


def _threads(found: list[WordComment], extended) -> None:
    by_para = {pid: c for c in found for pid in c.para_ids if pid}
    if extended is not None:
        for ex in extended.iter(f"{{{W15}}}commentEx"):
            c = by_para.get(ex.get(f"{{{W15}}}paraId", ""))
            if c is None:
                continue
            if ex.get(f"{{{W15}}}done") in ("1", "true"):
                c.done = True
            parent = by_para.get(ex.get(f"{{{W15}}}paraIdParent", "") or "")
            if parent is not None and parent is not c:
                c.parent = parent.id
    by_id = {c.id: c for c in found}
    for c in found:
        if c.parent is None:
            continue
        root = by_id[c.parent]
        while root.parent is not None and root.parent in by_id and root.parent != root.id:
            root = by_id[root.parent]
        root.replies.append(c)
        root.done = root.done or c.done
