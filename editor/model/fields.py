"""The fields of a document and of an attachment, declared once.

A :class:`FieldSpec` says what the program knows about one field: its attribute in the model,
its type (a :class:`Codec`: how a value is written as text and read back), its element or
attribute in the XML archive, its key in the JSON form, its English label in the desktop form
(the form translates it) and how the form checks it. The archive, the store rows, the recovery
journal, the JSON form and the desktop form iterate over :data:`DOCUMENT_FIELDS` and
:data:`ATTACHMENT_FIELDS`. A new document field is one attribute of the model plus one entry
here, and one migration for the store's column (``editor.store.migrations``).

The order of a declaration is the order of the archive's elements. ``uid`` (the identity) and
the bodies (block lists) are not fields: every serialiser handles them itself.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from editor.model.gazette import DOCUMENT_KINDS, Attachment, Document

#: Separators between the items of a list typed on one line (the form's issuing organs).
LIST_SEPARATORS = re.compile(r"[、,，;；\s]+")
#: What a document number looks like: 包府发〔2025〕12号.
DOC_NUMBER = re.compile(r"^\S+〔(\d{4})〕([1-9]\d*)号$")


class Codec:
    """How the values of one field type are written and read back.

    ``to_json``/``from_json`` keep a value whole (the recovery journal); ``to_plain`` gives the
    one value a reader sees (the JSON form, a line of the desktop form) and ``from_plain`` reads
    such a line; ``to_texts``/``from_texts`` give the archive's element texts (none for an empty
    value); ``to_store``/``from_store`` give the store's column value, of ``column`` type
    (``"text"`` or ``"date"``).
    """

    column = "text"
    expected = "text"  # what a value is written as, for messages
    plain_note = ""  # how ``to_plain`` writes a value, for help texts

    def empty(self) -> Any:
        """The value of an unset field."""
        return ""

    def is_empty(self, value: Any) -> bool:
        """True when ``value`` holds nothing."""
        return not value

    def accepts(self, value: Any) -> bool:
        """True when ``value`` is of this type (the store refuses anything else)."""
        return True

    def to_json(self, value: Any) -> Any:
        """``value`` as a JSON value that keeps all of it."""
        return "" if value is None else str(value)

    def from_json(self, data: Any) -> Any:
        """The value :meth:`to_json` wrote (None: the empty value)."""
        return "" if data is None else str(data)

    def to_plain(self, value: Any) -> str | None:
        """``value`` as one string for a reader (None: no value where the type allows it)."""
        return "" if value is None else str(value)

    def from_plain(self, text: str) -> Any:
        """The value of a line typed by a user."""
        return text

    def to_texts(self, value: Any) -> list[str]:
        """The texts of ``value``'s archive elements (none when it is empty)."""
        return [value] if value else []

    def from_texts(self, texts: list[str]) -> Any:
        """The value of archive elements' texts (``ValueError`` for a text of the wrong form)."""
        return texts[0] if texts else ""

    def to_store(self, value: Any) -> Any:
        """``value`` as a store column holds it."""
        return value or ""

    def from_store(self, raw: Any) -> Any:
        """The value in a store column (None: the empty value)."""
        return raw or ""


class TextList(Codec):
    """A list of strings (the issuing organs): one archive element per item, JSON text in the
    store, joined with 、 on one line."""

    plain_note = "joined with 、"

    def empty(self) -> list[str]:
        return []

    def to_json(self, value: Any) -> list[str]:
        return [str(v) for v in value or []]

    def from_json(self, data: Any) -> list[str]:
        return [str(v) for v in data or []]

    def to_plain(self, value: Any) -> str:
        return "、".join(value or [])

    def from_plain(self, text: str) -> list[str]:
        return [p for p in LIST_SEPARATORS.split(text) if p]

    def to_texts(self, value: Any) -> list[str]:
        return [str(v) for v in value or []]

    def from_texts(self, texts: list[str]) -> list[str]:
        return list(texts)

    def to_store(self, value: Any) -> str:
        return json.dumps(self.to_json(value), ensure_ascii=False)

    def from_store(self, raw: Any) -> list[str]:
        return list(json.loads(raw or "[]"))


