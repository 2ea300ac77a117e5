"""Setting text in a layout's styles: a thin layer over the line breaker.

``Setter`` turns a layout ``Style`` into the line breaker's ``TextStyle``, converts indents
given in characters into points and returns ``flow.Lines`` ready for pagination.
"""

from __future__ import annotations

from editor.typeset.flow import Lines
from editor.typeset.fonts import FontRegistry
from editor.typeset.layout import Layout, Style
from editor.typeset.linebreak import Line, Span, TextStyle, set_paragraph
from editor.typeset.title import set_title

ALIGNS = ("justify", "left", "center", "right")


class Setter:
    """Sets paragraphs and titles in the styles of one layout with one font registry."""

    def __init__(self, layout: Layout, fonts: FontRegistry):
        self.layout = layout
        self.fonts = fonts
        self.pitch = layout.line_pitch

    def tstyle(self, style: Style, size: float | None = None) -> TextStyle:
        """The line breaker's style for a layout style (optionally at another size)."""
        if size is None or abs(size - style.size) < 1e-9:
            return TextStyle(style.role, style.size, style.tracking)
        return TextStyle(style.role, size, style.tracking * size / style.size)

    def em(self, style: Style) -> float:
        """One character cell of the style (size plus tracking)."""
        return style.size + style.tracking

    def lines(self, spans: list[tuple[str, Style]] | str, style: Style, measure: float, *,
              indent: float | None = None, hanging: float | None = None,
              align: str | None = None, right_indent: float | None = None) -> list[Line]:
        """Break text (or (text, style) spans) into lines of ``measure`` pt."""
        if isinstance(spans, str):
            spans = [(spans, style)]
        em = self.em(style)
        ind = style.indent if indent is None else indent
        hang = style.hanging if hanging is None else hanging
        first = ind * em
        rest = (ind + hang) * em if hang else 0.0  # hanging: continuation lines indented further
        right = (style.right_indent if right_indent is None else right_indent) * em
        sp = [Span(t, self.tstyle(s)) for t, s in spans if t]
        if not sp:
            return []
        align = align or style.align
        if align not in ALIGNS:  # content from elsewhere with an alignment we do not know
            align = "justify"
        return set_paragraph(sp, max(measure - right, em), self.fonts, first_indent=first,
                             rest_indent=rest, align=align)

    def para(self, spans: list[tuple[str, Style]] | str, style: Style, measure: float, *,
             kind: str = "body", x: float = 0.0, keep_with_next: bool = False,
             keep_together: bool = False, **kw: float | str | None) -> Lines:
        """A paragraph as a flow item with the style's pitch and spacing."""
        ls = self.lines(spans, style, measure, **kw)
        size = max([style.size] + [ln.size for ln in ls])
        return Lines(ls, style.pitch, size, x=x, space_before=style.space_before * self.pitch,
                     space_after=style.space_after * self.pitch, kind=kind,
                     keep_with_next=keep_with_next, keep_together=keep_together)

    def title(self, text: str, style: Style, measure: float, *, kind: str = "title",
              keep_with_next: bool = True) -> Lines:
        """A centred title broken between words into balanced lines."""
        ls: list[Line] = []
        for part in text.split("\n"):
            if part.strip():
                ls += set_title(part.strip(), self.tstyle(style), measure, self.fonts)
        return Lines(ls, style.pitch, style.size, space_before=style.space_before * self.pitch,
                     space_after=style.space_after * self.pitch, kind=kind,
                     keep_with_next=keep_with_next, keep_together=True)
