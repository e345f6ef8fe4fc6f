"""Worker processes that end with the build: each process a build forks asks the kernel to kill
it when the build's process dies (Linux prctl PR_SET_PDEATHSIG), so `kill -9` on a build leaves
no worker behind, writing files or waiting on a pipe."""
from __future__ import annotations

import ctypes
import os
import signal

PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """A pool initializer: initargs=(os.getpid(),) of the process that makes the pool."""
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return                   # not Linux: nothing to ask
    prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:   # the parent died before we asked
        os._exit(1)
