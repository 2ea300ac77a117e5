"""The project's own exception types: errors a user can act on, in plain words."""


class GazetteError(Exception):
    """Base of every error shown to the user as a message rather than a traceback."""


class ContentError(GazetteError):
    """Body or archive XML that is malformed, hostile or does not follow the schema."""


class StoreError(GazetteError):
    """The store cannot be opened, is of another version, or refused a change."""


class ConflictError(StoreError):
    """Someone else saved the same document since it was loaded; nothing was overwritten."""


class NotFoundError(StoreError):
    """The issue, section or document asked for does not exist."""


class ReadOnlyError(StoreError):
    """The issue is final and must be reopened before it can be changed."""


class ImportRefused(GazetteError):
    """A file to import is broken, encrypted, too large or hostile."""


class LayoutError(GazetteError):
    """A layout file is missing, malformed or has a bad value (names file and key)."""


class FontError(GazetteError):
    """No usable font for a role, or a font file that cannot be read."""
