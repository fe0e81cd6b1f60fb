"""Identify an incoming evidence file by its content, refuse what we cannot use, and read its metadata."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageFile

from evidence_app.core.i18n import tr
from evidence_app.imaging.modes import to_rgb

ImageFile.LOAD_TRUNCATED_IMAGES = False

_heif_ready = False


def ensure_heif() -> bool:
    """Register the HEIC/HEIF opener once (pillow-heif); False when it is not installed."""
    global _heif_ready
    if not _heif_ready:
        try:
            from pillow_heif import register_heif_opener
        except ImportError:  # pragma: no cover - a dependency; kept optional for slim servers
            return False
        register_heif_opener()
        _heif_ready = True
    return True


MEDIA_TYPES = {
    "JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif", "BMP": "image/bmp",
    "TIFF": "image/tiff", "HEIF": "image/heif", "MPO": "image/jpeg",
}
EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp", "image/gif": ".gif",
              "image/bmp": ".bmp", "image/tiff": ".tif", "image/heif": ".heic", "application/pdf": ".pdf"}

EXIF_ORIENTATION = 0x0112
EXIF_DATETIME = 0x0132
EXIF_IFD = 0x8769
EXIF_DATETIME_ORIGINAL = 0x9003
EXIF_OFFSET_ORIGINAL = 0x9011


class Refused(Exception):
    """A file that cannot become evidence. `code` is stable; `message(lang)` is for people."""

    def __init__(self, code: str, **params: object):
        self.code, self.params = code, params
        super().__init__(tr(f"refuse.{code}", "en", **params))

    def message(self, lang: str = "zh_CN") -> str:
        return tr(f"refuse.{self.code}", lang, **self.params)


@dataclass
class Probe:
    media_type: str
    width: int | None = None  # upright
    height: int | None = None
    orientation: int = 1
    page_count: int | None = None
    captured_at: str | None = None
    # videos (issue 12)
    duration_s: float | None = None
    fps: float | None = None
    codec: str | None = None
    frames: list[float] | None = None  # key frames proposed when the video is added

    @property
    def is_video(self) -> bool:
        return self.media_type.startswith("video/")


def _exif_time(exif: Image.Exif) -> str | None:
    sub = exif.get_ifd(EXIF_IFD)
    raw = sub.get(EXIF_DATETIME_ORIGINAL) or exif.get(EXIF_DATETIME)
    if not isinstance(raw, str):
        return None
    raw = raw.strip().rstrip("\x00")
    if len(raw) < 19 or raw.startswith("0000"):
        return None
    text = raw[:10].replace(":", "-") + "T" + raw[11:19]
    offset = sub.get(EXIF_OFFSET_ORIGINAL)
    if isinstance(offset, str) and len(offset.strip()) == 6:
        text += offset.strip()
    return text


def _probe_pdf(path: Path) -> Probe:
    from pypdf import PdfReader

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(str(path), strict=False)
            if reader.is_encrypted:
                try:
                    ok = reader.decrypt("")
                except Exception:  # noqa: BLE001 - unsupported crypto counts as locked
                    ok = 0
                if not ok:
                    raise Refused("encrypted_pdf")
            pages = len(reader.pages)
    except Refused:
        raise
    except Exception as exc:  # noqa: BLE001 - a broken PDF can raise anything in the parser: one refusal
        raise Refused("corrupt_pdf", detail=str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__) from None
    if pages < 1:
        raise Refused("empty_pdf")
    return Probe("application/pdf", page_count=pages)


def probe_file(path: Path, max_bytes: int, max_video_bytes: int | None = None, *, propose: bool = False) -> Probe:
    """Check `path` and return what we need to know about it, or raise Refused. Videos have their own size
    limit (`max_video_bytes`, default: the same as other files); `propose`: suggest key frames for a video."""
    video_limit = max_video_bytes if max_video_bytes is not None else max_bytes
    check_file(path, max(max_bytes, video_limit))
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as exc:
        raise Refused("unreadable", detail=exc.strerror or str(exc)) from None
    from evidence_app.imaging.video import looks_like_video

    if looks_like_video(head):
        check_file(path, video_limit)
        return probe_video_file(path, propose)
    check_file(path, max_bytes)
    if b"%PDF-" in head:
        return _probe_pdf(path)
    return probe_image(path)


def probe_video_file(path: Path, propose: bool = False) -> Probe:
    """A video (issue 12): metadata, a decode at its start and end, and optionally proposed key frames."""
    from evidence_app.imaging.video import VideoError, probe_video, propose_key_frames

    try:
        info = probe_video(path)
        frames = propose_key_frames(path, info.duration_s) if propose else None
    except VideoError as exc:
        if exc.code == "video_codec":
            raise Refused("video_codec", codec=exc.detail) from None
        raise Refused(exc.code if exc.code in ("video_truncated", "video_no_stream", "video_type") else
                      "video_corrupt", detail=exc.detail) from None
    except ImportError:  # pragma: no cover - PyAV is a dependency; a slim install without it refuses videos
        raise Refused("type") from None
    return Probe(info.media_type, info.width, info.height, 1, None, info.created_at, info.duration_s, info.fps,
                 info.codec, frames)


def check_file(path: Path, max_bytes: int) -> None:
    """The cheap checks, before anything is copied: exists, a file, not empty, under the size limit."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise Refused("missing") from None
    except OSError as exc:
        raise Refused("unreadable", detail=exc.strerror or str(exc)) from None
    if not path.is_file():
        raise Refused("not_file")
    if stat.st_size == 0:
        raise Refused("empty")
    if stat.st_size > max_bytes:
        raise Refused("too_large", size_mb=round(stat.st_size / 1e6, 1), limit_mb=round(max_bytes / 1e6))


