"""The usual photo (a JPEG, turned upright and shrunk to the page slot, nothing cropped or blacked out) through
OpenCV, in the image workers of a pool for many photos, when the reading extra installed it. Its libjpeg-turbo
decodes at 1/2, 1/4 or 1/8 as Pillow's draft does; then a SIMD bilinear shrink (4 ms for a 12 MP photo's half-size
decode, against 19-21 ms for Pillow's box filter, and closer to a Lanczos reference), a single turn and an
encode from its arrays: 57-62 ms a photo in a worker against 71-75 ms with Pillow. Without OpenCV, in-process,
or for any file this path does not take, imaging/prepare.py does the same with Pillow.

Pillow stays the judge of a damaged file: OpenCV's decoder fills a truncated JPEG with grey instead of failing, so
a file whose last scan is not closed by an end-of-image marker goes to Pillow, which raises.
"""

from __future__ import annotations

import ctypes
import sys

# EXIF orientation, then the agent's clockwise turn: what each does to an array of rows (as Pillow's transposes).
_ORIENT = {2: "flip_lr", 3: "rot180", 4: "flip_tb", 5: "transpose", 6: "rot270", 7: "transverse", 8: "rot90"}
_TURN = {90: "rot270", 180: "rot180", 270: "rot90"}
_CV = None  # OpenCV once enable() imported it


def enable() -> bool:
    """In an image worker with photos enough to pay for the import (~0.1 s, 29 MB): OpenCV imported, on one thread
    (the workers are the parallelism), freed arrays kept in the heap (glibc). Until then, and where OpenCV is not
    installed, every photo goes through Pillow. True when this path is on."""
    global _CV
    if _CV is None:
        try:
            import cv2
            import numpy  # noqa: F401
        except Exception:  # noqa: BLE001 - not installed, or a broken install: Pillow does the work
            return False
        cv2.setNumThreads(1)
        _keep_heap()
        _CV = cv2
    return True


def active() -> bool:
    return _CV is not None


def _cv2():
    return _CV


def _keep_heap() -> None:
    """OpenCV's arrays are numpy's, from malloc. glibc serves a request of a size it has not seen freed with a fresh
    mapping and unmaps it when freed, and trims the heap's top past twice that size: each photo's 9 MB decode and
    5 MB shrink and turn were new pages to fault in (3,400 faults, 11 ms of a photo in the kernel, as much as the
    bilinear shrink saved). Fixed thresholds keep them in the heap: 4 faults a photo. (Pillow keeps its own blocks:
    imaging/prepare.py PIXEL_BLOCKS_KEPT.)"""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None)
        libc.mallopt(_M_MMAP_THRESHOLD, 64 << 20)
        libc.mallopt(_M_TRIM_THRESHOLD, 128 << 20)
    except (OSError, AttributeError):  # not glibc (musl has no mallopt to speak of)
        pass


_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # glibc's malloc.h


def closed_scan(data: bytes) -> bool:
    """The last scan is followed by an end-of-image marker (FFD9 cannot appear inside entropy-coded data, where an
    FF byte is always followed by 00 or a restart marker): the file was not cut short. Searched from the end
    for the marker and forward for the scans (a backward search for the last scan walked the whole 3 MB)."""
    end = data.rfind(b"\xff\xd9")
    return end > 0 and data.find(b"\xff\xda", end) == -1 and 0 <= data.find(b"\xff\xda") < end


def _turn(array, op: str):
    """`op` done by OpenCV (numpy's rot90 and a contiguous copy cost four times as much)."""
    cv2 = _cv2()
    if op == "flip_lr":
        return cv2.flip(array, 1)
    if op == "flip_tb":
        return cv2.flip(array, 0)
    if op == "rot90":  # Pillow's ROTATE_90: counter-clockwise
        return cv2.rotate(array, cv2.ROTATE_90_COUNTERCLOCKWISE)
    if op == "rot180":
        return cv2.rotate(array, cv2.ROTATE_180)
    if op == "rot270":
        return cv2.rotate(array, cv2.ROTATE_90_CLOCKWISE)
    if op == "transpose":
        return cv2.transpose(array)
    return cv2.flip(cv2.transpose(array), -1)  # transverse


def _one_turn(orientation: int, rotation: int) -> str | None:
    """The single turn or flip that does the EXIF orientation and then the agent's turn (one pass over the pixels
    instead of two), None when they cancel out: found by doing both on a 2x3 array of indices."""
    import numpy as np
    ops = [op for op in (_ORIENT.get(orientation), _TURN.get(rotation)) if op]
    if len(ops) < 2:
        return ops[0] if ops else None
    sample = np.arange(6, dtype=np.uint8).reshape(2, 3, 1).repeat(3, axis=2)
    both = _turn(_turn(sample, ops[0]), ops[1])
    for op in _TURN_NAMES:
        single = _turn(sample, op)
        if single.shape == both.shape and (single == both).all():
            return op
    return None


_TURN_NAMES = ("flip_lr", "flip_tb", "rot90", "rot180", "rot270", "transpose", "transverse")


def photo(source: str, out: str, scale_denom: int, stored_target: tuple[int, int], orientation: int,
          rotation: int, quality: int) -> tuple[int, int] | None:
    """Decode `source` at 1/`scale_denom`, shrink it to `stored_target` (width, height, stored orientation), turn it
    upright, write it to `out` as a baseline 4:2:0 JPEG at `quality` with no metadata. The final (width, height),
    or None when this path does not take the file (no OpenCV, not a closed scan, OpenCV cannot decode it)."""
    cv2 = _cv2()
    if cv2 is None:
        return None
    import numpy as np
    with open(source, "rb") as f:
        data = f.read()
    if not closed_scan(data):
        return None
    flags = {1: cv2.IMREAD_COLOR, 2: cv2.IMREAD_REDUCED_COLOR_2, 4: cv2.IMREAD_REDUCED_COLOR_4,
             8: cv2.IMREAD_REDUCED_COLOR_8}[scale_denom] | cv2.IMREAD_IGNORE_ORIENTATION
    array = cv2.imdecode(np.frombuffer(data, np.uint8), flags)
    del data
    if array is None or array.ndim != 3 or array.shape[2] != 3:
        return None
    height, width = array.shape[:2]
    if (width, height) != stored_target:
        # Bilinear is exact enough at the ratios left after DCT scaling (0.5-1: every source pixel is used);
        # below 0.5 (a tiny slot) area averaging.
        shrink = min(stored_target[0] / width, stored_target[1] / height)
        array = cv2.resize(array, stored_target, interpolation=cv2.INTER_LINEAR if shrink >= 0.5 else cv2.INTER_AREA)
    op = _one_turn(orientation, rotation)
    if op is not None:
        array = _turn(array, op)
    ok, encoded = cv2.imencode(".jpg", array, [cv2.IMWRITE_JPEG_QUALITY, quality, cv2.IMWRITE_JPEG_OPTIMIZE, 0,
                                               cv2.IMWRITE_JPEG_PROGRESSIVE, 0,
                                               cv2.IMWRITE_JPEG_SAMPLING_FACTOR, cv2.IMWRITE_JPEG_SAMPLING_FACTOR_420])
    if not ok:
        return None
    with open(out, "wb") as f:
        f.write(encoded.tobytes())
    return array.shape[1], array.shape[0]

