"""Reading and writing the case timestamps. Times without an offset are in the library's time zone."""

from __future__ import annotations

from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TZ = "Asia/Shanghai"


def zone(name: str | None = None) -> tzinfo:
    try:
        return ZoneInfo(name or DEFAULT_TZ)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {name!r}") from None


def parse_time(text: str, tz: tzinfo | None = None) -> datetime:
    """ISO 8601 (`2025-08-16T17:05`, `2025-08-16 17:05:00+08:00`, `…Z`); naive times get `tz` (Asia/Shanghai)."""
    cleaned = text.strip().replace("/", "-")
    if not cleaned:
        raise ValueError("empty time")
    try:
        value = datetime.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(f"not an ISO 8601 time: {text!r} (e.g. 2025-08-16T17:05)") from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=tz or zone())
    return value


def to_text(value: datetime | None) -> str | None:
    """Stored form: ISO 8601 with offset, seconds only when they matter."""
    if value is None:
        return None
    spec = "seconds" if value.second or value.microsecond else "minutes"
    return value.isoformat(timespec=spec)


def show(value: datetime | None, tz: tzinfo | None = None) -> str:
    """Display form in the library's zone: 2025-08-16 17:05."""
    if value is None:
        return ""
    return value.astimezone(tz or zone()).strftime("%Y-%m-%d %H:%M")


def hours_text(hours: float) -> str:
    """3 → "3", 3.54 → "3.5", 55.6 → "56", 0.0167 → "0.02": precise when small, short when large."""
    rounded = round(hours) if hours >= 10 else round(hours, 1) if hours >= 1 else round(hours, 2)
    if rounded == int(rounded):
        return str(int(rounded))
    return f"{rounded:.2f}".rstrip("0").rstrip(".")


def duration_text(hours: float, lang: str = "zh_CN") -> str:
    """A span for a message: under an hour in minutes ("1 分钟", never "0 小时"), else in hours."""
    zh = lang.startswith("zh")
    if hours < 1:
        minutes = max(1, round(hours * 60)) if hours > 0 else 0
        return f"{minutes} 分钟" if zh else f"{minutes} min"
    return f"{hours_text(hours)} 小时" if zh else f"{hours_text(hours)} h"
