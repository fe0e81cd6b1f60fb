"""The desktop app, driven as an agent would: offscreen, no fixed sleeps."""

import io

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication
from pypdf import PdfReader
from PIL import Image

from evidence_app.core.model import Redaction
from evidence_app.ui.models import ITEM_MIME, CaseListModel, EvidenceModel
from tests import factories


def wait_import(qtbot, window):
    qtbot.waitUntil(lambda: not window.importing(), timeout=60000)


def drop_files(window, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    viewport = window.board.viewport()
    pos = QPointF(viewport.width() / 2, viewport.height() - 5)
    for event_type in (QDropEvent.Type.DragEnter, QDropEvent.Type.DragMove):
        from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent

        cls = QDragEnterEvent if event_type == QDropEvent.Type.DragEnter else QDragMoveEvent
        QApplication.sendEvent(viewport, cls(pos, Qt.DropAction.CopyAction, mime,
                                             Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    event = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, event)


def test_empty_library_offers_the_sample(window, lib, qtbot):
    assert window.centre.currentWidget() is window.welcome
    assert "示例案例" in window.sample_button.text()
    qtbot.mouseClick(window.sample_button, Qt.MouseButton.LeftButton)
    assert window.case_id is not None and lib.case(window.case_id).is_sample
    assert window.sample_banner.isVisible()
    assert window.evidence_model.rowCount() == 4
    assert window.checklist.result.ready
    assert "1/1 项必需材料已齐" in window.checklist.summary.text()


def test_create_case_through_the_dialog(window, lib, qtbot):
    from evidence_app.ui.dialogs import NewCaseDialog

    dialog = NewCaseDialog(lib, window)
    qtbot.addWidget(dialog)
    row = [dialog.scenarios.item(n).data(Qt.ItemDataRole.UserRole) for n in range(dialog.scenarios.count())].index(
        "late_shipment")
    dialog.scenarios.setCurrentRow(row)
    assert "揽收" in dialog.description.text()
    dialog.platform.setCurrentIndex(dialog.platform.findData("tmall"))
    qtbot.keyClicks(dialog.order, "55667788")
    dialog.buyer.setText("张三")  # QTest types ASCII only
    qtbot.keyClicks(dialog.amount, "abc")
    dialog.accept()
    assert dialog.isVisible() or dialog.result() == 0
    assert "amount" in dialog.error.text()
    dialog.amount.setText("12.5")
    dialog.accept()
    case = lib.case(dialog.case_id)
    assert (case.scenario, case.platform, case.order_no, case.buyer, case.amount) == \
           ("late_shipment", "tmall", "55667788", "张三", "12.50")
    window.refresh_cases()
    window.open_case(case.id)
    assert window.form.order.text() == "55667788"


def test_drop_files_and_checklist_updates(case_window, lib, qtbot, tmp_path):
    window, case = case_window
    assert not window.checklist.result.ready
    chosen = []
    offered = []
    window.kind_chooser = lambda paths, suggested, kinds=None: (chosen.append(suggested), offered.extend(paths)) \
        and "signature_slip"
    slip = factories.photo(tmp_path / "p1.jpg")  # a name that says nothing: the agent is asked
    bad = tmp_path / "readme.txt"
    bad.write_text("not evidence")
    drop_files(window, [slip, bad])
    wait_import(qtbot, window)
    assert chosen == ["signature_slip"]  # the first missing required kind is suggested
    assert offered == [str(slip)]  # the refused file was never offered a kind
    assert [i.kind for i in lib.items(case.id)] == ["signature_slip"]
    assert window.evidence_model.rowCount() == 1
    assert window.checklist.result.ready
    assert window.notice.isVisible() and "readme.txt" in window.notice.text()
    # the same file again is a duplicate, reported without blocking
    drop_files(window, [slip])
    wait_import(qtbot, window)
    assert "重复" in window.notice.text() and len(lib.items(case.id)) == 1
    qtbot.waitUntil(lambda: bool(window.evidence_model.icons), timeout=20000)  # thumbnail made in the background
    assert (lib.root / "thumbs").is_dir() and any((lib.root / "thumbs").iterdir())


def test_drop_a_folder(case_window, lib, qtbot, tmp_path):
    window, case = case_window
    folder = tmp_path / "shots"
    folder.mkdir()
    for n in range(3):
        factories.png(folder / f"{n}.png", color=(n * 60, 10, 10))
    drop_files(window, [folder])
    wait_import(qtbot, window)
    assert len(lib.items(case.id)) == 3


def test_paste_screenshot_with_ctrl_v(case_window, lib, qtbot):
    window, case = case_window
    image = QImage(640, 1200, QImage.Format.Format_RGB32)
    image.fill(QColor("#88cc88"))
    QGuiApplication.clipboard().setImage(image)
    window.kind_chooser = lambda paths, suggested, kinds=None: suggested
    window.board.setFocus()
    qtbot.keyClick(window.board, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    wait_import(qtbot, window)
    (item,) = lib.items(case.id)
    assert item.kind == "chat_screenshot" and item.media_type == "image/png"
    assert item.original_name.startswith("截图_") and (item.width, item.height) == (640, 1200)


def _add(window, lib, case, paths, kind):
    for path in paths:
        assert lib.add_file(case.id, path, kind).item
    window.refresh_case()


def test_reorder_by_drag_and_undo(case_window, lib, qtbot, tmp_path):
    window, case = case_window
    _add(window, lib, case, [factories.photo(tmp_path / f"{n}.jpg", color=(n * 70, 0, 0)) for n in range(3)],
         "item_photo")
    ids = [i.id for i in lib.items(case.id)]
    model = window.evidence_model
    mime = model.mimeData([model.index(2)])
    assert mime.hasFormat(ITEM_MIME)
    assert model.dropMimeData(mime, Qt.DropAction.CopyAction, 0, 0, model.index(-1))
    qtbot.waitUntil(lambda: [i.id for i in lib.items(case.id)] == [ids[2], ids[0], ids[1]])
    assert [model.data(model.index(r), EvidenceModel.ItemIdRole) for r in range(3)] == [ids[2], ids[0], ids[1]]
    window.undo_action.trigger()
    assert [i.id for i in lib.items(case.id)] == ids


def test_change_kind_and_caption_inline(case_window, lib, qtbot, tmp_path):
    window, case = case_window
    _add(window, lib, case, [factories.photo(tmp_path / "a.jpg")], "waybill_photo")
    item_id = lib.items(case.id)[0].id
    assert not window.checklist.result.ready  # a waybill never proves signing
    window.board.change_kind.emit([item_id], "carrier_stamped_proof")
    assert lib.item(item_id).kind == "carrier_stamped_proof" and window.checklist.result.ready
    window.undo_action.trigger()
    assert lib.item(item_id).kind == "waybill_photo" and not window.checklist.result.ready
    model = window.evidence_model
    assert model.setData(model.index(0), "快递员签收单")
    qtbot.waitUntil(lambda: lib.item(item_id).caption == "快递员签收单")


def test_delete_goes_to_trash_and_ctrl_z_undoes(case_window, lib, qtbot, tmp_path):
    window, case = case_window
    _add(window, lib, case, [factories.photo(tmp_path / f"{n}.jpg", color=(0, n * 90, 0)) for n in range(2)],
         "chat_screenshot")
    window.board.select_ids([lib.items(case.id)[0].id])
    window.board.setFocus()
    qtbot.keyClick(window.board, Qt.Key.Key_Delete)
    assert len(lib.items(case.id)) == 1 and window.evidence_model.rowCount() == 1
    assert len(lib.trashed_items()) == 1
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(lib.items(case.id)) == 2 and window.evidence_model.rowCount() == 2


def test_clicking_a_requirement_highlights_its_items(case_window, lib, qtbot, tmp_path):
    window, case = case_window
    _add(window, lib, case, [factories.photo(tmp_path / "t.jpg")], "tracking_screenshot")
    _add(window, lib, case, [factories.photo(tmp_path / "s.jpg", color=(1, 2, 3))], "signature_slip")
    slip_id = [i.id for i in lib.items(case.id) if i.kind == "signature_slip"][0]
    window.checklist.select_requirement("proof_of_receipt")
    assert window.board.selected_ids() == [slip_id]
    assert "第三十八条" in window.checklist.detail.text()
    # files dropped on a requirement get its kind
    window.kind_chooser = lambda paths, suggested, kinds=None: kinds[2] if kinds else suggested
    window.checklist.files_for.emit([str(factories.photo(tmp_path / "red.jpg", color=(200, 0, 0)))],
                                    "proof_of_receipt")
    wait_import(qtbot, window)
    assert "carrier_stamped_proof" in [i.kind for i in lib.items(case.id)]


def test_findings_banners(case_window, lib):
    window, case = case_window
    lib.update_case(case.id, scenario="late_shipment", platform="tmall",
                    **dict([lib.parse_field("paid_at", "2025-09-01T14:00"), lib.parse_field("pickup_at", "2025-09-03T17:00")]))
    window.open_case(case.id)
    texts = [window.checklist.banners.itemAt(n).widget().text() for n in range(window.checklist.banners.count())]
    assert any("发货超时 3 小时" in t for t in texts)


def test_redact_in_viewer_and_see_it_in_the_pdf(case_window, lib, qtbot, tmp_path):
    window, case = case_window
    photo = tmp_path / "noisy.jpg"
    Image.effect_noise((1200, 900), 90).convert("RGB").save(photo, quality=95)
    _add(window, lib, case, [photo], "signature_slip")
    item_id = lib.items(case.id)[0].id
    viewer = window.open_viewer(item_id)
    qtbot.addWidget(viewer)
    viewer.add_redaction(Redaction(200, 200, 400, 300))
    assert lib.item(item_id).redactions == [Redaction(200, 200, 400, 300)]
    viewer.rotate(90)
    assert lib.item(item_id).rotation == 90
    viewer.rotate(-90)
    viewer.close()
    dialog = window.export_dialog()
    qtbot.addWidget(dialog)
    dialog.print_button.setChecked(True)
    target = tmp_path / "out" / "bundle.pdf"
    dialog.path.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        dialog.run_export()
    assert target.is_file() and dialog.open_button.isEnabled()
    assert "页" in dialog.status.text()
    page_image = dialog.preview.current_image()
    assert page_image is not None and page_image.pixelColor(5, 5) == QColor("white")  # QtPdf page on white
    img = Image.open(io.BytesIO(PdfReader(target).pages[2].images[0].data)).convert("RGB")
    inner = img.crop((216, 216, 584, 484))
    assert all(hi <= 12 for _, hi in inner.getextrema())


def test_export_progress_and_cancel(case_window, lib, qtbot, tmp_path):
    window, case = case_window
    _add(window, lib, case, [factories.noisy_photo(tmp_path / f"{n}.jpg", size=(2400, 1800), seed=n) for n in range(8)],
         "item_photo")
    dialog = window.export_dialog()
    qtbot.addWidget(dialog)
    target = tmp_path / "cancelled.pdf"
    dialog.path.setText(str(target))
    progress = []
    dialog.worker = None
    dialog.run_export()
    dialog.worker.signals.progress.connect(lambda d, t, w: progress.append(d))
    dialog.cancel()
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=60000)
    assert "取消" in dialog.status.text()
    assert not target.exists()
    # the same dialog then exports for real, with progress
    with qtbot.waitSignal(dialog.exported, timeout=120000):
        dialog.run_export()
        dialog.worker.signals.progress.connect(lambda d, t, w: progress.append(d))
    assert target.is_file() and progress and dialog.progress.value() == dialog.progress.maximum()


def test_upload_images_from_the_dialog(case_window, lib, qtbot, tmp_path):
    window, case = case_window
    _add(window, lib, case, [factories.photo(tmp_path / "s.jpg")], "signature_slip")
    dialog = window.export_dialog()
    qtbot.addWidget(dialog)
    dialog.images_button.setChecked(True)
    folder = tmp_path / "upload"
    dialog.path.setText(str(folder))
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        dialog.run_export()
    pack = dialog.result.path
    assert pack.parent == folder and pack.name.startswith("举证图片_9001_")
    assert (pack / "01_签收底单.jpg").is_file() and (pack / "statement.txt").is_file()
    # the path is remembered per case and preset
    again = window.export_dialog()
    qtbot.addWidget(again)
    again.images_button.setChecked(True)
    assert again.path.text() == str(folder)


def test_search_and_filter(window, lib):
    a = lib.create_case("late_shipment", "tmall", order_no="A-100", buyer="王五")
    b = lib.create_case("quality_issue", "jd", order_no="B-200", buyer="赵六", statement="显示屏有坏点")
    lib.update_case(b.id, status=lib.parse_field("status", "submitted")[1])
    window.refresh_cases()
    proxy = window.proxy

    def shown():
        return sorted(proxy.index(r, 0).data(CaseListModel.CaseIdRole) for r in range(proxy.rowCount()))

    assert shown() == [a.id, b.id]
    window.search.setText("坏点")
    assert shown() == [b.id]
    window.search.setText("a-1")
    assert shown() == [a.id]
    window.search.clear()
    window.status_filter.setCurrentIndex(window.status_filter.findData("submitted"))
    assert shown() == [b.id]
    window.status_filter.setCurrentIndex(0)
    window.platform_filter.setCurrentIndex(window.platform_filter.findData("tmall"))
    assert shown() == [a.id]


def test_deadline_sort_and_badges(window, lib):
    from datetime import datetime, timedelta, timezone

    now = datetime.now(timezone.utc)
    later = lib.create_case("agreement_dispute", order_no="LATER", due_at=now + timedelta(days=5))
    overdue = lib.create_case("agreement_dispute", order_no="OVERDUE", due_at=now - timedelta(hours=2))
    soon = lib.create_case("agreement_dispute", order_no="SOON", due_at=now + timedelta(hours=5))
    lib.create_case("agreement_dispute", order_no="NODUE")
    window.refresh_cases()
    proxy = window.proxy
    order = [proxy.index(r, 1).data() for r in range(proxy.rowCount())]
    assert order == ["OVERDUE", "SOON", "LATER", "NODUE"]
    badge = {proxy.index(r, 1).data(): proxy.index(r, 0) for r in range(proxy.rowCount())}
    assert badge["OVERDUE"].data().startswith("已逾期")
    assert badge["OVERDUE"].data(Qt.ItemDataRole.BackgroundRole).color() == QColor("#fde2e1")
    assert badge["SOON"].data(Qt.ItemDataRole.BackgroundRole).color() == QColor("#fff1cc")
    assert badge["LATER"].data(Qt.ItemDataRole.BackgroundRole) is None
    assert later.id and overdue.id and soon.id


def test_settings_persisted(window, lib, qtbot, qsettings):
    from evidence_app.ui.dialogs import SettingsDialog

    dialog = SettingsDialog(lib, str(lib.root), window)
    qtbot.addWidget(dialog)
    dialog.shop.setText("好物旗舰店")
    dialog.platform.setCurrentIndex(dialog.platform.findData("jd"))
    dialog.preset.setCurrentIndex(dialog.preset.findData("compact"))
    dialog.accept()
    assert lib.setting("shop_name") == "好物旗舰店" and lib.setting("default_platform") == "jd"
    assert lib.setting("default_preset") == "compact"
    dialog = SettingsDialog(lib, str(lib.root), window)
    qtbot.addWidget(dialog)
    dialog.tz.setCurrentText("Mars/Olympus")
    dialog.accept()
    assert "Mars" in dialog.error.text() and lib.setting("tz") == "Asia/Shanghai"
    window.resize(1500, 950)
    qtbot.waitUntil(lambda: window.width() == 1500)
    window.splitter.setSizes([300, 800, 380])
    sizes, geometry = window.splitter.sizes(), window.geometry()
    window.close()
    from evidence_app.ui.main_window import MainWindow

    again = MainWindow(lib, qsettings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.splitter.sizes() == sizes
    assert again.geometry().size() == geometry.size()
    again.shutdown()


def test_language_switch(window, lib, qtbot, qapp):
    from evidence_app.ui.app import install_language

    assert window.export_button.text() == "导出举证材料…"
    lib.set_setting("language", "en")
    install_language(qapp, "en")
    window.retranslate()
    assert window.export_button.text() == "Export bundle…"
    assert window.menuBar().actions()[0].text() == "&File"
    lib.set_setting("language", "zh_CN")
    install_language(qapp, "zh_CN")
    window.retranslate()
    assert window.export_button.text() == "导出举证材料…"


def test_models_pass_qtmodeltester(window, lib, qtmodeltester, tmp_path):
    from evidence_app.sample import create_sample_case

    case_id = create_sample_case(lib)
    lib.create_case("agreement_dispute", order_no="X")
    window.refresh_cases()
    window.open_case(case_id)
    qtmodeltester.check(window.case_model)
    qtmodeltester.check(window.proxy)
    qtmodeltester.check(window.evidence_model)


def test_screenshots_zh_and_en(window, lib, qtbot, qapp, tmp_path):
    """Screenshots of the main window with the sample case, saved for a person to look at."""
    from evidence_app.sample import create_sample_case
    from evidence_app.ui.app import install_language

    case_id = create_sample_case(lib)
    window.refresh_cases()
    window.open_case(case_id)
    qtbot.waitUntil(lambda: len(window.evidence_model.icons) == 4, timeout=30000)
    shots = {}
    for lang in ("zh_CN", "en"):
        lib.set_setting("language", lang)
        install_language(qapp, lang)
        window.retranslate()
        qtbot.waitUntil(lambda: len(window.evidence_model.icons) == 4, timeout=30000)
        path = tmp_path / f"main_{lang}.png"
        assert window.grab().save(str(path))
        shots[lang] = path
    print("screenshots:", *shots.values())
    for path in shots.values():
        with Image.open(path) as img:
            assert img.size[0] >= 1200 and len(img.getcolors(1 << 20) or []) > 50


def test_a_big_import_runs_off_the_gui_thread(case_window, lib, qtbot, tmp_path, monkeypatch):
    """100 large photos imported in the background: every copy, hash and probe happens off the GUI thread and the
    event loop keeps turning meanwhile (how long it may stall is a benchmark's figure, not a test's)."""
    import threading

    from PySide6.QtCore import QTimer

    window, case = case_window
    folder = tmp_path / "photos"
    folder.mkdir()
    base = Image.effect_noise((3000, 2000), 50).convert("RGB")
    for n in range(100):
        base.paste((n * 2, 255 - n, 7), (0, 0, 16, 16))  # a different file each time
        base.save(folder / f"IMG_{n:04}.jpg", quality=90)
    threads, ticks = [], []
    real_add = type(window.library).add_file

    def add_file(self, *args, **kwargs):
        threads.append(threading.current_thread())
        return real_add(self, *args, **kwargs)

    monkeypatch.setattr(type(window.library), "add_file", add_file)
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(len(threads)))
    timer.start()
    window.add_files([str(folder)], "item_photo")
    wait_import(qtbot, window)
    timer.stop()
    assert len(lib.items(case.id)) == 100
    assert len(threads) == 100 and threading.main_thread() not in threads
    assert any(0 < done < 100 for done in ticks)  # the event loop ran while the files were coming in


def test_open_a_case_archive(window, lib, tmp_path):
    from evidence_app.sample import create_sample_case
    from evidence_app.storage.archive import export_case
    from evidence_app.storage.library import Library

    with Library(tmp_path / "colleague") as other:
        pack = export_case(other, create_sample_case(other), tmp_path / "handover.evpack")
    window.import_archive_file(str(pack))
    assert window.case_id is not None and len(lib.items(window.case_id)) == 4
    bogus = tmp_path / "bad.evpack"
    bogus.write_text("nope")
    window.import_archive_file(str(bogus))
    assert window.notice.isVisible() and "bad.evpack" in window.notice.text()


def test_draw_a_redaction_with_the_mouse_and_navigate(case_window, lib, qtbot, tmp_path):
    window, case = case_window
    _add(window, lib, case, [factories.photo(tmp_path / "a.jpg", size=(800, 600)),
                             factories.photo(tmp_path / "b.jpg", size=(600, 800), color=(0, 0, 200))], "item_photo")
    first, second = [i.id for i in lib.items(case.id)]
    viewer = window.open_viewer(first)
    qtbot.addWidget(viewer)
    viewer.resize(900, 700)
    qtbot.waitExposed(viewer)
    canvas = viewer.canvas
    qtbot.mouseClick(viewer.redact_button, Qt.MouseButton.LeftButton)
    assert canvas.mode == "redact"
    item = canvas.pixmap_item
    start = canvas.mapFromScene(item.mapToScene(QPointF(100, 100)))
    end = canvas.mapFromScene(item.mapToScene(QPointF(300, 250)))
    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas.viewport(), end)
    qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, pos=end)
    (box,) = lib.item(first).redactions
    assert abs(box.x - 100) <= 3 and abs(box.y - 100) <= 3 and abs(box.w - 200) <= 4 and abs(box.h - 150) <= 4
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.item.id == second
    qtbot.keyClick(viewer, Qt.Key.Key_Left)
    assert viewer.item.id == first
    viewer.clear_redactions()
    assert lib.item(first).redactions == []


def test_statement_is_saved_without_losing_typing(case_window, lib, qtbot):
    window, case = case_window
    window.form.statement.setPlainText("买家本人签收,见证据 1。")
    qtbot.waitUntil(lambda: lib.case(case.id).statement == "买家本人签收,见证据 1。", timeout=5000)
    assert "字" in window.form.count.text()
    window.form.statement.setPlainText("改过的说明")
    window.close()  # closing saves what the timer had not written yet
    assert lib.case(case.id).statement == "改过的说明"
