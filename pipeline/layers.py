"""The layers of leaflint, lowest first. A module may import modules of its own layer and of the
layers below it, never of a layer above (tests/test_layers.py checks every import, including those
inside functions). docs/architecture.md explains each layer and the data that flows through them.

A module belongs to the layer of the longest name below that matches it (``pipeline.facts.stage``
is in ``corpus``, the rest of ``pipeline.facts`` in ``analysis``); ``pipeline`` itself names only
the package's ``__init__``, so a new top-level module must be placed here.
"""

from __future__ import annotations

LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # paths, messages, data files, the finding and its fingerprint, the result store: used by all
    ("foundation", ("pipeline", "pipeline.layers", "pipeline.paths", "pipeline.i18n", "pipeline.yamlio", "pipeline.tools",
                    "pipeline.lifeline", "pipeline.progress", "pipeline.text", "pipeline.links",
                    "pipeline.diagnostic", "pipeline.problems", "pipeline.fingerprint", "pipeline.fix",
                    "pipeline.baseline", "pipeline.changed", "pipeline.result_store", "pipeline.language.data",
                    "pipeline.patterns", "pipeline.literals", "pipeline.kept_code", "pipeline.language.residue_layout",
                    "pipeline.language.residue_shapes")),
    # a file in any format -> Document (text blocks with their source positions)
    ("ingest", ("pipeline.ingest",)),
    # Document -> facts, tokens, sentences, phone numbers, readability
    ("analysis", ("pipeline.facts", "pipeline.language")),
    # the leaflets, sidecars and brand profiles of a project read together; facts of a corpus
    ("corpus", ("pipeline.corpus", "pipeline.facts.stage", "pipeline.brands")),
    # configuration, rules and the engine: -> diagnostics
    ("lint", ("pipeline.lint",)),
    # diagnostics -> output formats, the review report, the Word round trip; leaflets -> HTML/PDF
    ("output", ("pipeline.report", "pipeline.render", "pipeline.review")),
    # runs: per-leaflet work in workers, cache keys, the result store, cross-leaflet rules
    ("orchestration", ("pipeline.orchestrate", "pipeline.workers", "pipeline.cache_keys")),
    # what people run: the command line, the language server, the environment check
    ("interface", ("pipeline.cli", "pipeline.__main__", "pipeline.lsp", "pipeline.doctor")),
    # measurement, on top of everything
    ("bench", ("pipeline.bench",)),
)

# Imports that go up on purpose, each with its reason.
UPWARD_ALLOWED: dict[tuple[str, str], str] = {
    ("pipeline.i18n", "pipeline.cli"): "`python -m pipeline.i18n update` collects the CLI's help texts "
                                       "for the message catalog (a developer command, never run by a lint)",
}


def layer_of(module: str) -> int:
    """The index in LAYERS of ``module`` (a dotted name under ``pipeline``)."""
    best, index = -1, -1
    for i, (_name, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            package = prefix != "pipeline" and module.startswith(prefix + ".")
            if (module == prefix or package) and len(prefix) > best:
                best, index = len(prefix), i
    if index < 0:
        raise KeyError(f"{module} is in no layer of pipeline.layers.LAYERS")
    return index
