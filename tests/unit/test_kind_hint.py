import pytest

from evidence_app.core.catalog import load_catalog
from evidence_app.core.kind_hint import NAME_HINTS, suggest_kind


@pytest.mark.parametrize("name, size, kind", [
    ("顺丰签收底单.jpg", (4000, 3000), "signature_slip"),
    ("物流轨迹.png", (1080, 2400), "tracking_screenshot"),
    ("Screenshot_20250816-170500.png", (1080, 2400), "chat_screenshot"),
    ("微信图片_2025.jpg", (1080, 2340), "chat_screenshot"),
    ("IMG_2041.JPG", (4000, 3000), "item_photo"),
    ("1.png", (1080, 2400), "chat_screenshot"),  # shape alone: a phone screen
    ("截图.png", (1920, 1080), None),  # a desktop screenshot of something: ask
    ("scan.pdf", (None, None), None),
    ("授权代收证明.jpg", (800, 1000), "authorized_signing_proof"),
])
def test_suggest_kind(name, size, kind):
    assert suggest_kind(name, *size) == kind


def test_every_hinted_kind_exists():
    kinds = load_catalog().kinds
    assert all(kind in kinds for kind, _ in NAME_HINTS) and "item_photo" in kinds and "chat_screenshot" in kinds
