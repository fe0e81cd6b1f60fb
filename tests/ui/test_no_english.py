"""No English in the Chinese UI: every window, page, menu and dialog is walked and its visible strings checked
for Latin words that are not names or formats."""

import re

import pytest
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QMenu, QTabWidget,
                               QTableView, QTableWidget, QWidget)

ALLOWED = {"pdf", "csv", "jpeg", "jpg", "png", "heic", "dpi", "mb", "kb", "ctrl", "shift", "del", "f2", "evpack",
           "evidence", "app", "evidence_app", "sha", "qtpdf", "esc", "tab", "alt", "enter", "zoom", "wqy", "id", "pgup", "pgdn",
           "mp", "mov", "avi", "mkv"}  # video formats (mp4: the regex stops at the digit)
WORD = re.compile(r"[A-Za-z][A-Za-z_]{1,}")


def _strings(widget: QWidget) -> list[str]:
    out = [widget.windowTitle(), widget.toolTip() if isinstance(widget, QAbstractButton) else ""]
    if isinstance(widget, QLabel):
        out.append(re.sub(r"<[^>]+>", " ", widget.text()))
    elif isinstance(widget, QAbstractButton):
        out.append(widget.text())
    elif isinstance(widget, QGroupBox):
        out.append(widget.title())
    elif isinstance(widget, QLineEdit):
        out.append(widget.placeholderText())
    elif isinstance(widget, QComboBox):
        out += [widget.itemText(n) for n in range(widget.count())]
    elif isinstance(widget, QTabWidget):
        out += [widget.tabText(n) for n in range(widget.count())]
    elif isinstance(widget, (QTableView, QTableWidget)) and widget.model() is not None:
        model = widget.model()
        out += [str(model.headerData(c, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) or "")
                for c in range(model.columnCount())]
    elif isinstance(widget, QMenu):
        out += [a.text() for a in widget.actions()]
    return out


ZONE = re.compile(r"^(UTC|[A-Z][a-z]+/[A-Za-z_]+)$")  # time zone names are names
NAMES = {"English"}  # the language picker shows each language in itself


def _words(text: str) -> list[str]:
    if not text or ZONE.match(text) or text in NAMES:
        return []
    return WORD.findall(text)


def _english(root: QWidget) -> set[str]:
    found = set()
    for widget in [root, *root.findChildren(QWidget)]:
        for text in _strings(widget):
            for word in _words(text):
                if word.lower() not in ALLOWED:
                    found.add(f"{type(widget).__name__}: {word} in {text!r}")
    for action in root.actions() if hasattr(root, "actions") else []:
        for word in WORD.findall(action.text()):
            if word.lower() not in ALLOWED:
                found.add(f"action: {word} in {action.text()!r}")
    return found


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_no_english_in_the_chinese_ui(window, lib, qtbot, tmp_path):
    from evidence_app.sample import create_sample_case
    from evidence_app.ui.dialogs import NewCaseDialog, SettingsDialog

    found = set()
    found |= _english(window)  # welcome page
    case_id = create_sample_case(lib)
    window.refresh_cases()
    for show in (window.show_today, window.show_stats, window.show_trash):
        show()
        found |= _english(window)
    window.open_case(case_id)
    window.case_page.show_facts(True)
    found |= _english(window)
    for menu_action in window.menuBar().actions():
        found |= _english(menu_action.menu())
    from evidence_app.ui.first_run import FirstRunDialog

    for dialog in (NewCaseDialog(lib, window), SettingsDialog(lib, str(lib.root), window), FirstRunDialog(lib, window)):
        qtbot.addWidget(dialog)
        found |= _english(dialog)
    export = window.export_dialog()
    found |= _english(export)
    export.close()
    viewer = window.open_viewer(lib.items(case_id)[0].id)
    found |= _english(viewer)
    viewer.close()
    from evidence_app.imaging.video_sample import make_video

    video = lib.add_file(case_id, make_video(tmp_path / "v.mp4", seconds=2), "packing_record").item
    from PySide6.QtCore import QThreadPool

    window.open_case(case_id)
    # thumbnails first: pdfium is not thread-safe, and a PDF thumbnail may be in the making on a pool thread
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=30000)
    viewer = window.open_viewer(video.id)  # the video scrubber and key-frame controls
    qtbot.waitUntil(lambda: viewer.frame_shown is not None and not viewer.decoder.busy, timeout=20000)
    found |= _english(viewer)
    viewer.close()
    from evidence_app.ui.evidence_actions import file_filter

    for text in (file_filter(), window._archive_filter()):  # file dialog filters
        found |= {f"filter: {w}" for w in _words(re.sub(r"\(\*[^)]*\)", "", text))}
    from evidence_app.imaging.probe import Refused

    found |= {f"refusal: {w}" for w in _words(Refused("corrupt_image", detail="image file is truncated").message())}
    assert not found, "\n".join(sorted(found))