class OptionalDate(Codec):
    """A date or None, written YYYY-MM-DD; ``ValueError`` for text that is no such date."""

    column = "date"
    expected = "a date (YYYY-MM-DD)"
    plain_note = "YYYY-MM-DD or null"

    def empty(self) -> None:
        return None

    def is_empty(self, value: Any) -> bool:
        return value is None

    def accepts(self, value: Any) -> bool:
        return value is None or isinstance(value, date)

    def to_json(self, value: Any) -> str | None:
        return value.isoformat() if value else None

    def from_json(self, data: Any) -> date | None:
        return date.fromisoformat(data) if data else None

    to_plain = to_json

    def from_plain(self, text: str) -> date | None:
        return date.fromisoformat(text) if text else None

    def to_texts(self, value: Any) -> list[str]:
        return [value.isoformat()] if value else []

    def from_texts(self, texts: list[str]) -> date | None:
        return date.fromisoformat(texts[0]) if texts else None

    def to_store(self, value: Any) -> date | None:
        return value

    def from_store(self, raw: Any) -> date | None:
        if raw is None or isinstance(raw, date):
            return raw
        return date.fromisoformat(str(raw)[:10])  # some drivers hand back text


TEXT = Codec()
TEXT_LIST = TextList()
DATE = OptionalDate()


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name Qt's lupdate looks for
    """Mark ``text`` for translation in ``context`` without importing Qt; returns it unchanged."""
    return text


#: ``check(value, issue_date)`` returns a problem (English source text) or None.
Check = Callable[[Any, date | None], str | None]


@dataclass(frozen=True)
class FieldSpec:
    """One field of a document or an attachment, as every serialiser sees it."""

    name: str  # the model's attribute and the journal's key
    label: str  # English; the desktop form translates it (context "DocumentForm")
    codec: Codec = TEXT
    xml: str = ""  # the archive's element (or attribute) name; default: name with - for _
    xml_attribute: bool = False  # an attribute of the owner's element, not a child element
    keep_empty: bool = False  # write the element even when the value is empty
    json_key: str | None = ""  # the JSON form's key; "" means name, None leaves it out
    required: bool = False  # the store refuses an empty value
    choices: tuple[str, ...] = ()  # the form offers these (and still takes any text)
    placeholder: str = ""  # English; translated by the form
    tooltip: str = ""  # English; translated by the form
    check: Check | None = None  # the form's inline check

    @property
    def xml_name(self) -> str:
        """The archive's element or attribute name."""
        return self.xml or self.name.replace("_", "-")

    @property
    def json_name(self) -> str | None:
        """The JSON form's key, or None when the JSON form leaves the field out."""
        return self.name if self.json_key == "" else self.json_key

    @property
    def words(self) -> str:
        """The field's name in running English text ("doc number")."""
        return self.name.replace("_", " ")

    def is_missing(self, value: Any) -> bool:
        """True when the field is required and ``value`` is empty (or blank)."""
        return self.required and self.codec.is_empty(value.strip() if isinstance(value, str) else value)

    def problem(self, value: Any, issue_date: date | None = None) -> str | None:
        """The form's message for ``value`` (English source text), or None when it is fine."""
        if self.is_missing(value):
            return f"The {self.label.lower()} must not be empty."
        return self.check(value, issue_date) if self.check is not None else None


@dataclass
class FieldSet:
    """The declared fields of one model class, in archive order.

    ``model`` builds the objects the serialisers read; ``specs`` is the extension point: a
    field added to it (with its attribute on ``model``) is written and read by the archive,
    the store, the journal and the JSON form without further code.
    """

    model: type
    specs: tuple[FieldSpec, ...]

    def __iter__(self) -> Iterator[FieldSpec]:
        return iter(self.specs)

    def names(self) -> tuple[str, ...]:
        """The fields' names in declaration order."""
        return tuple(s.name for s in self.specs)

    def spec(self, name: str) -> FieldSpec:
        """The spec called ``name`` (``KeyError`` if none)."""
        for s in self.specs:
            if s.name == name:
                return s
        raise KeyError(name)

    def values(self, obj: object) -> dict[str, Any]:
        """The declared fields of ``obj`` by name."""
        return {s.name: getattr(obj, s.name) for s in self.specs}

    def build(self, values: Mapping[str, Any], **rest: Any) -> Any:
        """A ``model`` object from field values (a field left out takes the model's default)
        and ``rest`` (identity, bodies)."""
        known = {s.name for s in self.specs}
        return self.model(**{k: v for k, v in values.items() if k in known}, **rest)

    def to_json(self, obj: object) -> dict[str, Any]:
        """Every declared field of ``obj`` as JSON-ready values, under the field's name."""
        return {s.name: s.codec.to_json(getattr(obj, s.name)) for s in self.specs}

    def from_json(self, data: Mapping[str, Any]) -> dict[str, Any]:
        """Field values read back from :meth:`to_json` (absent keys are left out)."""
        return {s.name: s.codec.from_json(data[s.name]) for s in self.specs if s.name in data}

    def to_plain(self, obj: object) -> dict[str, Any]:
        """The JSON form's keys for ``obj``: each field's plain value, under its JSON key."""
        return {s.json_name: s.codec.to_plain(getattr(obj, s.name)) for s in self.specs if s.json_name}

    def texts(self, obj: object) -> Iterable[tuple[FieldSpec, str]]:
        """Every text held by the declared fields of ``obj`` (for checks of characters)."""
        for s in self.specs:
            for text in s.codec.to_texts(getattr(obj, s.name)):
                yield s, text

    def problems(self, values: Mapping[str, Any], issue_date: date | None = None) -> dict[str, str]:
        """The form's messages for ``values`` by field name (English source text)."""
        found = {s.name: s.problem(values.get(s.name), issue_date) for s in self.specs}
        return {name: text for name, text in found.items() if text}


