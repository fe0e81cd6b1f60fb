"""Video evidence (packing and unboxing videos): identify by content, read the metadata, propose key frames,
decode the frame at a time, and make a trimmed, re-encoded copy for an upload box. Qt-free; PyAV (FFmpeg).

The stored video is only ever read. Frame times are seconds from the start of the video as the player shows it
(the stream's start time subtracted). Frames are returned upright (the recorder's display rotation applied).
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageStat

# Container → media type. The ISO family (MP4/MOV/M4V) shares one demuxer; its brand tells them apart.
VIDEO_MEDIA_TYPES = ("video/mp4", "video/quicktime", "video/x-m4v", "video/x-msvideo", "video/x-matroska")
VIDEO_EXTENSIONS = {"video/mp4": ".mp4", "video/quicktime": ".mov", "video/x-m4v": ".m4v",
                    "video/x-msvideo": ".avi", "video/x-matroska": ".mkv"}
# What phones and packing stations record, plus the common older and open codecs FFmpeg decodes well.
CODECS = {"h264": "H.264", "hevc": "H.265", "mpeg4": "MPEG-4", "mjpeg": "MJPEG", "vp8": "VP8", "vp9": "VP9",
          "av1": "AV1", "mpeg2video": "MPEG-2", "msmpeg4v3": "MPEG-4 (DivX 3)", "libdav1d": "AV1"}
MAX_PROPOSED = 6
MAX_PIXELS = 8192 * 8192


class VideoError(Exception):
    """A file that is not a usable video. `code` matches a `refuse.*` message; `detail` is for the log."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(detail or code)
        self.code, self.detail = code, detail


@dataclass
class VideoInfo:
    media_type: str
    width: int  # upright
    height: int
    duration_s: float
    fps: float | None
    codec: str  # FFmpeg's decoder name: h264, hevc, mpeg4…
    rotation: int = 0  # degrees counter-clockwise the picture is turned for display (0/90/180/270)
    created_at: str | None = None  # the recorder's creation time (ISO text), when it wrote one


_IMAGE_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif", b"avis", b"jpeg",
                 b"avci", b"MiHE", b"crx ")


