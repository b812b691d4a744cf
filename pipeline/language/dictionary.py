"""The Dutch (or another) hunspell dictionary, opened only when a word's answer is not yet known.

Opening nl_NL costs about 0.2 s of CPU (and as much again to free it when the process ends),
more than a re-lint of one edited leaflet spends on its words. The answers of ``check`` are kept
between runs in the result store, one entry per word and dictionary, under the digest of the code,
data and engines (the dictionary's version among them), so a run whose words were all looked up
before never opens it; a new word opens it once and its answer is kept for the next run. A run
reads the answers of the words it asks about, not those of every word the library ever had, and
whether the dictionary exists is kept the same way (loading the enchant library to ask costs more
than the words of one leaflet): under the same engines and data the answer is the same.
"""

from __future__ import annotations

from functools import lru_cache

MEMO = "dictionary word"  # the memo's name: one answer per word
EXISTS = "\0exists"  # the memo's question whether the dictionary exists (no word holds a NUL)


class KeptDictionary:
    """``check``/``suggest`` like enchant's Dict; ``check`` answers from kept answers first."""

    def __init__(self, tag: str, exists: bool = False):
        """``exists``: known to exist under the present engines and data (kept), not asked again."""
        if not exists:
            import enchant  # imported here so that a missing library becomes a clear note, not a crash

            if not enchant.dict_exists(tag):  # the check enchant.Dict makes, without loading the word list
                raise enchant.errors.DictNotFoundError(f"Dictionary for language '{tag}' could not be found")
        self.tag = tag
        self._dict = None
        self.memo = None
        self._answers: dict[str, bool] = {}

    def keep(self, memo) -> None:
        """Answer from ``memo`` (result_store.Memo), one word at a time; new answers are written there on ``close``."""
        self.memo = memo
        for word, hit in self._answers.items():  # asked before the run's store was known
            memo.put(word, hit)

    def _opened(self):
        if self._dict is None:
            self._dict = enchant_dict(self.tag)
        return self._dict

    def check(self, word: str) -> bool:
        hit = self._answers.get(word)
        if hit is None and self.memo is not None:
            hit = self.memo.get(word)
        if hit is None:
            hit = bool(self._opened().check(word))
            if self.memo is not None:
                self.memo.put(word, hit)
        self._answers[word] = hit
        return hit

    def suggest(self, word: str) -> list[str]:
        return self._opened().suggest(word)

    def close(self) -> None:
        if self.memo is not None:
            self.memo.close()
        self.memo = None
        _shared.pop(self.tag, None)


_shared: dict[str, KeptDictionary] = {}
_opened_dicts: dict = {}


def enchant_dict(tag: str):
    """enchant's dictionary for ``tag``, opened once per process (about 0.15 s to open and as much to
    free): the runs one process makes one after the other (the language server, the test suite) and
    the modules that ask (spelling, residue) share it; it holds no state of a run. Raises
    enchant's errors when the dictionary is missing."""
    d = _opened_dicts.get(tag)
    if d is None:
        import enchant

        d = _opened_dicts[tag] = enchant.Dict(tag)
    return d


def shared(tag: str = "nl_NL", exists: bool = False) -> KeptDictionary:
    """The process's one dictionary for ``tag`` (raises enchant's errors when it is missing)."""
    d = _shared.get(tag)
    if d is None:
        d = _shared[tag] = KeptDictionary(tag, exists)
    return d


def kept(ctx, tag: str = "nl_NL") -> KeptDictionary:
    """``shared(tag)``, its answers kept in the run's result store (``ctx.memos``) when it has one;
    closed (new answers written) with the run's other services."""
    def make():
        memo = ctx.memos.memo(MEMO, tag) if ctx.memos is not None else None
        known = memo is not None and memo.get(EXISTS) is True
        d = shared(tag, exists=known)
        if memo is not None and d.memo is None:
            d.keep(memo)
            if not known:
                memo.put(EXISTS, True)  # it was found (here or when made earlier in this process)
        elif memo is not None:
            memo.close()  # kept in another run's memo already
        return d
    return ctx.service(f"dictionary:{tag}", make)


_MISSING: list[bool] = []  # the Dutch dictionary was found missing in this process


def dutch_or_none() -> KeptDictionary | None:
    """``shared("nl_NL")``, or None without pyenchant or a Dutch dictionary: for the grammar checks that
    only consult it (the spelling rule, which needs it, reports the missing dictionary as a failure)."""
    if _MISSING:
        return None
    try:
        return shared("nl_NL")
    except Exception:  # noqa: BLE001 - no pyenchant or no Dutch dictionary
        _MISSING.append(True)
        return None


def dutch_word(word: str) -> bool:
    """Whether the Dutch dictionary has ``word``; False without one."""
    d = dutch_or_none()
    return d is not None and d.check(word)


@lru_cache(maxsize=1)
def listed_words() -> frozenset[str]:
    """The words the Dutch dictionary lists as entries of their own (its word file, without the affix
    flags): the compounds its makers wrote down ("urinemonster", "ruggenprik"), unlike the joins
    hunspell allows of almost any two words. Empty without the file."""
    from pipeline.tools import TOOLS

    try:
        with open(TOOLS["enchant"].data[0], encoding="utf-8", errors="replace") as f:
            next(f, None)  # the first line counts the entries
            return frozenset(line.split("/", 1)[0].strip().lower() for line in f)
    except OSError:
        return frozenset()


def listed_noun(word: str) -> bool:
    """``word`` (small letters) or its singular is an entry of the dictionary's word file, and the
    dictionary takes the form ("urinemonsters": urinemonster)."""
    from pipeline.language.inflection import plural_bases

    entries = listed_words()
    return any(f in entries for f in {word, *plural_bases(word)}) and dutch_word(word)
