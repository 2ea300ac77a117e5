"""Gazette editor: compose, check and typeset municipal government gazette issues."""

__version__ = "0.1.0"
