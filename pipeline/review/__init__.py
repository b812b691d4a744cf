"""The reviewer's Word round trip.

``leaflint review PATH --format docx`` writes ``output/review/<id>.docx``: a first page with the
leaflet's facts (value here, the reference and its source, the other leaflets' values, findings)
and the leaflet's text with each finding as a Word comment on the flagged words (message,
reference and citation, other leaflets, the suggested replacement).

``leaflint review --import FILE.docx`` reads the reviewer's answers: a reply (or a paragraph added
to the comment) "akkoord" accepts the suggestion (a pin in the sidecar for a fact, the fix for
text), "afwijzen: <reden>" writes a waiver with that reason, the comment's author as reviewer and
an expiry one year ahead; a comment marked resolved without an answer counts as "akkoord".

Modules: ``anchors`` (finding -> place in the blocks), ``comments`` (comment text, and reading it
back), ``export`` (the .docx), ``docx_read`` (comments, replies and resolved marks of a .docx),
``decisions`` (answers -> pins, waivers, fixes).
"""
