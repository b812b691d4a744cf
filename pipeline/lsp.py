"""``leaflint lsp``: a language server that checks Markdown, text and HTML leaflets as they are typed.

Each edit is checked after a short pause (debounced), in one worker thread that keeps the
spelling and grammar services open; Frog's answers are kept per sentence on disk, so only
changed sentences cost time. The facts of the other leaflets of the corpus (the project's
leaflets folder, or ``initializationOptions.corpus``) are read once, from the result store when
a lint ran before, so cross-leaflet conflicts show while you type. Fixes become code actions
(the safe one preferred).
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer

from pipeline import __version__, orchestrate, workers
from pipeline.corpus import SIDECAR_SUFFIX, Corpus, leaflet_id, select_files
from pipeline.diagnostic import Diagnostic, Fix, Severity
from pipeline.lint.config import Config, find_config, load_config
from pipeline.paths import TEXT_SUFFIXES

DEBOUNCE_SECONDS = 0.3
_SEVERITY = {Severity.ERROR: lsp.DiagnosticSeverity.Error, Severity.WARNING: lsp.DiagnosticSeverity.Warning,
             Severity.INFO: lsp.DiagnosticSeverity.Information}


class LeafletChecker:
    """One leaflet's text checked in full, its facts compared with those of the corpus."""

    def __init__(self, config: Config, corpus: Path | None):
        self.config = config
        self.corpus = corpus
        self.brands, _problems = orchestrate.load_brands(config)
        self.others = orchestrate.HeldOthers(config)  # the facts of the corpus, compared as summaries
        self.scratch = Path(tempfile.mkdtemp(prefix="leaflint-lsp-"))
        self.started = False

    def load_corpus(self) -> int:
        """The facts of every leaflet of the corpus (before the worker starts: reading them uses one)."""
        if self.corpus is None or not self.corpus.is_dir() or self.started:
            return 0
        files, _problems = select_files([self.corpus], self.config)
        for lid, facts in orchestrate.facts_of(files, self.config, self.brands).items():
            self.others.put(lid, facts)
        return len(self.others.facts)

    def _start(self) -> None:
        if not self.started:
            workers.start_worker(self.config, self.brands, None, keep=orchestrate.open_store(self.config).path)
            self.started = True

    def saved(self, path: Path) -> None:
        """A saved leaflet's facts replace the stored ones (other leaflets compare with them)."""
        if self.corpus is not None and _inside(path, self.corpus) and path.is_file():
            self._start()
            r = workers.process(str(path))
            if r.document is not None:
                self.others.put(r.document.id, r.facts)

    def check(self, path: Path, text: str) -> list[Diagnostic]:
        """Findings for ``text`` as the leaflet at ``path`` (not saved yet, perhaps)."""
        self._start()
        work = self.scratch / path.name
        work.write_text(text, encoding="utf-8")
        side = path.with_name(path.stem + SIDECAR_SUFFIX)
        if side.is_file():
            shutil.copyfile(side, work.with_name(side.name))
        r = workers.process(str(work))
        lid = leaflet_id(path)
        # the others take part as summaries of the groups this leaflet's facts are in
        corpus = Corpus(facts={k: [] for k in self.others.facts if k != lid}, focus={lid},
                        others=self.others.focused_on(lid))
        result = orchestrate.lint_results(corpus, [r], self.config, self.brands, None, {})
        here = [d for d in result.diagnostics if orchestrate.concerns(d, {lid})]
        return [_moved(d, str(work), str(path)) for d in here]

    def close(self) -> None:
        if self.started:
            workers.stop_worker()
        shutil.rmtree(self.scratch, ignore_errors=True)


def _moved(d: Diagnostic, old: str, new: str) -> Diagnostic:
    related = tuple(replace(r, path=new) if r.path == old else r for r in d.related)
    return replace(d, path=new if d.path == old else d.path, related=related)


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def path_of(uri: str) -> Path:
    return Path(unquote(urlparse(uri).path))


# -- positions: leaflint counts code points from 1, LSP counts UTF-16 units from 0 ------------------

def _utf16(line: str, column: int) -> int:
    prefix = line[: max(column - 1, 0)]
    return len(prefix.encode("utf-16-le")) // 2 + max(column - 1 - len(prefix), 0)


def _position(lines: list[str], line: int, column: int) -> lsp.Position:
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return lsp.Position(line=max(line - 1, 0), character=_utf16(text, column))


def _range(lines: list[str], line: int, column: int, end_line: int | None, end_column: int | None) -> lsp.Range:
    start = _position(lines, line, column)
    if end_line and end_column:
        return lsp.Range(start=start, end=_position(lines, end_line, end_column))
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return lsp.Range(start=start, end=_position(lines, line, len(text) + 1))


