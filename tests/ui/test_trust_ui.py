"""Issue 10 in the window: boxes on PDF pages in the viewer; an export that fails on one exhibit offers to
go on without it."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from evidence_app.core.model import Redaction
from tests.trust.helpers import needs_poppler, text_pdf


@pytest.fixture
def pdf_case(window, lib, tmp_path):
    case = lib.create_case("signed_not_received", "taobao", order_no="9002")
    source = text_pdf(tmp_path / "proof.pdf", [[(72, 80, "PAGEONETEXT")], [(72, 80, "SECRETONPAGETWO")]])
    item = lib.add_file(case.id, source, "carrier_stamped_proof").item
    window.refresh_cases()
    window.open_case(case.id)
    return window, case, item


@needs_poppler
def test_redact_a_pdf_page_in_the_viewer(pdf_case, lib, qtbot, tmp_path):
    window, case, item = pdf_case
    viewer = window.open_viewer(item.id)
    qtbot.addWidget(viewer)
    assert viewer.redact_button.isEnabled() and not viewer.crop_button.isEnabled()
    assert viewer.page_label.isVisible() and "1/2" in viewer.page_label.text()
    QTest.keyClick(viewer, Qt.Key.Key_PageDown)
    assert viewer.page == 1 and "2/2" in viewer.page_label.text()
    # draw a box with the mouse over the text on page 2 (points 60,60 to 300,100 of the page)
    viewer.redact_button.click()
    canvas = viewer.canvas
    pixmap_item = canvas.pixmap_item

    def view_pos(x_pt: float, y_pt: float) -> QPoint:
        scene = pixmap_item.mapToScene(QPointF(x_pt / viewer.scale, y_pt / viewer.scale))
        return canvas.mapFromScene(scene)

    QTest.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=view_pos(60, 60))
    QTest.mouseMove(canvas.viewport(), view_pos(300, 100))
    QTest.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, pos=view_pos(300, 100))
    boxes = lib.item(item.id).redactions
    assert len(boxes) == 1 and boxes[0].page == 2
    box = boxes[0]
    assert abs(box.x - 60) <= 3 and abs(box.y - 60) <= 3 and abs(box.x + box.w - 300) <= 3
    assert viewer.grab().save(str(tmp_path / "viewer.png"))
    viewer.show_page(0)
    viewer.add_redaction(Redaction(10, 10, 20, 20))
    assert {b.page for b in lib.item(item.id).redactions} == {1, 2}
    viewer.clear_redactions()  # the page shown only
    assert [b.page for b in lib.item(item.id).redactions] == [2]
    viewer.close()
    dialog = window.export_dialog()
    qtbot.addWidget(dialog)
    dialog.print_button.setChecked(True)
    target = tmp_path / "bundle.pdf"
    dialog.path.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        dialog.run_export()
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "PAGEONETEXT" in text and "SECRETONPAGETWO" not in text


def test_export_dialog_offers_to_export_without_a_broken_exhibit(window, lib, qtbot, tmp_path):
    import os

    from tests import factories

    case = lib.create_case("signed_not_received", "taobao", order_no="9003")
    lib.add_file(case.id, factories.photo(tmp_path / "good.jpg"), "signature_slip")
    bad = lib.add_file(case.id, factories.photo(tmp_path / "bad.jpg", color=(1, 1, 1)), "item_photo").item
    path = lib.file_path(bad)
    os.chmod(path, 0o644)
    path.write_bytes(path.read_bytes()[:-200] + b"\0" * 200)  # damaged in the store since it was added
    window.refresh_cases()
    window.open_case(case.id)
    dialog = window.export_dialog()
    qtbot.addWidget(dialog)
    asked = []
    dialog.confirm_skip = lambda message: asked.append(message) or True
    dialog.print_button.setChecked(True)
    target = tmp_path / "bundle.pdf"
    dialog.path.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        dialog.run_export()
    assert len(asked) == 1 and "证据 2" in asked[0] and "bad.jpg" in asked[0]
    assert dialog.skip == {bad.id} and target.is_file()
    assert "1" in dialog.status.text() and lib.item(bad.id)  # the item stays in the case


def test_read_only_library_says_so_and_failed_writes_are_one_line(window, lib, qtbot, monkeypatch, capsys):
    import sqlite3
    import sys

    from evidence_app.ui import guard

    monkeypatch.setattr(lib.db, "read_only", "disk I/O error")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    guard.install(window, lib)
    assert "只能读取" in window.statusBar().currentMessage() and "只读" in window.windowTitle()
    try:
        lib.create_case("signed_not_received", "taobao")
    except sqlite3.OperationalError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert window.statusBar().currentMessage().startswith("未保存:")
    assert capsys.readouterr().err.count("\n") == 1


def test_viewer_pages_through_a_multipage_tiff(window, lib, qtbot, tmp_path):
    from PIL import Image

    from evidence_app.core.model import Redaction

    case = lib.create_case("signed_not_received", "taobao")
    path = tmp_path / "fax.tif"
    pages = [Image.new("RGB", (600, 800), c) for c in ((250, 0, 0), (0, 250, 0))]
    pages[0].save(path, save_all=True, append_images=pages[1:])
    item = lib.add_file(case.id, path, "signature_slip").item
    window.refresh_cases()
    window.open_case(case.id)
    viewer = window.open_viewer(item.id)
    qtbot.addWidget(viewer)
    assert viewer.page_label.isVisible() and viewer.crop_button.isEnabled()
    viewer.show_page(1)
    assert viewer.page == 1 and not viewer.crop_button.isEnabled()
    viewer.add_redaction(Redaction(10, 10, 100, 100))
    assert lib.item(item.id).redactions == [Redaction(10, 10, 100, 100, page=2)]
    viewer.close()
