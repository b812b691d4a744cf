"""The benchmark behind `make bench`: a synthetic corpus generator and a harness that times
leaflint (cold, warm, one edit, per stage, peak memory) against the tools people would use
instead (hunspell, one weasyprint process per document, headless Chromium).

Not part of the pipeline: no stage imports this package.
"""
