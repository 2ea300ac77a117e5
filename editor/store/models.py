"""The store's tables as peewee models, bound through one database proxy.

Every model is bound to ``database_proxy``. ``open_store`` points the proxy at the
database it opened (the Vorta pattern: bind once at start-up); ``Store.bound()``
overrides that binding for the current thread or task only, so two stores can be open
in one process (two editors on one file in tests, a server and a local file in a tool)
without either seeing the other's tables.

A document row has one column per declared field (``editor.model.fields``) and keeps its body as XML text (the body format of ``editor.content.body``)
and its attachments as one XML text beside it; a ``Revision`` row is a full copy of a
document's content as it was before a save. Images are kept per issue under their ref,
which is the SHA-1 of their bytes for images added through the service.
"""

from __future__ import annotations

from contextvars import ContextVar

import peewee

from editor.model.fields import DOCUMENT_FIELDS, FieldSpec

_bound: ContextVar[peewee.Database | None] = ContextVar("gazette_store_db", default=None)


class StoreProxy(peewee.DatabaseProxy):
    """A ``DatabaseProxy`` whose target can be overridden per thread or task.

    ``initialize(db)`` sets the process-wide default; ``bind(db)`` / ``unbind(token)``
    override it in the current context only.
    """

    __slots__ = ("_default",)

    def __setattr__(self, attr: str, value: object) -> None:
        object.__setattr__(self, attr, value)

    @property
    def obj(self) -> peewee.Database | None:  # type: ignore[override]
        """The database queries go to: the context's binding, else the default."""
        db = _bound.get()
        return db if db is not None else getattr(self, "_default", None)

    @obj.setter
    def obj(self, value: peewee.Database | None) -> None:
        object.__setattr__(self, "_default", value)

    @property
    def default(self) -> peewee.Database | None:
        """The process-wide default target (ignoring any context override)."""
        return getattr(self, "_default", None)

    @staticmethod
    def bind(db: peewee.Database):  # -> contextvars.Token
        """Route this context's queries to ``db``; returns a token for ``unbind``."""
        return _bound.set(db)

    @staticmethod
    def unbind(token) -> None:  # noqa: ANN001 - a contextvars.Token
        """Undo one ``bind``."""
        _bound.reset(token)


database_proxy = StoreProxy()


class BaseModel(peewee.Model):
    """Base of every table of the store."""

    class Meta:
        database = database_proxy
        legacy_table_names = False


class SchemaVersion(BaseModel):
    """One row: the schema version of this store (see ``editor.store.migrations``)."""

    version = peewee.IntegerField()

    class Meta:
        table_name = "schema_version"


class PublicationRow(BaseModel):
    """The gazette itself (one row)."""

    title = peewee.TextField(default="")
    title_mongolian = peewee.TextField(default="")
    sponsor = peewee.TextField(default="")
    address = peewee.TextField(default="")
    postcode = peewee.TextField(default="")
    telephone = peewee.TextField(default="")
    serial_numbers = peewee.TextField(default="")
    price = peewee.TextField(default="")
    frequency = peewee.TextField(default="")
    default_layout = peewee.TextField(default="")

    class Meta:
        table_name = "publication"


class IssueRow(BaseModel):
    """One issue; ``year`` and ``number`` together name it (``2025-3``)."""

    year = peewee.IntegerField()
    number = peewee.IntegerField()
    cumulative = peewee.IntegerField()
    pub_date = peewee.DateField()
    status = peewee.CharField(max_length=16, default="draft")
    proof_round = peewee.IntegerField(default=0)

    class Meta:
        table_name = "issue"
        indexes = ((("year", "number"), True),)


class SectionRow(BaseModel):
    """A column (栏目) of an issue, at ``position`` among the issue's sections."""

    issue = peewee.ForeignKeyField(IssueRow, backref="sections", on_delete="CASCADE")
    name = peewee.TextField()
    position = peewee.IntegerField()

    class Meta:
        table_name = "section"
        indexes = ((("issue", "name"), True),)


class DocumentRow(BaseModel):
    """A document at ``position`` in its section; ``version`` counts its saves."""

    uid = peewee.CharField(max_length=64, unique=True)
    section = peewee.ForeignKeyField(SectionRow, backref="documents", on_delete="CASCADE")
    position = peewee.IntegerField()
    # the content columns (content_fields()) are added below, from the declaration
    search_text = peewee.TextField(default="")  # plain text for substring search (schema 2)
    version = peewee.IntegerField(default=1)
    saved_at = peewee.DateTimeField()

    class Meta:
        table_name = "document"


class RevisionRow(BaseModel):
    """A document's content as it was at version ``number``, kept when it was replaced."""

    document = peewee.ForeignKeyField(DocumentRow, backref="revisions", on_delete="CASCADE")
    number = peewee.IntegerField()
    saved_at = peewee.DateTimeField()
    # the content columns (content_fields()) are added below, from the declaration

    class Meta:
        table_name = "revision"
        indexes = ((("document", "number"), True),)


class ImageRow(BaseModel):
    """Image bytes of an issue under their ref (the SHA-1 hex of the bytes)."""

    issue = peewee.ForeignKeyField(IssueRow, backref="image_rows", on_delete="CASCADE")
    ref = peewee.CharField(max_length=128)
    data = peewee.BlobField()

    class Meta:
        table_name = "image"
        indexes = ((("issue", "ref"), True),)


def field_column(spec: FieldSpec) -> peewee.Field:
    """The column that keeps a declared field: a date column for a date, else text (a list is
    kept as JSON text), defaulting to the empty value."""
    if spec.codec.column == "date":
        return peewee.DateField(null=True)
    return peewee.TextField(default=spec.codec.to_store(spec.codec.empty()))


def add_content_columns(spec: FieldSpec) -> None:
    """Give the document and the revision table the column of ``spec``.

    Called here for every declared field; a store that predates a field gets the column from
    its migration step. The body and the attachments come after the declared fields.
    """
    for model in (DocumentRow, RevisionRow):
        model._meta.add_field(spec.name, field_column(spec))


for _spec in DOCUMENT_FIELDS:
    add_content_columns(_spec)
for _model in (DocumentRow, RevisionRow):
    _model._meta.add_field("body", peewee.TextField())  # <body> XML
    _model._meta.add_field("attachments", peewee.TextField(default=""))  # <attachments> XML, "" when none


def content_fields() -> tuple[str, ...]:
    """Columns a document row and a revision row share: the document's whole content (the
    declared fields, the body and the attachments)."""
    return (*DOCUMENT_FIELDS.names(), "body", "attachments")


ALL_MODELS: tuple[type[BaseModel], ...] = (
    SchemaVersion,
    PublicationRow,
    IssueRow,
    SectionRow,
    DocumentRow,
    RevisionRow,
    ImageRow,
)
"""Every table, in creation order (referenced tables first)."""
