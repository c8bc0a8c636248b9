"""The Open311 GeoReport v2 wire format, shared by the read side (GET) and intake (``POST requests``).

GeoReport v2 (https://wiki.open311.org/GeoReport_v2) requires XML and allows JSON: every endpoint
answers ``.xml`` and ``.json`` with the same document. The XML form follows the spec's examples: a
root element per document (``services``, ``service_requests``, ``errors`` …), one element per list
item (``service``, ``request``, ``error``), fields as child elements, an empty element for a missing
value, ``true``/``false`` for booleans, and an XML declaration with ``encoding="UTF-8"``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, Literal
from xml.etree.ElementTree import Element, SubElement, tostring

Format = Literal["json", "xml"]
FORMATS: tuple[Format, ...] = ("json", "xml")
MEDIA_TYPES: dict[Format, str] = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}
SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"

# Document → (root element, item element) for the spec's list documents.
ROOTS: dict[str, tuple[str, str]] = {
    "services": ("services", "service"),
    "service_requests": ("service_requests", "request"),
    "errors": ("errors", "error"),
}
# Nested lists inside an item: the wrapper is the field's name, each value this element.
LIST_ITEMS = {"attributes": "attribute", "values": "value", "endpoints": "endpoint", "formats": "format"}


class Open311Error(Exception):
    """An error answered in the spec's shape: ``[{code, description}]`` / ``<errors><error>…``."""

    def __init__(self, code: int, description: str) -> None:
        super().__init__(description)
        self.code = code
        self.description = description


def error_body(code: int, description: str) -> list[dict[str, Any]]:
    return [{"code": code, "description": description}]


def response_format(fmt: str) -> Format:
    """The ``.{format}`` suffix of a path; anything else is a 404 (there is no such resource)."""
    if fmt not in FORMATS:
        raise Open311Error(404, f"format {fmt!r} is not served; use .xml or .json")
    return fmt  # type: ignore[return-value]


# Characters XML 1.0 cannot carry at all (citizen text may hold them): dropped, or the document is invalid.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("", str(value))


def _append(parent: Element, name: str, value: Any) -> None:
    child = SubElement(parent, name)
    if isinstance(value, Mapping):
        for key, item in value.items():
            _append(child, key, item)
    elif isinstance(value, (list, tuple)):
        item_name = LIST_ITEMS.get(name, "item")
        for item in value:
            _append(child, item_name, item)
    else:
        child.text = _text(value)


def to_xml(document: str, data: Any) -> bytes:
    """``data`` (what the JSON form would be) as the spec's XML for ``document``.

    List documents (``services``, ``service_requests``, ``errors``) take a list of items; the others
    (``service_definition``, ``discovery``) a mapping, their root named after the document."""
    if document in ROOTS:
        root_name, item_name = ROOTS[document]
        root = Element(root_name)
        for item in data:
            _append(root, item_name, item)
    else:
        root = Element(document)
        for key, value in data.items():
            _append(root, key, value)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, encoding="unicode").encode("utf-8")


def encode(document: str, data: Any, fmt: Format) -> tuple[bytes, str]:
    """The body and media type of ``data`` in ``fmt``."""
    if fmt == "xml":
        return to_xml(document, data), MEDIA_TYPES["xml"]
    return json.dumps(data, ensure_ascii=False).encode("utf-8"), MEDIA_TYPES["json"]
