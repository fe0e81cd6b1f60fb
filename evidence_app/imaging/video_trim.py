"""A copy of a video exhibit for an upload box that takes video: trimmed to the marked span, re-encoded as H.264
under the platform's size limit, without sound or metadata, redaction boxes blacked out on every frame. The stored
video is only read. Qt-free; PyAV (FFmpeg)."""

from __future__ import annotations

import math
import warnings
from fractions import Fraction
from pathlib import Path

from evidence_app.imaging.video import VideoError, _open, _rotation, _start, _video_stream

def _to_stored(box: tuple[int, int, int, int], rotation: int, width: int, height: int) -> tuple[int, int, int, int]:
    """A box in upright pixels → the same area in the stored frame (`width`×`height`), which the player turns
    `rotation` degrees counter-clockwise (as `upright` does)."""
    x, y, w, h = box
    if rotation == 90:  # upright (u, v) shows stored (width - 1 - v, u)
        return width - (y + h), x, h, w
    if rotation == 270:  # upright (u, v) shows stored (v, height - 1 - u)
        return y, height - (x + w), h, w
    if rotation == 180:
        return width - (x + w), height - (y + h), w, h
    return x, y, w, h


def _to_output(box, fx: float, fy: float, width: int, height: int) -> tuple[int, int, int, int]:
    """Scaled to the output size, grown outwards to whole pixels and to even ones (chroma is half size)."""
    x, y, w, h = box
    left, top = max(0, math.floor(x * fx) // 2 * 2), max(0, math.floor(y * fy) // 2 * 2)
    right = min(width, -(-math.ceil((x + w) * fx) // 2) * 2)
    bottom = min(height, -(-math.ceil((y + h) * fy) // 2) * 2)
    return left, top, right, bottom


def _copy_frame(frame):
    import av

    copy = av.VideoFrame(frame.width, frame.height, "yuv420p")
    for source, target in zip(frame.planes, copy.planes):
        src, dst = memoryview(source).cast("B"), memoryview(target).cast("B")
        width = min(source.width, target.width)
        for y in range(min(source.height, target.height)):
            dst[y * target.line_size: y * target.line_size + width] = src[y * source.line_size:
                                                                            y * source.line_size + width]
    return copy


def _black_out(frame, boxes: list[tuple[int, int, int, int]]) -> None:
    """Black (Y 16, Cb/Cr 128) written straight into the planes of a yuv420p frame."""
    for plane_no, (value, shift) in enumerate(((16, 0), (128, 1), (128, 1))):
        plane = frame.planes[plane_no]
        line = plane.line_size
        view = memoryview(plane).cast("B")
        for left, top, right, bottom in boxes:
            left, top, right, bottom = left >> shift, top >> shift, right >> shift, bottom >> shift
            if right <= left or bottom <= top:
                continue
            row = bytes([value]) * (right - left)
            for y in range(top, bottom):
                view[y * line + left: y * line + right] = row


def _chain(head, tail):
    yield head
    yield from tail


def span(times: list[float], duration: float, margin: float = 2.0) -> tuple[float, float]:
    """The marked span: from just before the first key frame to just after the last (the whole video without
    key frames)."""
    if not times:
        return 0.0, duration
    return max(0.0, min(times) - margin), min(duration, max(times) + margin)


MAX_CLIP_S = 300.0  # an upload copy longer than this is not made: the key frames should mark the moments that matter


def trim_copy(source: Path | str, target: Path | str, start: float, end: float, max_bytes: int,
              boxes: list[tuple[int, int, int, int]] = (), cancelled=lambda: False) -> int:
    """Re-encode `start`..`end` of `source` as H.264 MP4 at a bit rate that keeps it under `max_bytes`, at most
    720 lines, without sound or metadata (no creation time, no location, no device). `boxes` (upright pixels of
    the source) are blacked out on every frame: a redaction on any key frame hides that area for the whole clip.
    Returns the size written; raises VideoError("video_too_long") when even 150 kbit/s does not fit."""
    import av

    length = max(0.1, end - start)
    if length > MAX_CLIP_S:
        raise VideoError("video_too_long", f"{length:.0f} s is longer than {MAX_CLIP_S:.0f} s")
    bits = max_bytes * 8 * 0.85 / length  # container overhead and rate-control overshoot
    if bits < 150_000:
        raise VideoError("video_too_long", f"{length:.0f} s at {bits / 1000:.0f} kbit/s")
    bitrate = int(min(bits, 4_000_000))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with _open(source) as inp, av.open(str(target), mode="w", format="mp4") as out:
            stream = _video_stream(inp)
            stream.thread_type = "AUTO"
            tb = stream.time_base
            origin = _start(stream)
            begin = origin + start
            inp.seek(int(begin / tb), stream=stream, backward=True)
            decoded = (f for f in inp.decode(stream) if f.pts is not None)
            first = None
            for frame in decoded:  # the frame shown at `start`, and the one after it held back
                if float(frame.pts * tb) <= begin + 1e-4:
                    first = frame
                    continue
                held = frame
                break
            else:
                held = None
            if first is None:
                first, held = held, None
            if first is None:
                raise VideoError("video_corrupt", "nothing to trim")
            rotation = _rotation(first)
            src_w, src_h = first.width, first.height
            # encoded as stored, turned for display by the same rotation the recorder wrote: no Python pixels
            scale = min(1.0, 720 / min(src_w, src_h))
            out_w, out_h = max(2, int(src_w * scale) // 2 * 2), max(2, int(src_h * scale) // 2 * 2)
            rate = stream.average_rate or Fraction(25, 1)
            rate = Fraction(rate).limit_denominator(1001)
            if not 1 <= rate <= 120:
                rate = Fraction(25, 1)
            enc = out.add_stream("libx264" if "libx264" in av.codecs_available else "mpeg4", rate=rate)
            enc.width, enc.height, enc.pix_fmt = out_w, out_h, "yuv420p"
            enc.bit_rate = bitrate
            enc.codec_context.options = {"preset": "veryfast", "maxrate": str(bitrate), "bufsize": str(bitrate * 2)}
            if rotation:
                enc.set_display_rotation(rotation)
            stored_boxes = [_to_output(_to_stored(box, rotation, src_w, src_h), out_w / src_w, out_h / src_h,
                                       out_w, out_h) for box in boxes]
            index = 0

            def emit(frame) -> None:
                nonlocal index
                new = frame.reformat(width=out_w, height=out_h, format="yuv420p")
                if stored_boxes:
                    if new is frame:  # never draw into the decoder's frame: later frames are predicted from it
                        new = _copy_frame(frame)
                    _black_out(new, stored_boxes)
                new.pts = index
                new.time_base = 1 / rate
                index += 1
                for packet in enc.encode(new):
                    out.mux(packet)

            emit(first)
            stop = float(first.pts * tb) + length
            rest = decoded if held is None else _chain(held, decoded)
            for frame in rest:
                if cancelled():
                    raise VideoError("cancelled")
                if frame.pts <= first.pts:
                    continue
                if float(frame.pts * tb) >= stop:
                    break
                emit(frame)
            for packet in enc.encode(None):
                out.mux(packet)
    size = Path(target).stat().st_size
    if size > max_bytes:
        raise VideoError("video_too_long", f"{size} bytes after encoding")
    return size
