"""Declared fields (``editor.model.fields``) <-> XML: attributes of an element and child
elements in declaration order. The archive and the store's attachment XML use it."""

from __future__ import annotations

from typing import Any

from lxml import etree

from editor.content.body import sub_element
from editor.errors import ContentError
from editor.model.fields import FieldSet


def write_fields(el: etree._Element, obj: object, fields: FieldSet) -> None:
    """Write the declared fields of ``obj`` into ``el``: attributes set, elements appended
    (an empty value writes no element unless its spec keeps empty ones)."""
    for spec in fields:
        value = getattr(obj, spec.name)
        if spec.xml_attribute:
            el.set(spec.xml_name, spec.codec.to_plain(value) or "")
            continue
        texts = spec.codec.to_texts(value)
        if not texts and spec.keep_empty:
            texts = [""]
        for text in texts:
            sub_element(el, spec.xml_name, text)


def read_fields(el: etree._Element, fields: FieldSet, where: str) -> dict[str, Any]:
    """The declared fields found in ``el`` by name; an absent one is left out (the model's
    default applies). ``ContentError`` naming ``where`` and the line for a value its type refuses."""
    values: dict[str, Any] = {}
    for spec in fields:
        if spec.xml_attribute:
            found = el.get(spec.xml_name)
            texts, line = ([] if found is None else [found]), el.sourceline
        else:
            children = el.findall(spec.xml_name)
            texts = ["" if c.text is None else c.text for c in children]
            line = children[0].sourceline if children else el.sourceline
        if not texts:
            continue
        try:
            values[spec.name] = spec.codec.from_texts(texts)
        except ValueError:
            raise ContentError(
                f"{where}, line {line}: the {spec.words} {texts[0]!r} is not {spec.codec.expected}"
            ) from None
    return values
