"""Video evidence speed (issue 12). Prints figures and ratios against baselines measured in the same run:

1. proposing key frames for a 60 s 1080p H.264 clip (goal: ≤ 3 s on 2 cores), against decoding every frame;
2. decoding the frame at a position, as the viewer's scrubber does (goal: ≤ 150 ms after the slider stops);
3. exporting a case with a 10-minute 1080p video, against the same key frames added as photos (goal: no more).

    .venv/bin/python benchmarks/video_bench.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from evidence_app.imaging.video_sample import SCENE_COLOURS, frame_picture  # noqa: E402


def make_clip(path: Path, seconds: int, fps: int, size=(1920, 1080), moving: bool = True) -> Path:
    """An H.264 clip like a phone's (a key frame every second). `moving`: every frame differs (the counter
    changes); otherwise each 10 s scene is one still picture (cheap to make: the 10-minute clip)."""
    import av

    width, height = size
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=Fraction(fps))
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.codec_context.options = {"preset": "ultrafast", "x264-params": f"keyint={fps}:min-keyint=1"}
        still = None
        for index in range(seconds * fps):
            scene = index // (fps * 10)
            colour = SCENE_COLOURS[scene % len(SCENE_COLOURS)]
            if moving or still is None or still[0] != scene:
                picture = frame_picture(index if moving else scene, width, height, colour)
                still = (scene, av.VideoFrame.from_image(picture).reformat(format="yuv420p"))
            frame = still[1]
            frame.pts, frame.time_base = index, Fraction(1, fps)
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


def decode_all(path: Path) -> int:
    import av

    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        return sum(1 for _ in container.decode(stream))


def timed(func, *args, **kwargs):
    start = time.perf_counter()
    result = func(*args, **kwargs)
    return time.perf_counter() - start, result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", help="keep the clips in this folder (reused when present)")
    args = parser.parse_args()
    from evidence_app.imaging import video as V

    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="video-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        clip = folder / "clip60_1080p.mp4"
        if not clip.is_file():
            made, _ = timed(make_clip, clip, 60, 30)
            print(f"made the 60 s 1080p30 H.264 clip in {made:.1f} s ({clip.stat().st_size / 1e6:.1f} MB)")
        info = V.probe_video(clip)
        probe_s, _ = timed(V.probe_video, clip)
        propose_s, proposed = timed(V.propose_key_frames, clip, info.duration_s)
        full_s, count = timed(decode_all, clip)
        print(f"1. probe (open, decode start and end): {probe_s * 1000:.0f} ms")
        print(f"   propose key frames (60 s 1080p): {propose_s:.2f} s -> {len(proposed)} frames {proposed}  "
              f"[goal <= 3 s]")
        print(f"   baseline, decoding all {count} frames: {full_s:.2f} s; ratio {propose_s / full_s:.2f}")

        times = []
        for t in (0.0, 7.3, 15.5, 29.97, 44.1, 59.5):
            elapsed, _ = timed(V.frame_at, clip, t, max_size=1280)
            times.append(elapsed)
        full = [timed(V.frame_at, clip, t)[0] for t in (7.3, 44.1)]
        print(f"2. frame at a position (viewer preview, 1280 px): median {statistics.median(times) * 1000:.0f} ms, "
              f"max {max(times) * 1000:.0f} ms  [goal <= 150 ms]; full size {max(full) * 1000:.0f} ms")

        long_clip = folder / "clip600_1080p.mp4"
        if not long_clip.is_file():
            made, _ = timed(make_clip, long_clip, 600, 10, moving=False)
            print(f"made the 10-minute 1080p H.264 clip in {made:.1f} s ({long_clip.stat().st_size / 1e6:.1f} MB)")
        long_s, long_frames = timed(V.propose_key_frames, long_clip, 600.0)
        print(f"   propose key frames (10-minute 1080p, sampled at {V.SAMPLES} positions): {long_s:.2f} s -> "
              f"{long_frames}")
        export_video_s, export_photo_s, pages = _export_costs(folder, long_clip)
        print(f"3. export, case with a 10-minute video (6 key frames): {export_video_s:.2f} s; the same 6 frames as "
              f"photos: {export_photo_s:.2f} s; ratio {export_video_s / export_photo_s:.2f}  [goal <= ~1] ({pages})")
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


def _export_costs(folder: Path, long_clip: Path) -> tuple[float, float, str]:
    from evidence_app.core.model import KeyFrame
    from evidence_app.export.bundle import export_pdf
    from evidence_app.imaging.video import frame_at
    from evidence_app.storage.library import Library

    lib_dir = folder / "lib"
    shutil.rmtree(lib_dir, ignore_errors=True)
    times = [15.0, 95.0, 205.0, 333.3, 470.0, 590.0]
    with Library(lib_dir) as lib:
        video_case = lib.create_case("missing_items", "taobao").id
        item = lib.add_file(video_case, long_clip, "packing_record").item
        assert item is not None
        lib.update_item(item.id, frames=[KeyFrame(t, f"第 {n} 帧") for n, t in enumerate(times, 1)])
        photo_case = lib.create_case("missing_items", "taobao").id
        for n, t in enumerate(times, 1):
            photo = folder / f"frame{n}.jpg"
            frame_at(long_clip, t).save(photo, "JPEG", quality=92)
            lib.add_file(photo_case, photo, "packing_record", caption=f"第 {n} 帧")
        export_pdf(lib, photo_case, folder / "warm.pdf", workers=1)  # imports and fonts loaded once
        video_s = min(timed(export_pdf, lib, video_case, folder / "video.pdf", workers=1)[0] for _ in range(2))
        photo_s = min(timed(export_pdf, lib, photo_case, folder / "photos.pdf", workers=1)[0] for _ in range(2))
    pages = f"video {long_clip.stat().st_size / 1e6:.1f} MB"
    return video_s, photo_s, pages


if __name__ == "__main__":
    sys.exit(main())
