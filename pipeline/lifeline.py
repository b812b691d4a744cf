"""Worker processes die with the process that started them.

A killed ``leaflint run`` (kill -TERM, kill -9, a CI job cancelled) must not leave pool workers of
about 100 MB each waiting forever on a pipe, nor keep a ``leaflint run | cat`` pipe open. Each
worker asks the Linux kernel for SIGTERM when its parent dies (``prctl(PR_SET_PDEATHSIG)``); a
parent that died before the request was made is noticed by its pid having changed.
"""

from __future__ import annotations

import ctypes
import os
import signal

PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int) -> None:
    """Call first thing in a worker process (a pool initializer)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the pools' own shutdown is all there is
        pass
    if os.getppid() != parent_pid:
        os._exit(1)
