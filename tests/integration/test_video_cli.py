"""The CLI contract of issue 12: add a video, list its duration and key frames, set and caption them, export."""

import json

import pytest

from evidence_app.imaging.video_sample import make_video, read_index
from tests.integration.test_cli import cli


def _pdf(path):
    from tests.unit.test_video import _pdf_images_and_text

    return _pdf_images_and_text(path)


def test_video_contract_end_to_end(tmp_path):
    lib = tmp_path / "lib"
    video = make_video(tmp_path / "video.mp4", seconds=14, fps=10, codec="h264", scene_s=5)
    second = make_video(tmp_path / "开箱.avi", seconds=4, fps=10, codec="mpeg4", container="avi")
    case = cli(lib, "new", "--scenario", "missing_items", "--platform", "taobao", "--order", "V1",
               check=0).stdout.strip()
    item = cli(lib, "add", case, video, "--kind", "packing_record", check=0).stdout.strip()
    other = cli(lib, "add", case, second, "--kind", "return_unboxing_record", check=0).stdout.strip()
    listed = json.loads(cli(lib, "items", case, "--json", check=0).stdout)
    first = listed[0]
    assert first["duration_s"] == pytest.approx(14.0) and first["media_type"] == "video/mp4"
    assert 1 <= len(first["frames"]) <= 6 and set(first["frames"][0]) == {"t", "caption"}
    cli(lib, "edit", item, "--frames", "1.5,3,12.25", check=0)
    cli(lib, "edit", item, "--frame-caption", "3=封箱", check=0)
    listed = json.loads(cli(lib, "items", case, "--json", check=0).stdout)
    assert listed[0]["frames"] == [{"t": 1.5, "caption": ""}, {"t": 3, "caption": "封箱"},
                                   {"t": 12.25, "caption": ""}]
    # wrong uses: one Chinese line, exit 2, nothing changed
    for args in (("--frames", "1,99"), ("--frame-caption", "4=x"), ("--frames", "a,b")):
        proc = cli(lib, "edit", item, *args, check=2)
        assert len(proc.stderr.strip().splitlines()) == 1
    cli(lib, "edit", other, "--frames", "2.3", check=0)
    assert json.loads(cli(lib, "items", case, "--json", check=0).stdout)[0]["frames"][1]["caption"] == "封箱"
    out = tmp_path / "bundle.pdf"
    cli(lib, "export", case, "-o", out, check=0)
    pages = _pdf(out)
    grid = next((text, images) for text, images in pages if "video.mp4" in text and "00:00:03.0" in text)
    for snippet in ("00:00:01.5", "00:00:03.0", "封箱", "00:00:12.2", "时长 00:00:14.0"):
        assert snippet in grid[0]
    assert sorted(read_index(image) for image in grid[1]) == [15, 30, 122]
    sha = listed[0]["sha256"]
    assert "SHA-256 " + sha in grid[0]
    manifest = next(text for text, _ in pages if "文件清单" in text)
    assert sha[:32] in manifest and "video.mp4" in manifest and "开箱.avi" in manifest


def test_refusals_are_one_chinese_line(tmp_path):
    lib = tmp_path / "lib"
    case = cli(lib, "new", "--scenario", "missing_items", check=0).stdout.strip()
    fake = tmp_path / "fake.mp4"
    fake.write_text("hello, not a video\n", encoding="utf-8")
    video = make_video(tmp_path / "v.mp4", seconds=3)
    data = video.read_bytes()
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(data[: len(data) * 2 // 3])
    proc = cli(lib, "add", case, fake, cut, video, "--kind", "packing_record", check=2)
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 2 and "fake.mp4" in errors[0] and "cut.mp4" in errors[1]
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in line) for line in errors)
    assert proc.stdout.strip() == "1"  # one bad file never aborts the batch
    cli(lib, "config", "max_video_mb=1", check=0)
    big = make_video(tmp_path / "big.mp4", seconds=1, size=(64, 48))
    with open(big, "ab") as handle:  # padding after the movie: still a playable file, now over 1 MB
        handle.write(b"\0" * 1_100_000)
    proc = cli(lib, "add", case, big, "--kind", "packing_record", check=2)
    assert "上限 1 MB" in proc.stderr
