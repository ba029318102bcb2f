"""Keep a form's rows whole at their first paint, whatever appears or goes above them.

A QFormLayout whose rows hold word-wrapped text (heightForWidth) lays them out from stale
sizes when a row starts or stops needing heightForWidth (a hint appears under a field, the
link's time left is shown after a resume): a row is then given its unwrapped height, and its
last line is drawn over the next row's until the window is resized. :class:`WholeRows`
watches the form's widget and, when a layout pass left an item shorter than it needs, lays
the form out again from fresh sizes.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


def _nested(item: QLayoutItem) -> QLayout | None:
    """The layout ``item`` is, or the layout of the widget it holds."""
    layout = item.layout()
    if layout is not None:
        return layout
    widget = item.widget()
    return widget.layout() if widget is not None else None


def _items(layout: QLayout) -> Iterator[QLayoutItem]:
    """Every item of ``layout`` and of the layouts and widgets' layouts nested in it."""
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        yield item
        nested = _nested(item)
        if nested is not None:
            yield from _items(nested)


def _layouts(layout: QLayout) -> Iterator[QLayout]:
    yield layout
    for item in _items(layout):
        nested = _nested(item)
        if nested is not None:
            yield nested


def short_items(layout: QLayout) -> list[QLayoutItem]:
    """The visible items ``layout`` (nested ones too) gave less height than they need."""
    short = []
    for item in _items(layout):
        widget = item.widget()
        if item.isEmpty() or (widget is not None and widget.isHidden()):
            continue
        rect = item.geometry()
        if rect.width() <= 0:
            continue
        needed = item.minimumSize().height()
        if item.hasHeightForWidth():
            needed = max(needed, item.heightForWidth(rect.width()))
        if rect.height() < needed:
            short.append(item)
    return short


class WholeRows(QObject):
    """Lays ``widget``'s layout out again, from fresh sizes, when a pass left a row short."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self._mending = False
        #: What was still short after the last mend (a form truly squeezed): left as it is.
        self._beyond_mending: list[tuple[int, int, int, int]] | None = None
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The widget's own layout has handled the event already (Qt calls it first).
        if not self._mending and event.type() in (
            QEvent.Type.LayoutRequest,
            QEvent.Type.Resize,
            QEvent.Type.Show,
        ):
            self.mend()
        return False

    def mend(self) -> None:
        layout = self._widget.layout()
        if layout is None or not self._widget.isVisible():
            return
        short = _rects(short_items(layout))
        if not short or short == self._beyond_mending:
            return
        self._mending = True
        try:
            for nested in _layouts(layout):
                nested.invalidate()
            layout.activate()
            layout.setGeometry(self._widget.rect())
        finally:
            self._mending = False
        still = _rects(short_items(layout))
        self._beyond_mending = still or None


def _rects(items: list[QLayoutItem]) -> list[tuple[int, int, int, int]]:
    rects = []
    for item in items:
        rect = item.geometry()
        rects.append((rect.x(), rect.y(), rect.width(), rect.height()))
    return rects
