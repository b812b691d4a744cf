"""Facts: Dutch quantities -> catalog facts per leaflet, fact files, reference registry.

quantity  parse_quantities(text) -> [Quantity]            numbers, ranges, bounds, hedges, units
catalog   load_catalog(path) -> Catalog                   topics/<topic>/catalog.yaml (fact kinds as data)
extract   extract_document(doc, catalog) -> [Fact]        cues in sentence, heading, context
stage     extract_corpus / write_fact_files / load_fact_files / pin_fact
reference load_registry(path) -> Registry                 topics/<topic>/reference.yaml, with citations
topics    find(name) / by_topic(facts) -> [TopicFacts]     a leaflet's topic: its catalog, reference, words
compare   conflict semantics shared by facts.conflict and facts.internal-conflict
"""