def probe_image(path: Path) -> Probe:
    ensure_heif()
    limit = Image.MAX_IMAGE_PIXELS or 0
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a damaged tag or a malformed MPO: the file still reads, quietly
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as img:
                fmt = img.format or ""
                media_type = MEDIA_TYPES.get(fmt)
                if media_type is None:
                    raise Refused("type")
                width, height = img.size
                exif = img.getexif()
                orientation = exif.get(EXIF_ORIENTATION, 1)
                if orientation not in range(1, 9):
                    orientation = 1
                captured = _exif_time(exif)
                if fmt == "JPEG":
                    # Decoding at 1/8 scale still walks the whole entropy-coded stream: truncation shows, fast.
                    img.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                img.load()  # GIF: first frame only
                if img.mode not in _COMMON_MODES:
                    to_rgb(img)  # an odd mode (16-bit, float, LAB…) that cannot be converted fails here, not at export
                pages = _tiff_pages(img) if fmt == "TIFF" else None
    except Refused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise Refused("bomb", pixels=_mp(exc), limit=round(limit / 1e6)) from None
    except Image.UnidentifiedImageError:
        raise Refused("type") from None
    except MemoryError:
        raise Refused("corrupt_image", detail="too large to decode") from None
    except Exception as exc:  # noqa: BLE001 - a fuzzed file can raise anything in a decoder; it is one refusal
        raise Refused("corrupt_image", detail=str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
                      ) from None
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    return Probe(media_type, width, height, orientation, pages, captured)


_COMMON_MODES = ("RGB", "L", "RGBA", "P", "CMYK", "LA", "1", "PA", "YCbCr")


def _tiff_pages(img: Image.Image) -> int | None:
    """A multi-page TIFF's page count (every page is exported, like a PDF's); None for one page."""
    frames = getattr(img, "n_frames", 1)
    return frames if frames > 1 else None


def _mp(exc: Exception) -> str:
    """Pillow says "Image size (N pixels) exceeds limit of M pixels": report N in megapixels."""
    match = re.search(r"\((\d+) pixels\)", str(exc))
    return f"{int(match.group(1)) / 1e6:.0f}" if match else "?"
