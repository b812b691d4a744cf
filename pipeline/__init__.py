"""leaflint: content-consistency linting and publishing for Dutch patient leaflets."""

__version__ = "0.1.0"

# Before any module of the package defines a dataclass or compiles a pattern: both are made from
# what earlier processes compiled (kept in __pycache__ like bytecode), see their modules.
from pipeline import kept_code, patterns  # noqa: E402

kept_code.install()
patterns.install()
