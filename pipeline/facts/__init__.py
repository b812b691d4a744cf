"""Facts: Dutch quantities -> catalog facts per leaflet, fact files, reference registry.

quantity  parse_quantities(text) -> [Quantity]            numbers, ranges, bounds, hedges, units
catalog   load_catalog(path) -> Catalog                   schema/catalog.yaml (fact kinds as data)
extract   extract_document(doc, catalog) -> [Fact]        cues in sentence, heading, context
stage     extract_corpus / write_fact_files / load_fact_files / pin_fact
reference load_registry(path) -> Registry                 schema/reference.yaml, with citations
compare   conflict semantics shared by facts.conflict and facts.internal-conflict
"""
