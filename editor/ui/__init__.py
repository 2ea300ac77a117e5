"""The PySide6 desktop app (the only package that imports Qt).

Work-around applied on import: shiboken6 6.12 returns ``None`` (and ``True``/``False`` on some
paths) from Qt calls without taking a reference on Python 3.11 — it relies on these singletons
being immortal, which they are only from Python 3.12. Every such call lowers the reference count
by one, and a long editing session (or a big table) ends in "Fatal Python error: none_dealloc" or
"bool_dealloc". On Python < 3.12 we give the singletons so many references that they can never
reach zero.
"""

from __future__ import annotations

import sys

if sys.version_info < (3, 12) and sys.implementation.name == "cpython":
    import ctypes

    for _singleton in (None, True, False, NotImplemented, Ellipsis):
        ctypes.c_ssize_t.from_address(id(_singleton)).value += 1 << 40
    del _singleton
