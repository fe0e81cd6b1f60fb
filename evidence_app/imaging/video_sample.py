"""Short synthetic videos whose frames say which frame they are: for the self-test, the tests and the benchmark.

Each frame shows its number in big digits and as a row of BITS black/white blocks along the top (readable by
pixels even after JPEG and scaling); the background colour changes every `scene_s` seconds (scene changes).
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

BITS = 10
SCENE_COLOURS = ((200, 60, 60), (60, 160, 80), (60, 90, 200), (210, 170, 40), (150, 70, 170), (40, 170, 170))


def frame_picture(index: int, width: int, height: int, colour: tuple[int, int, int]) -> Image.Image:
    image = Image.new("RGB", (width, height), colour)
    draw = ImageDraw.Draw(image)
    block = width // BITS
    bar = max(8, height // 6)
    for bit in range(BITS):
        on = (index >> (BITS - 1 - bit)) & 1
        draw.rectangle([bit * block, 0, (bit + 1) * block - 1, bar], fill=(255, 255, 255) if on else (0, 0, 0))
    try:
        font = ImageFont.load_default(size=max(12, height // 3))
    except TypeError:  # pragma: no cover - very old Pillow
        font = ImageFont.load_default()
    draw.text((width // 10, bar + height // 10), str(index), fill=(255, 255, 255), font=font)
    return image


def read_index(image: Image.Image) -> int:
    """The frame number written by `frame_picture`, read back from a (possibly scaled, recompressed) picture."""
    grey = image.convert("L")
    width, height = grey.size
    block = width / BITS
    y = max(1, round(height / 12))
    value = 0
    for bit in range(BITS):
        x = round((bit + 0.5) * block)
        value = value * 2 + (1 if grey.getpixel((x, y)) > 128 else 0)
    return value


def make_video(path: Path | str, seconds: float = 4.0, fps: int = 10, size: tuple[int, int] = (320, 240),
               codec: str = "h264", scene_s: float = 2.0, gop: int | None = None, rotation: int = 0,
               container: str | None = None, picture=None) -> Path:
    """Write a video of `seconds` at `fps` with `codec` (h264 → libx264, mpeg4, hevc → libx265, mjpeg).
    `picture(index, width, height, colour)`: the frames' pictures (default: `frame_picture`)."""
    import av

    path = Path(path)
    encoder = {"h264": "libx264", "hevc": "libx265"}.get(codec, codec)
    width, height = size
    frames = max(1, round(seconds * fps))
    with av.open(str(path), mode="w", format=container) as out:
        stream = out.add_stream(encoder, rate=Fraction(fps))
        stream.width, stream.height = width, height
        stream.pix_fmt = "yuvj420p" if encoder == "mjpeg" else "yuv420p"
        options = {}
        if encoder == "libx264":
            # a key frame every second (as phones record), more at cuts unless a fixed `gop` is asked for
            options = {"preset": "ultrafast", "x264-params": f"keyint={gop or fps}:min-keyint=1"}
            if gop:
                options["x264-params"] = f"keyint={gop}:min-keyint={gop}:scenecut=0"
        elif encoder == "libx265":
            options = {"preset": "ultrafast", "x265-params": f"keyint={gop or fps}:log-level=none"}
        elif gop:
            stream.gop_size = gop
        if encoder in ("mpeg4",) and not gop:
            stream.gop_size = fps
        stream.codec_context.options = options
        if rotation:
            stream.set_display_rotation(rotation)
        for index in range(frames):
            colour = SCENE_COLOURS[int(index / fps / scene_s) % len(SCENE_COLOURS)]
            frame = av.VideoFrame.from_image((picture or frame_picture)(index, width, height, colour))
            frame.pts = index
            frame.time_base = Fraction(1, fps)
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


def make_waybill_video(path: Path | str, number: str, seconds: float = 3.0, fps: int = 5,
                       size: tuple[int, int] = (640, 360), label_from: float = 1.0) -> Path:
    """A packing video whose frames from `label_from` seconds on show a waybill label: `number` as a Code 128
    barcode and as text ("运单号:number"); the frames before show only the frame number (no waybill)."""
    from evidence_app.reading.samples import code128, font

    def picture(index: int, width: int, height: int, colour: tuple[int, int, int]) -> Image.Image:
        image = frame_picture(index, width, height, colour)
        if index / fps < label_from:
            return image
        draw = ImageDraw.Draw(image)
        draw.rectangle((20, height // 3, width - 20, height - 20), fill="white")
        code128(draw, number, 40, height // 3 + 14, 2, height // 5)
        draw.text((50, height // 3 + 24 + height // 5), f"运单号:{number}", fill="black", font=font(26))
        return image

    return make_video(path, seconds=seconds, fps=fps, size=size, codec="h264", scene_s=seconds, picture=picture)