def looks_like_video(head: bytes) -> bool:
    """The container signatures we accept: ISO BMFF / QuickTime atoms, RIFF AVI, Matroska (EBML)."""
    if len(head) >= 12 and head[4:8] == b"ftyp":
        # HEIC/AVIF photos are the same box format: their brands say image
        return head[8:12] not in _IMAGE_BRANDS
    if len(head) >= 12 and head[4:8] in (b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"):
        return True
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return True
    return head[:4] == b"\x1a\x45\xdf\xa3"


def _open(path: Path | str):
    import av

    return av.open(str(path), mode="r", metadata_errors="ignore")


def _video_stream(container):
    streams = [s for s in container.streams.video if s.codec_context is not None]
    if not streams:
        raise VideoError("video_no_stream")
    # an attached cover picture (MP4 artwork) is a "video" stream of one frame: never the one we want
    real = [s for s in streams if not (s.disposition and "attached_pic" in str(s.disposition).lower())]
    return (real or streams)[0]


def _media_type(container) -> str:
    names = set(container.format.name.split(","))
    if "avi" in names:
        return "video/x-msvideo"
    if "matroska" in names:
        return "video/x-matroska"
    if "mov" in names or "mp4" in names:
        brand = str(container.metadata.get("major_brand", "")).strip().lower()
        if brand == "qt":
            return "video/quicktime"
        if brand.startswith("m4v"):
            return "video/x-m4v"
        return "video/mp4"
    raise VideoError("video_type", container.format.name)


def _start(stream) -> float:
    return float(stream.start_time * stream.time_base) if stream.start_time is not None else 0.0


def _duration(container, stream) -> float:
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None:
        return container.duration / 1_000_000
    return 0.0


def _rotation(frame) -> int:
    try:
        angle = int(round(frame.rotation or 0))
    except (AttributeError, TypeError, ValueError):
        return 0
    return (round(angle / 90) * 90) % 360


def _created(container, stream) -> str | None:
    raw = stream.metadata.get("creation_time") or container.metadata.get("creation_time") or \
        container.metadata.get("date")
    if not raw or not isinstance(raw, str) or raw.startswith("1970-01-01") or raw.startswith("1904-01-01"):
        return None
    text = raw.strip().replace(" ", "T")
    if text.endswith("Z"):
        text = text[:-1].split(".")[0] + "+00:00"
    return text[:25]


def probe_video(path: Path) -> VideoInfo:
    """Open the video, read what we show, and prove it decodes at its start and at its end (a truncated copy
    fails here, not at export). Raises VideoError."""
    import av

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with _open(path) as container:
                media_type = _media_type(container)
                stream = _video_stream(container)
                codec = stream.codec_context.name
                if codec not in CODECS:
                    raise VideoError("video_codec", codec)
                duration = _duration(container, stream)
                rate = stream.average_rate or stream.guessed_rate
                fps = round(float(rate), 3) if rate else None
                first = _first_frame(container, stream)
                if first is None:
                    raise VideoError("video_corrupt", "no frame decodes")
                rotation = _rotation(first)
                width, height = first.width, first.height
                if width * height > MAX_PIXELS:
                    raise VideoError("video_corrupt", f"{width}x{height} pixels")
                if rotation in (90, 270):
                    width, height = height, width
                created = _created(container, stream)
                _check_index(stream, Path(path).stat().st_size)
                if duration <= 0:
                    raise VideoError("video_corrupt", "no duration")
                last = _last_time(container, stream, duration)
                # the demuxer's index promises `duration`; the data must be there to back it up
                if last is None or last < duration - max(0.5, 3.0 / (fps or 1.0)):
                    raise VideoError("video_truncated", f"data ends at {last} of {duration:.2f} s")
    except VideoError:
        raise
    except av.error.FFmpegError as exc:
        raise VideoError("video_corrupt", str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__) from None
    except (MemoryError, OSError, ValueError, IndexError, ZeroDivisionError) as exc:
        raise VideoError("video_corrupt", str(exc)[:120] or type(exc).__name__) from None
    return VideoInfo(media_type, width, height, round(duration, 3), fps, codec, rotation, created)


def _check_index(stream, size: int) -> None:
    """MP4/MOV/MKV carry an index of where every sample lies: a sample past the end of the file is a copy that
    stopped early (an interrupted transfer from the phone)."""
    try:
        entries = stream.index_entries
        ends = [entry.pos + entry.size for entry in entries if entry.pos >= 0] if entries is not None else []
    except Exception:  # noqa: BLE001 - no index (AVI without idx1, a stream): the decode check below decides
        return
    if ends and max(ends) > size:
        raise VideoError("video_truncated", f"index needs {max(ends)} bytes, file has {size}")


def _first_frame(container, stream):
    count = 0
    for packet in container.demux(stream):
        count += 1
        for frame in packet.decode():
            return frame
        if count > 600:  # nothing decodes in the first 600 packets: not a video we can show
            return None
    return None


def _last_time(container, stream, duration: float) -> float | None:
    """The time (s from start) of the end of the last packet at the end of the file, after decoding one frame
    there; None when nothing near the end decodes."""
    start = _start(stream)
    tb = stream.time_base
    container.seek(int((start + max(0.0, duration - 3.0)) / tb), stream=stream, backward=True)
    last, decoded = None, False
    for packet in container.demux(stream):
        if packet.pts is None:
            continue
        try:
            frames = packet.decode()
        except Exception:  # noqa: BLE001 - damaged data at the end: judged by what decoded
            frames = []
        decoded = decoded or bool(frames)
        end = float((packet.pts + (packet.duration or 0)) * tb) - start
        last = end if last is None else max(last, end)
    if not decoded:
        try:
            decoded = bool(stream.codec_context.decode(None))  # frames held back by the decoder
        except Exception:  # noqa: BLE001
            decoded = False
    return last if decoded else None


# --- frames ----------------------------------------------------------------------------------------------------

def upright(frame, rotation: int | None = None) -> Image.Image:
    image = frame.to_image()
    angle = _rotation(frame) if rotation is None else rotation
    if angle:
        image = image.rotate(angle, expand=True)
    return image


def frame_at(path: Path | str, t: float, *, max_size: int | None = None) -> Image.Image:
    """The upright picture shown at `t` seconds (the last frame that starts at or before t; t past the end
    gives the last frame). `max_size`: longest side, scaled while converting (faster for previews)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with _open(path) as container:
            stream = _video_stream(container)
            stream.thread_type = "AUTO"
            frame = _decode_at(container, stream, t)
            if frame is None:
                raise VideoError("video_corrupt", f"no frame at {t:.3f} s")
            return _scaled_upright(frame, max_size)


def _scaled_upright(frame, max_size: int | None) -> Image.Image:
    """Upright, at most `max_size` on the long side (scaled while converting from YUV: the cheap place)."""
    rotation = _rotation(frame)
    if max_size and max(frame.width, frame.height) > max_size:
        scale = max_size / max(frame.width, frame.height)
        frame = frame.reformat(width=max(2, round(frame.width * scale)), height=max(2, round(frame.height * scale)))
    return upright(frame, rotation)


def _decode_at(container, stream, t: float):
    start = _start(stream)
    tb = stream.time_base
    target = start + max(0.0, t)
    container.seek(int(target / tb), stream=stream, backward=True)
    best = None
    for frame in container.decode(stream):
        if frame.pts is None:
            continue
        when = float(frame.pts * tb)
        if when <= target + 1e-4:
            best = frame
            continue
        return best if best is not None else frame
    return best


def frames_at(path: Path | str, times: list[float], max_size: int | None = None) -> list[Image.Image]:
    """Several frames from one opened container (export): each decoded from the key frame before it."""
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with _open(path) as container:
            stream = _video_stream(container)
            stream.thread_type = "AUTO"
            for t in times:
                frame = _decode_at(container, stream, t)
                if frame is None:
                    raise VideoError("video_corrupt", f"no frame at {t:.3f} s")
                out.append(_scaled_upright(frame, max_size))
    return out


def propose_key_frames(path: Path | str, duration: float, limit: int = MAX_PROPOSED) -> list[float]:
    """Up to `limit` moments worth showing: the strongest scene changes plus evenly spaced moments, chosen among
    the video's key frames (decoding only those is fast: a 60 s clip in well under a second of work)."""
    samples = _key_frame_samples(path) if duration <= LONG_S else _seek_samples(path, duration)
    if duration <= 0:
        return [0.0]
    count = max(1, min(limit, math.ceil(duration / 2)))  # a 3 s clip does not need six frames
    gap = duration / (count * 2)
    chosen: list[float] = []

    def free(t: float) -> bool:
        return all(abs(t - other) >= gap for other in chosen)

    # scene changes: the biggest jumps between neighbouring key frames, at most half the picks
    # a cut stands out from the ordinary motion between key frames (a hand, a counter ticking)
    diffs = sorted(diff for _t, diff in samples[1:])
    typical = diffs[len(diffs) // 2] if diffs else 0.0
    changes = sorted(((diff, t) for t, diff in samples[1:] if diff >= max(18.0, 2.5 * typical)), reverse=True)
    for _diff, t in changes:
        if len(chosen) >= count // 2:
            break
        if free(t):
            chosen.append(t)
    # evenly spaced moments, each moved to the nearest key frame when one is close (cheap to decode later),
    # the one farthest from everything chosen first: the picks spread over the whole video
    times = [t for t, _ in samples]
    candidates = []
    for index in range(count):
        target = duration * (index + 0.5) / count
        near = min(times, key=lambda k: abs(k - target)) if times else target
        candidates.append(near if abs(near - target) <= duration / (count * 2) else target)
    while len(chosen) < count and candidates:
        best = max(candidates, key=lambda t: min((abs(t - other) for other in chosen), default=duration))
        candidates.remove(best)
        if free(best):
            chosen.append(best)
    return sorted(round(min(max(0.0, t), duration), 3) for t in chosen)


LONG_S = 300.0  # longer videos are sampled at SAMPLES positions instead of at every key frame
SAMPLES = 150


def _seek_samples(path: Path | str, duration: float) -> list[tuple[float, float]]:
    """Like `_key_frame_samples`, at SAMPLES evenly spaced positions of a long video (each: the key frame before
    it), so an hour-long recording is sampled in seconds, not minutes."""
    out: list[tuple[float, float]] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with _open(path) as container:
            stream = _video_stream(container)
            stream.codec_context.skip_frame = "NONKEY"
            stream.thread_type = "AUTO"
            start, tb = _start(stream), stream.time_base
            previous = None
            for index in range(SAMPLES):
                target = start + duration * (index + 0.5) / SAMPLES
                try:
                    container.seek(int(target / tb), stream=stream, backward=True)
                    frame = next((f for f in container.decode(stream) if f.pts is not None), None)
                except Exception:  # noqa: BLE001 - a damaged stretch: skip that sample
                    continue
                if frame is None:
                    continue
                t = float(frame.pts * tb) - start
                if out and abs(out[-1][0] - t) < 1e-3:
                    continue  # the same key frame as the previous sample
                small = frame.reformat(width=48, height=27, format="gray").to_image()
                diff = 0.0 if previous is None else ImageStat.Stat(ImageChops.difference(small, previous)).mean[0]
                out.append((t, diff))
                previous = small
    return out


def _key_frame_samples(path: Path | str) -> list[tuple[float, float]]:
    """(time, mean difference from the previous key frame, 0-255) of every key frame, from tiny greyscale
    thumbnails."""
    out: list[tuple[float, float]] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with _open(path) as container:
            stream = _video_stream(container)
            ctx = stream.codec_context
            ctx.skip_frame = "NONKEY"
            stream.thread_type = "AUTO"
            start = _start(stream)
            previous = None
            try:
                for frame in container.decode(stream):
                    if frame.pts is None:
                        continue
                    small = frame.reformat(width=48, height=27, format="gray").to_image()
                    diff = 0.0 if previous is None else ImageStat.Stat(ImageChops.difference(small, previous)).mean[0]
                    out.append((float(frame.pts * stream.time_base) - start, diff))
                    previous = small
                    if len(out) > 5000:
                        break
            except Exception:  # noqa: BLE001 - a damaged tail: propose from what decoded
                pass
    return out


def timecode(t: float) -> str:
    """00:01:23.4 (tenths of a second)."""
    tenths = int(math.floor(max(0.0, t) * 10 + 1e-6))  # truncated, as players show it: never later than the frame
    hours, rest = divmod(tenths, 36000)
    minutes, rest = divmod(rest, 600)
    seconds, tenth = divmod(rest, 10)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{tenth}"