def to_lsp(d: Diagnostic, lines: list[str]) -> lsp.Diagnostic:
    related = [lsp.DiagnosticRelatedInformation(
        location=lsp.Location(uri=Path(r.path).resolve().as_uri(),
                              range=lsp.Range(start=lsp.Position(line=max(r.line - 1, 0), character=max(r.column - 1, 0)),
                                              end=lsp.Position(line=max(r.line - 1, 0), character=max(r.column - 1, 0)))),
        message=r.message or "related") for r in d.related]
    message = d.message + (f" ({', '.join(d.suggestions[:3])})" if d.suggestions and not d.fixes else "")
    return lsp.Diagnostic(range=_range(lines, d.line, d.column, d.end_line, d.end_column), message=message,
                          severity=_SEVERITY.get(d.severity, lsp.DiagnosticSeverity.Information),
                          code=d.rule, source="leaflint", related_information=related or None)


def code_actions(uri: str, found: list[Diagnostic], lines: list[str], wanted: lsp.Range) -> list[lsp.CodeAction]:
    actions = []
    for d in found:
        diag = to_lsp(d, lines)
        if diag.range.end.line < wanted.start.line or diag.range.start.line > wanted.end.line:
            continue
        for fix in d.fixes:
            actions.append(lsp.CodeAction(
                title=f"leaflint: vervang door '{fix.replacement}'", kind=lsp.CodeActionKind.QuickFix,
                diagnostics=[diag], is_preferred=fix.safe and fix is d.fix,
                edit=lsp.WorkspaceEdit(changes={uri: [lsp.TextEdit(range=_fix_range(fix, lines), new_text=fix.replacement)]})))
    return actions


def _fix_range(fix: Fix, lines: list[str]) -> lsp.Range:
    return _range(lines, fix.line, fix.column, fix.end_line, fix.end_column)


# -- the server ---------------------------------------------------------------------------------

class LeaflintServer(LanguageServer):
    def __init__(self):
        super().__init__("leaflint", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Full)
        self.checker: LeafletChecker | None = None
        self.ready = False
        self.config_path: Path | None = None  # `leaflint --config FILE lsp`
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="leaflint-check")
        self.pending: dict[str, asyncio.Task] = {}
        self.found: dict[str, list[Diagnostic]] = {}
        self.debounce = DEBOUNCE_SECONDS

    def setup(self, params: lsp.InitializeParams) -> None:
        options = params.initialization_options or {}
        root = path_of(params.root_uri) if params.root_uri else Path.cwd()
        cfg_path = Path(options["config"]) if options.get("config") else self.config_path or find_config(root)
        config = load_config(cfg_path)
        corpus = Path(options["corpus"]) if options.get("corpus") else config.sources / "leaflets"
        self.debounce = float(options.get("debounce", DEBOUNCE_SECONDS))
        self.ready = True
        # the checker lives on the one check thread (its services are not shared between threads);
        # checks queue behind the corpus being read
        self.executor.submit(self._start, config, corpus)

    def _start(self, config: Config, corpus: Path) -> None:
        self.checker = LeafletChecker(config, corpus)
        self.checker.load_corpus()

    def _check(self, path: Path, text: str) -> list[Diagnostic]:
        return self.checker.check(path, text) if self.checker is not None else []

    def schedule(self, uri: str) -> None:
        if path_of(uri).suffix.lower() not in TEXT_SUFFIXES or not self.ready:
            return
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        self.pending[uri] = asyncio.ensure_future(self._check_later(uri))

    async def _check_later(self, uri: str) -> None:
        await asyncio.sleep(self.debounce)
        doc = self.workspace.get_text_document(uri)
        text, version = doc.source, doc.version
        found = await asyncio.get_running_loop().run_in_executor(
            self.executor, self._check, path_of(uri), text)
        if self.workspace.get_text_document(uri).version != version:
            return  # edited meanwhile: the newer check publishes
        self.found[uri] = found
        lines = text.splitlines()
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=[to_lsp(d, lines) for d in found]))


server = LeaflintServer()


@server.feature(lsp.INITIALIZE)
def _initialize(ls: LeaflintServer, params: lsp.InitializeParams) -> None:
    ls.setup(params)


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
def _did_open(ls: LeaflintServer, params: lsp.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
def _did_change(ls: LeaflintServer, params: lsp.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
def _did_save(ls: LeaflintServer, params: lsp.DidSaveTextDocumentParams) -> None:
    if ls.ready:
        ls.executor.submit(lambda: ls.checker and ls.checker.saved(path_of(params.text_document.uri)))


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def _did_close(ls: LeaflintServer, params: lsp.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.found.pop(uri, None)
    ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]))
def _code_action(ls: LeaflintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
    uri = params.text_document.uri
    lines = ls.workspace.get_text_document(uri).source.splitlines()
    return code_actions(uri, ls.found.get(uri, []), lines, params.range)


@server.feature(lsp.SHUTDOWN)
def _shutdown(ls: LeaflintServer, params) -> None:
    ls.executor.submit(lambda: ls.checker and ls.checker.close())
    ls.executor.shutdown(wait=True, cancel_futures=True)


def main(config_path: Path | None = None) -> None:
    server.config_path = config_path
    server.start_io()
