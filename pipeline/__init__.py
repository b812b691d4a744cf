"""leaflint: content-consistency linting and publishing for Dutch patient leaflets."""

__version__ = "0.1.0"
