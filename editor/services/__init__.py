"""What the program can do: the operations of the gazette editor over an open store."""

from editor.services.gazette import Change, GazetteService, IssueSummary, Revision

__all__ = ["Change", "GazetteService", "IssueSummary", "Revision"]
