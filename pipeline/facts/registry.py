"""Alias of :mod:`pipeline.facts.reference` (the reference registry), for callers that use this name."""

from pipeline.facts.reference import (  # noqa: F401
    REFERENCE_PATH, Citation, ReferenceValue, Registry, default_registry, load_registry,
)
