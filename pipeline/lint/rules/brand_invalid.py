"""A brand profile that cannot be used: YAML or schema error, no phone, missing or escaping logo.

pass: a brand with name, logo file inside sources/brands/, colours, contact.phone and leaflets
fail: a brand whose logo is '../../etc/passwd' or that has no contact.phone
"""

ID = "brand.invalid"
LEVEL = "error"
SCOPE = "corpus"
OPTIONS: dict = {}


def check(corpus, conf, ctx):
    # pipeline.render.brand.load_brands records these while reading; the engine stamps the level.
    return iter(())
