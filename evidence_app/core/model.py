"""Plain data: cases, evidence items and their fields. No I/O, no Qt."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

PLATFORMS = ("taobao", "tmall", "tmall_global", "jd", "pinduoduo", "douyin", "other")


class CaseStatus(str, Enum):
    DRAFT = "draft"
    READY = "ready"
    SUBMITTED = "submitted"
    WON = "won"
    LOST = "lost"


# Case timestamps, in the order a dispute unfolds.
TIME_FIELDS = ("paid_at", "pickup_at", "signed_at", "refund_at", "requested_at", "due_at")
TEXT_FIELDS = ("title", "order_no", "refund_no", "buyer", "statement")

# Facts of a case that the rules depend on (issue 8). Each: (name, type, default, allowed values).
# "bool" facts are true/false; "choice" facts take one of the listed values; "money" is a decimal as text ("" unset);
# "text" is free text.
FACTS: tuple[tuple[str, str, object, tuple[str, ...]], ...] = (
    ("tracking_no", "text", "", ()),
    ("seven_day_eligible", "bool", True, ()),
    ("free_shipping", "bool", False, ()),
    ("cod", "bool", False, ()),
    ("customised", "bool", False, ()),
    ("buyer_consented_late", "bool", False, ()),
    ("merged_parcel", "bool", False, ()),
    ("receipt_confirmed", "choice", "none", ("none", "manual", "auto")),
    ("platform_requested_test", "bool", False, ()),
    ("seller_type", "choice", "enterprise", ("enterprise", "individual")),
    ("claimed_freight", "money", "", ()),
    ("actual_freight", "money", "", ()),
    ("refusal_reason", "choice", "none", ("none", "no_reason", "damaged", "wrong_address", "not_as_agreed", "other")),
    # the defect the buyer claims: visible to the eye (Art. 65: explain or disprove) or not (Art. 66: documents)
    ("defect", "choice", "unknown", ("unknown", "visible", "invisible")),
)
FACT_NAMES = tuple(f[0] for f in FACTS)
BOOL_FACTS = tuple(f[0] for f in FACTS if f[1] == "bool")


@dataclass
class Redaction:
    """A rectangle to black out, in pixels of the upright (EXIF-rotated) image; on a PDF, in points from the
    top-left corner of page `page` (1-based) as displayed; on a video, in upright pixels of the key frame whose
    time in milliseconds is `page` (KeyFrame.ms)."""

    x: int
    y: int
    w: int
    h: int
    page: int | None = None  # PDFs and multi-page TIFFs: the page; videos: the key frame's time in milliseconds

    def as_list(self) -> list[int]:
        return [self.x, self.y, self.w, self.h] + ([self.page] if self.page is not None else [])


@dataclass
class KeyFrame:
    """A moment of a video exhibit shown in the bundle: `t` seconds from the start, with the agent's caption."""

    t: float
    caption: str = ""

    @property
    def ms(self) -> int:
        """The frame's key for redaction boxes (Redaction.page) and comparisons."""
        return round(self.t * 1000)

    def as_dict(self) -> dict[str, object]:
        return {"t": self.t, "caption": self.caption}


@dataclass
class Case:
    id: int
    scenario: str
    platform: str = "taobao"
    title: str = ""
    order_no: str = ""
    refund_no: str = ""
    buyer: str = ""
    amount: str = ""  # decimal as text: money is never a float
    statement: str = ""
    imported: bool = False
    promised_ship_hours: float | None = None
    paid_at: datetime | None = None
    pickup_at: datetime | None = None
    signed_at: datetime | None = None
    refund_at: datetime | None = None
    requested_at: datetime | None = None
    due_at: datetime | None = None
    status: CaseStatus = CaseStatus.DRAFT
    # facts (see FACTS)
    tracking_no: str = ""
    seven_day_eligible: bool = True
    free_shipping: bool = False
    cod: bool = False
    customised: bool = False
    buyer_consented_late: bool = False
    merged_parcel: bool = False
    receipt_confirmed: str = "none"
    platform_requested_test: bool = False
    seller_type: str = "enterprise"
    claimed_freight: str = ""
    actual_freight: str = ""
    refusal_reason: str = "none"
    defect: str = "unknown"
    is_sample: bool = False
    created_at: datetime | None = None
    updated_at: datetime | None = None
    deleted_at: datetime | None = None


@dataclass
class EvidenceItem:
    id: int
    case_id: int
    position: int
    kind: str
    sha256: str
    size: int
    original_name: str
    media_type: str  # "image/jpeg", "application/pdf", …
    caption: str = ""
    width: int | None = None  # upright pixel size (after EXIF orientation)
    height: int | None = None
    orientation: int = 1  # EXIF orientation of the stored file, 1..8
    page_count: int | None = None  # PDFs
    captured_at: str | None = None  # EXIF capture time as written by the camera (ISO-like text)
    added_at: datetime | None = None
    deleted_at: datetime | None = None
    rotation: int = 0  # extra clockwise rotation chosen by the agent: 0/90/180/270
    redactions: list[Redaction] = field(default_factory=list)
    crop: Redaction | None = None  # kept area, upright pixels, applied before redactions are drawn
    attestations: list[str] = field(default_factory=list)  # ids of questions the agent confirmed this item answers
    # videos (issue 12)
    duration_s: float | None = None
    fps: float | None = None
    codec: str | None = None
    frames: list[KeyFrame] = field(default_factory=list)  # key frames shown in the bundle, in time order
    kind_suggested: bool = False  # the kind was guessed by the app (file name, reading), not chosen by the agent

    @property
    def is_pdf(self) -> bool:
        return self.media_type == "application/pdf"

    @property
    def is_video(self) -> bool:
        return self.media_type.startswith("video/")

    def frame_boxes(self, frame: KeyFrame) -> list[Redaction]:
        """The redaction boxes drawn on one key frame."""
        return [box for box in self.redactions if box.page == frame.ms]
