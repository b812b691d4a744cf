"""Brand profiles: how a practice publishes a leaflet (name, logo, colours, contact, leaflets).

Read by the lint rules (``brand.invalid``, the phone-number rules) and by rendering:
:mod:`~pipeline.brands.load` reads and checks the files, :mod:`~pipeline.brands.errors` words their
problems, :mod:`~pipeline.brands.publishing` says who publishes a leaflet and which numbers it may
print, :mod:`~pipeline.brands.colour` does the colour maths.
"""
