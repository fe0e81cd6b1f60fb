"""What an export is asked to do and what it reports back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ProgressFn = Callable[[int, int, str], None]  # (done, total, what is happening)
CancelFn = Callable[[], bool]  # True when the user asked to stop


class ExportError(Exception):
    """The export cannot be made; the message names the exhibit or the reason in one line. `item_id`: the
    exhibit at fault, when it is one (the GUI offers to export without it)."""

    def __init__(self, message: str, item_id: int | None = None):
        super().__init__(message)
        self.item_id = item_id


class ExportCancelled(ExportError):
    def __init__(self) -> None:
        super().__init__("export cancelled")


def check_pdf_target(target: Path) -> None:
    """A PDF is written to a file name, never over a folder: one line, before any work (or warning) is done."""
    if Path(target).is_dir():
        raise ExportError(f"{target} is a folder: give the PDF's file name, e.g. {Path(target) / '举证材料.pdf'}")


def check_pack_folder(folder: Path) -> None:
    """The upload pack goes into a new folder inside `folder`, which must be a folder (or not exist yet)."""
    if Path(folder).exists() and not Path(folder).is_dir():
        raise ExportError(f"{folder} exists and is not a folder")


@dataclass(frozen=True)
class Preset:
    name: str
    dpi: int
    quality: int


PRINT = Preset("print", 200, 80)
# Compact: tried in order until the PDF fits the budget; the last one is the floor.
COMPACT_STEPS = (Preset("compact", 150, 75), Preset("compact", 120, 70), Preset("compact", 100, 62),
                 Preset("compact", 85, 55), Preset("compact", 72, 50), Preset("compact", 60, 42))
DEFAULT_BUDGET = 5_000_000


@dataclass
class ExportResult:
    path: Path
    pages: int = 0
    bytes: int = 0
    preset: Preset | None = None
    warnings: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)  # upload pack
