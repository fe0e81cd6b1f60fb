"""What reading a file gives: text lines and barcodes with their positions. Shared by the engines (which make it),
the library (which stores it per file hash), the suggested redactions and the PDF text layer (which use it).

Coordinates are pixels of the stored image made upright (EXIF orientation applied, as ImageOps.exif_transpose),
at full resolution, before the item's own crop/rotation: the same space as the item's redaction boxes. For a PDF or
a multi-page file, `page` is 1-based; for a video key frame it is the frame's time in milliseconds (and `frames`
lists the key frame times that were read: a reading covers those, see storage/readings.py)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

Box = tuple[float, float, float, float]  # x0, y0, x1, y1


@dataclass(frozen=True)
class Line:
    text: str
    box: Box
    score: float = 1.0
    page: int = 1


@dataclass(frozen=True)
class Code:
    format: str  # e.g. "Code128", "QRCode" (zxing-cpp's names)
    text: str
    box: Box
    page: int = 1


@dataclass(frozen=True)
class Reading:
    engine: str  # engine names and versions, e.g. "rapidocr 3.4.0; zxing-cpp 2.3.0": a change means re-read
    width: int  # of the upright image (first page)
    height: int
    lines: tuple[Line, ...] = field(default_factory=tuple)
    codes: tuple[Code, ...] = field(default_factory=tuple)
    marks: tuple[str, ...] = field(default_factory=tuple)  # image cues beside the text, e.g. "red_stamp"
    frames: tuple[int, ...] = field(default_factory=tuple)  # a video: the key frame times read (ms); () otherwise

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Reading:
        data = json.loads(text)
        return cls(engine=str(data["engine"]), width=int(data["width"]), height=int(data["height"]),
                   lines=tuple(Line(str(x["text"]), tuple(map(float, x["box"])), float(x.get("score", 1.0)),
                                    int(x.get("page", 1))) for x in data.get("lines", ())),
                   codes=tuple(Code(str(x["format"]), str(x["text"]), tuple(map(float, x["box"])),
                                    int(x.get("page", 1))) for x in data.get("codes", ())),
                   marks=tuple(str(x) for x in data.get("marks", ())),
                   frames=tuple(int(x) for x in data.get("frames", ())))
