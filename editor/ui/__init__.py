"""The PySide6 desktop app (the only package that imports Qt).

Work-around applied on import: shiboken6 6.12 returns ``None`` from Qt calls without taking a
reference on Python 3.11 (it relies on ``None`` being immortal, which it is only from Python
3.12). Every void Qt call then lowers ``None``'s reference count by one, and a long editing
session (or a big table) ends in "Fatal Python error: none_dealloc". On Python < 3.12 we give
``None`` so many references that it can never reach zero.
"""

from __future__ import annotations

import sys

if sys.version_info < (3, 12) and sys.implementation.name == "cpython":
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