def _doc_number_problem(value: Any, issue_date: date | None) -> str | None:
    number = str(value or "").strip()
    if not number:
        return None
    m = DOC_NUMBER.match(number)
    if not m:
        return QT_TRANSLATE_NOOP("DocumentForm", "A document number looks like 包府发〔2025〕12号: year in 〔〕, no leading zero.")
    if issue_date and int(m.group(1)) > issue_date.year:
        return QT_TRANSLATE_NOOP("DocumentForm", "The year of the number is after the issue's year.")
    return None


def _addressees_problem(value: Any, _issue_date: date | None) -> str | None:
    text = str(value or "")
    if text and not text.endswith("："):
        return QT_TRANSLATE_NOOP("DocumentForm", "Addressees end with a full-width colon (：).")
    return None


def _signing_date_problem(value: Any, issue_date: date | None) -> str | None:
    if isinstance(value, date) and issue_date and value > issue_date:
        return QT_TRANSLATE_NOOP("DocumentForm", "The signing date is after the issue's publication date.")
    return None


DOCUMENT_FIELDS = FieldSet(Document, (
    FieldSpec("kind", QT_TRANSLATE_NOOP("DocumentForm", "Kind"), xml_attribute=True, choices=DOCUMENT_KINDS),
    FieldSpec(
        "issuers", QT_TRANSLATE_NOOP("DocumentForm", "Issuing organs"), TEXT_LIST, xml="issuer", json_key="issuer",
        placeholder=QT_TRANSLATE_NOOP("DocumentForm", "e.g. 包头市人民政府 (several separated by 、)"),
    ),
    FieldSpec(
        "title", QT_TRANSLATE_NOOP("DocumentForm", "Title"), required=True,
        placeholder=QT_TRANSLATE_NOOP("DocumentForm", "Full title including the issuing organ"),
    ),
    FieldSpec(
        "subtitle", QT_TRANSLATE_NOOP("DocumentForm", "Subtitle"),
        placeholder=QT_TRANSLATE_NOOP("DocumentForm", "Optional line under the title"),
    ),
    FieldSpec(
        "toc_title", QT_TRANSLATE_NOOP("DocumentForm", "Contents entry"),
        json_key=None,  # the JSON form is of a parse result, and the importers never set it
        placeholder=QT_TRANSLATE_NOOP("DocumentForm", "Leave empty to use the title"),
        tooltip=QT_TRANSLATE_NOOP("DocumentForm", "The line the contents (目录) and the PDF bookmark show "
                                                  "when it differs from the printed title"),
    ),
    FieldSpec(
        "doc_number", QT_TRANSLATE_NOOP("DocumentForm", "Document number"),
        placeholder="包府发〔2025〕12号", check=_doc_number_problem,
    ),
    FieldSpec(
        "addressees", QT_TRANSLATE_NOOP("DocumentForm", "Addressees"),
        placeholder=QT_TRANSLATE_NOOP("DocumentForm", "e.g. 各旗县区人民政府，稀土高新区管委会，市直各有关部门："),
        check=_addressees_problem,
    ),
    FieldSpec("public_note", QT_TRANSLATE_NOOP("DocumentForm", "Publication note"), placeholder="（此件公开发布）"),
    FieldSpec(
        "signing_date", QT_TRANSLATE_NOOP("DocumentForm", "Signing date"), DATE, json_key="date",
        check=_signing_date_problem,
    ),
))
"""A document's fields (the identity ``uid``, the body and the attachments apart)."""

ATTACHMENT_FIELDS = FieldSet(Attachment, (
    FieldSpec("label", "Label", xml_attribute=True),  # 附件, 附件1 …; empty for an enclosed text
    FieldSpec("title", "Title", keep_empty=True),
))
"""An attachment's fields (its body apart; the desktop edits them in the body editor's header)."""
