"""All measurement code. The benchmark behind `make bench`: a synthetic corpus generator and a
harness that times leaflint (cold, warm, one edit, per stage, peak memory, the language server)
against the tools people would use instead (hunspell, one weasyprint process per document,
headless Chromium). Besides it, one module per measured stage, each a command:
``python -m pipeline.bench.ingest_speed`` (readers per format), ``.language_speed`` (spelling and
grammar throughput; ``--real`` scores the language rules on saved real pages, ``language_real``),
``.facts_quality`` (fact precision and recall on annotated sets and real pages),
``.render_speed`` (PDF throughput).

Not part of the pipeline: no stage imports this package.
"""
