"""The PySide6 desktop app (the only package that imports Qt).

PySide6 is kept below 6.12 (see pyproject.toml): shiboken6 6.12.0 on Python 3.11 returns
``None``/``True``/``False`` from Qt calls without taking a reference, which ends a long
editing session in "Fatal Python error: none_dealloc". tests/gui/test_app.py guards this.
"""
