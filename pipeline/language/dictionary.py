"""The Dutch (or another) hunspell dictionary, opened only when a word's answer is not yet known.

Opening nl_NL costs about 0.2 s of CPU (and as much again to free it when the process ends),
more than a re-lint of one edited leaflet spends on its words. The answers of ``check`` are kept
between runs in the result store, one entry per word and dictionary, under the digest of the code,
data and engines (the dictionary's version among them), so a run whose words were all looked up
before never opens it; a new word opens it once and its answer is kept for the next run. A run
reads the answers of the words it asks about, not those of every word the library ever had.
"""

from __future__ import annotations

MEMO = "dictionary word"  # the memo's name: one answer per word


class KeptDictionary:
    """``check``/``suggest`` like enchant's Dict; ``check`` answers from kept answers first."""

    def __init__(self, tag: str):
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
            import enchant

            self._dict = enchant.Dict(self.tag)
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


def shared(tag: str = "nl_NL") -> KeptDictionary:
    """The process's one dictionary for ``tag`` (raises enchant's errors when it is missing)."""
    d = _shared.get(tag)
    if d is None:
        d = _shared[tag] = KeptDictionary(tag)
    return d


def kept(ctx, tag: str = "nl_NL") -> KeptDictionary:
    """``shared(tag)``, its answers kept in the run's result store (``ctx.memos``) when it has one;
    closed (new answers written) with the run's other services."""
    def make():
        d = shared(tag)
        if ctx.memos is not None and d.memo is None:
            d.keep(ctx.memos.memo(MEMO, tag))
        return d
    return ctx.service(f"dictionary:{tag}", make)
