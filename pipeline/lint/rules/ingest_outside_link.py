"""A file that is a symbolic link out of the given folders and the project: not read.

A folder received from elsewhere may hold a leaflet, sidecar, brand, word list or waivers file
that is a link to /etc/passwd or a file in someone's home folder; read, its text would end up in
the PDF, the HTML and the CI annotations. leaflint reads a link only when its target lies inside
the folders given on the command line, the project (the folder of leaflint.yaml), its sources or
its output; ``leaflint --follow-symlinks`` reads every link.

pass: a leaflet that is a link to another file in the same folder
fail: sources/leaflets/a.txt -> /etc/passwd
"""

from __future__ import annotations

from pipeline.problems import Kind, of_kind

ID = "ingest.outside-link"
LEVEL = "error"
SCOPE = "corpus"
PROBLEMS = (Kind.OUTSIDE_LINK,)


def check(corpus, conf, ctx):
    for problem in of_kind(corpus.problems, Kind.OUTSIDE_LINK):
        yield problem.finding()
