"""The main window's evidence work: adding files (checked first, a kind guessed per file, the agent asked only
for the rest), pasting screenshots, editing items through the undo stack, thumbnails. A mixin of MainWindow:
it uses the window's library, case_id, models, board, status bar and notice."""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QCursor, QIcon, QImage
from PySide6.QtWidgets import QFileDialog, QMenu

from evidence_app.storage.library import AddResult
from evidence_app.ui import commands
from evidence_app.ui.workers import ImportWorker, ProbeWorker, ThumbWorker


def file_filter() -> str:
    """The file dialog's filter, translated (it showed English in the Chinese UI)."""
    return (QCoreApplication.translate("EvidenceActions", "Evidence files")
            + " (*.jpg *.jpeg *.png *.webp *.gif *.bmp *.tif *.tiff *.heic *.heif *.pdf"
            + " *.mp4 *.mov *.m4v *.avi *.mkv);;"
            + QCoreApplication.translate("EvidenceActions", "All files") + " (*)")


class EvidenceActions:
    """Mixin for MainWindow."""

    # --- choosing kinds ------------------------------------------------------------------------------------

    def _suggested_kind(self) -> str:
        if self.kind_filter.currentData():
            return self.kind_filter.currentData()
        result = self.checklist.result
        if result is not None:
            for req in result.requirements:
                if not req.met and req.requirement.level == "required":
                    return req.requirement.kinds[0]
        return "other"

    def _choose_kind_menu(self, paths: list[str], suggested: str, kinds: list[str] | None = None) -> str | None:
        menu = QMenu(self)
        menu.addSection(self.tr("Add %n file(s) as…").replace("%n", str(len(paths))))
        catalog, lang = self.library.catalog, self.library.lang
        order = kinds or [suggested] + [k for k in catalog.kinds if k != suggested]
        default = None
        for kind_id in order:
            action = menu.addAction(catalog.kind_name(kind_id, lang))
            action.setData(kind_id)
            if kind_id == suggested:
                default = action
        if default is not None:
            menu.setActiveAction(default)
        picked = menu.exec(QCursor.pos(), default)
        return picked.data() if picked is not None else None

    def offer_files(self, paths: list[str], suggested: str, kinds: list[str] | None = None,
                    names: dict[str, str] | None = None, fixed_kind: str | None = None) -> None:
        """Check the files off the GUI thread, then add them: refused files are only reported (never offered a
        kind), each accepted file gets the kind guessed from its name and shape, the agent picks for the rest."""
        if self.case_id is None or not paths:
            return
        if self.import_worker is not None:
            self.show_notice(self.tr("Still adding the previous files; try again when they are in."))
            return
        worker = ProbeWorker(paths, self.library.max_bytes(), self.library.max_video_bytes())
        self.import_worker = worker
        worker.signals.progress.connect(self._import_progress)
        worker.signals.finished.connect(lambda results: self._probed(results, suggested, kinds, names, fixed_kind))
        worker.signals.failed.connect(self._import_failed)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.pool.start(worker)

    def _probed(self, results: list[tuple], suggested: str, kinds: list[str] | None,
                names: dict[str, str] | None, fixed_kind: str | None) -> None:
        self.import_worker = None
        self.progress.hide()
        refused = [AddResult(path, refused=why) for path, _probe, why, _kind in results if why is not None]
        accepted = [(str(path), kind) for path, _probe, why, kind in results if why is None]
        mapping: dict[str, str | None] = {}
        if fixed_kind:
            mapping = {path: fixed_kind for path, _ in accepted}
        elif kinds is None and (len(accepted) > 1 and self.reading.on or all(kind for _p, kind in accepted)):
            # issue 11: a dropped batch takes the app's suggestions (name and shape now, what reading finds
            # later), marked as guessed on the board; the agent changes any of them afterwards
            mapping = {path: None for path, _ in accepted}
        else:
            mapping = {path: kind for path, kind in accepted if kind and (kinds is None or kind in kinds)}
            rest = [path for path, _ in accepted if path not in mapping]
            if rest:
                chosen = self.kind_chooser(rest, suggested, kinds) if self.case_id is not None else None
                if chosen is None:  # the agent cancelled: nothing is added
                    mapping = {}
                    accepted = []
                else:
                    mapping.update({path: chosen for path in rest})
        self._pre_refused = refused
        if mapping:
            self.add_files(list(mapping), mapping, names)
        elif refused:
            self._import_finished([])

    def add_files(self, paths: list[str], kind: str | dict[str, str | None], names: dict[str, str] | None = None) -> None:
        """Add files with one kind, or a kind per path (None: the app suggests it)."""
        if self.case_id is None or not paths:
            return
        if self.import_worker is not None:
            self.show_notice(self.tr("Still adding the previous files; try again when they are in."))
            return
        worker = ImportWorker(self.library, self.case_id, paths, kind, names=names)
        self.import_worker = worker
        self.import_results = []
        worker.signals.item_added.connect(self._item_added)
        worker.signals.progress.connect(self._import_progress)
        worker.signals.finished.connect(self._import_finished)
        worker.signals.failed.connect(self._import_failed)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_import_button.show()
        self.pool.start(worker)

    def cancel_import(self) -> None:
        if self.import_worker is not None:
            self.import_worker.cancel()

    def importing(self) -> bool:
        return self.import_worker is not None

    def _item_added(self, result: AddResult) -> None:
        self.import_results.append(result)

    def _import_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.statusBar().showMessage(self.tr("Adding %1 (%2/%3)").replace("%1", name).replace("%2", str(done))
                                     .replace("%3", str(total)))

    def _import_finished(self, results: list[AddResult]) -> None:
        self.import_worker = None
        self.progress.hide()
        self.cancel_import_button.hide()
        results = list(getattr(self, "_pre_refused", [])) + list(results)
        self._pre_refused = []
        added = [r for r in results if r.item is not None]
        duplicates = [r for r in results if r.duplicate_of is not None]
        refused = [r for r in results if r.refused is not None]
        parts = [self.tr("%1 file(s) added").replace("%1", str(len(added)))]
        if duplicates:
            parts.append(self.tr("%1 already in the case").replace("%1", str(len(duplicates))))
        lines = [", ".join(parts)]
        for r in duplicates:
            lines.append(self.tr("Duplicate: %1 is the same as exhibit %2").replace("%1", r.source.name)
                         .replace("%2", str(self.evidence_model.exhibit_number(r.duplicate_of) or r.duplicate_of)))
        for r in refused:
            lines.append(self.tr("Refused: %1: %2").replace("%1", r.source.name)
                         .replace("%2", r.refused.message(self.library.lang)))
        self.statusBar().showMessage(lines[0], 8000)
        if duplicates or refused:
            self.show_notice("\n".join(lines), error=bool(refused))
        self.refresh_case()
        if self.case_id is not None and added:
            self.case_model.update_case(self.case_id)  # one row, never the whole list
        if added:
            self.reading.start()  # OCR and barcodes in the background: adding never waited for them

    def _readings_stored(self, shas: set[str]) -> None:
        """Readings came in: suggested kinds and the tracking number may have changed in the open case."""
        if self.case_id is None or self.importing():
            return
        items = self.library.items(self.case_id)
        if any(item.sha256 in shas for item in items):
            self.refresh_case()
            self.case_model.update_case(self.case_id)
            facts = self.form.facts
            case = self.library.case(self.case_id)
            widget = facts.widgets.get("tracking_no")
            if facts.case is not None and facts.case.tracking_no != case.tracking_no and widget is not None \
                    and not widget.hasFocus():  # the number read from the waybill, unless the agent is typing
                facts.set_case(case)

    def _import_failed(self, message: str) -> None:
        self.import_worker = None
        self.progress.hide()
        self.cancel_import_button.hide()
        self.show_notice(self.tr("Adding files failed: %1").replace("%1", message), error=True)
        self.refresh_case()

    def _pick_files(self) -> list[str]:
        folder = str(self.settings.value("last_folder", str(Path.home())))
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add evidence files"), folder, file_filter())
        if paths:
            self.settings.setValue("last_folder", str(Path(paths[0]).parent))
        return paths

    def add_files_dialog(self, kind: str | None = None) -> None:
        if self.case_id is None:
            return
        paths = self._pick_files()
        if paths:
            self.offer_files(paths, self._suggested_kind(), fixed_kind=kind)

    def _files_dropped_on_board(self, paths: list[str], row: int) -> None:
        self.offer_files(paths, self._suggested_kind())

    def _requirement_kinds(self, requirement_id: str) -> list[str]:
        scenario = self.library.catalog.scenarios[self.library.case(self.case_id).scenario]
        return list(next(r.kinds for r in scenario.requirements if r.id == requirement_id))

    def _add_for_requirement(self, requirement_id: str) -> None:
        paths = self._pick_files() if self.case_id is not None else []
        if paths:
            self._files_for_requirement(paths, requirement_id)

    def _files_for_requirement(self, paths: list[str], requirement_id: str) -> None:
        kinds = self._requirement_kinds(requirement_id)
        if len(kinds) == 1:
            self.offer_files(paths, kinds[0], fixed_kind=kinds[0])
        else:
            self.offer_files(paths, kinds[0], kinds)

    def paste_image(self, image: QImage) -> None:
        """A pasted screenshot becomes a PNG item named after the moment it was pasted."""
        if self.case_id is None:
            return
        stamp = datetime.now().strftime("%Y%m%d_%H%M%S")
        name = f"截图_{stamp}.png"
        folder = Path(tempfile.mkdtemp(prefix="paste-", dir=self.library.store.tmp))
        path = folder / name
        if not image.save(str(path), "PNG"):
            self.show_notice(self.tr("Could not read the image on the clipboard"), error=True)
            return
        self.offer_files([str(path)], "chat_screenshot", names={str(path): name})

    # --- editing evidence ----------------------------------------------------------------------------------

    def delete_items(self, item_ids: list[int]) -> None:
        self.undo_stack.push(commands.TrashItems(self.library, item_ids, self._after_edit))
        self.statusBar().showMessage(self.tr("Moved to the trash. Ctrl+Z to undo."), 8000)

    def attest_item(self, item_id: int, question_id: str, ticked: bool) -> None:
        """Tick or untick what an exhibit shows (the checklist counts it only once confirmed)."""
        current = self.library.item(item_id).attestations
        wanted = [*current, question_id] if ticked else [q for q in current if q != question_id]
        self.library.update_item(item_id, attestations=list(dict.fromkeys(wanted)))
        self.refresh_case()

    def change_kind(self, item_ids: list[int], kind: str) -> None:
        self.undo_stack.push(commands.ChangeKind(self.library, item_ids, kind, self._after_edit))

    def _caption_edited(self, item_id: int, old: str, new: str) -> None:
        QTimer.singleShot(0, lambda: self.undo_stack.push(
            commands.ChangeCaption(self.library, item_id, old, new, self._after_edit)))

    def _reordered(self, old: list[int], new: list[int]) -> None:
        if self.case_id is not None:
            case_id = self.case_id
            QTimer.singleShot(0, lambda: self.undo_stack.push(
                commands.Reorder(self.library, case_id, old, new, self._after_edit)))

    def _after_edit(self) -> None:
        self.refresh_case()

    # --- thumbnails ----------------------------------------------------------------------------------------

    def _request_thumbs(self) -> None:
        missing = [i.id for i in self.evidence_model.items if i.id not in self.evidence_model.icons]
        if not missing:
            return
        worker = ThumbWorker(self.library, missing)
        worker.signals.thumb_ready.connect(self._thumb_ready)
        self.pool.start(worker)

    def _thumb_ready(self, item_id: int, path: str) -> None:
        self.evidence_model.set_icon(item_id, QIcon(path))

    def _item_changed(self, item_id: int) -> None:
        self.evidence_model.icons.pop(item_id, None)
        reading = getattr(self, "reading", None)
        if reading is not None and self.library.item(item_id, include_deleted=True).is_video:
            reading.start_soon()  # new key frames, maybe: the video's reading covers its key frames
        self.refresh_case()
