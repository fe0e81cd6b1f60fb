"""An export's image jobs, and starting them before the export itself: in the warm pool while the export dialog
is open, or in the command line's own workers while it loads the layout modules and judges the case. Light: no
reportlab layout, no pypdf (a command submits the jobs first, then imports those)."""

from __future__ import annotations

from pathlib import Path

from evidence_app.core.model import EvidenceItem
from evidence_app.export.geometry import slot_pixels
from evidence_app.export.model import PRINT, Preset
from evidence_app.export.prepare_pool import INLINE_BELOW, SharedPool, install_shared, source_bytes
from evidence_app.export.prepare_pool import shared as shared_pool
from evidence_app.imaging.prepare import ImageJob
from evidence_app.storage.library import Library


# The command's own process (imports, judging, laying out, writing: ~1 s of one core) is what a case with less
# than this much picture source waits for; workers started beside it would only take its CPU (a 10-exhibit case
# with 21 MB of photos: 1.15x slower). With more, the workers are what it waits for (120 files, 366 MB: 0.97x).
COMMAND_AHEAD_BYTES = 64_000_000


def image_job(library: Library, item: EvidenceItem, preset: Preset, folder: Path, box_w: int,
              box_h: int) -> ImageJob:
    return ImageJob(source=str(library.file_path(item)), media_type=item.media_type,
                    out_stem=str(folder / f"item{item.id}"), box_w=box_w, box_h=box_h, quality=preset.quality,
                    orientation=item.orientation, rotation=item.rotation,
                    crop=tuple(item.crop.as_list()) if item.crop else None,
                    redactions=tuple(tuple(r.as_list()) for r in item.redactions),
                    rows_sha256=_plain_png_sha(library, item))


def _plain_png_sha(library: Library, item: EvidenceItem) -> str:
    """The stored PNG's hash when its rows were found plain as it was added (checked again if the bytes differ)."""
    return item.sha256 if item.media_type == "image/png" and library.png_rows_checked(item.sha256) else ""


def print_jobs(library: Library, case_id: int) -> list[ImageJob]:
    """The print export's picture jobs for the case's images as they are now (videos and PDFs aside)."""
    box_w, box_h = slot_pixels(PRINT.dpi)
    return [image_job(library, item, PRINT, Path(), box_w, box_h)
            for item in library.items(case_id) if not item.is_pdf and not item.is_video]


def prepare_ahead(library: Library, case_id: int, since: int | None = None) -> int:
    """The export dialog is open: the warm pool starts preparing the pictures the print export will ask for
    (the case's images as they are now), so the Export click finds them done. Returns how many (none if an
    export began since `since`). An export whose job differs (another preset, a redaction added meanwhile)
    prepares its own; see SharedPool.prepare_ahead."""
    pool = shared_pool()
    if pool is None:
        return 0
    jobs = print_jobs(library, case_id)
    return len(jobs) if pool.prepare_ahead(jobs, since) else 0


def command_pool(library: Library, case_id: int) -> SharedPool | None:
    """For `evidence-app export` (print): when the pictures are most of the work (COMMAND_AHEAD_BYTES), start
    the workers now with the pictures handed out, and install them as the pool the export takes them from; the
    command then loads the layout modules and judges the case on the other core. None otherwise: the export
    starts its own workers, or works in-process, as before. The caller shuts it down (`install_shared(None)`,
    `shutdown()`)."""
    jobs = print_jobs(library, case_id)
    if len(jobs) < INLINE_BELOW or source_bytes(jobs) < COMMAND_AHEAD_BYTES:
        return None
    pool = SharedPool(one_shot=True)
    try:
        pool.prepare_ahead(jobs, pool.generation)
    except Exception:  # noqa: BLE001 - a head start only (no temp folder, no process): the export starts its own
        pool.shutdown()
        return None
    install_shared(pool)
    return pool
