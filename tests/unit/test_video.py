"""Video evidence (issue 12): videos made here with PyAV whose frames carry their number (as bits along the top and
in digits) and change colour every few seconds, so a test can tell which frame it got."""

import json
import os
import zipfile
from fractions import Fraction

import pytest
from PIL import Image

from evidence_app.core.model import KeyFrame, Redaction
from evidence_app.imaging import video as V
from evidence_app.imaging import video_trim as T
from evidence_app.imaging.video_sample import make_video, read_index
from evidence_app.storage.library import LibraryError


@pytest.fixture
def case(lib):
    return lib.create_case("missing_items", "taobao", order_no="V100").id


@pytest.fixture(scope="module")
def videos(tmp_path_factory):
    folder = tmp_path_factory.mktemp("videos")
    return {
        "h264": make_video(folder / "pack.mp4", seconds=6, fps=10, codec="h264"),
        "mpeg4": make_video(folder / "pack.avi", seconds=4, fps=10, codec="mpeg4", container="avi"),
        "hevc_rot": make_video(folder / "phone.mov", seconds=3, fps=10, codec="hevc", container="mov", rotation=90),
        "mkv": make_video(folder / "station.mkv", seconds=3, fps=10, codec="mpeg4", container="matroska"),
        "scenes": make_video(folder / "scenes.mp4", seconds=20, fps=10, codec="h264", scene_s=4),
    }


def _faststart(path, frames=40):
    import av

    from evidence_app.imaging.video_sample import frame_picture

    with av.open(str(path), "w", options={"movflags": "faststart"}) as out:
        stream = out.add_stream("libx264", rate=10)
        stream.width, stream.height, stream.pix_fmt = 320, 240, "yuv420p"
        for index in range(frames):
            frame = av.VideoFrame.from_image(frame_picture(index, 320, 240, (200, 60, 60)))
            frame.pts, frame.time_base = index, Fraction(1, 10)
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


def test_timecode():
    assert V.timecode(83.4) == "00:01:23.4"
    assert V.timecode(0) == "00:00:00.0"
    assert V.timecode(12.25) == "00:00:12.2"  # truncated: never later than the frame
    assert V.timecode(3600 + 61.05) == "01:01:01.0"


@pytest.mark.parametrize("name, media_type, codec, size", [
    ("h264", "video/mp4", "h264", (320, 240)), ("mpeg4", "video/x-msvideo", "mpeg4", (320, 240)),
    ("hevc_rot", "video/quicktime", "hevc", (240, 320)), ("mkv", "video/x-matroska", "mpeg4", (320, 240))])
def test_probe_reads_container_codec_and_upright_size(videos, name, media_type, codec, size):
    info = V.probe_video(videos[name])
    assert (info.media_type, info.codec, (info.width, info.height)) == (media_type, codec, size)
    assert info.fps == 10 and info.duration_s == pytest.approx({"h264": 6, "mpeg4": 4}.get(name, 3), abs=0.11)


@pytest.mark.parametrize("name", ["h264", "mpeg4"])
def test_frame_at_gives_the_frame_shown_at_that_time(videos, name):
    for t, expected in ((0, 0), (1.5, 15), (2.95, 29), (3.0, 30), (1.04, 10)):
        assert read_index(V.frame_at(videos[name], t)) == expected, t
    last = 59 if name == "h264" else 39
    assert read_index(V.frame_at(videos[name], 99)) == last


def test_rotated_video_frames_are_upright(videos):
    image = V.frame_at(videos["hevc_rot"], 1.0)
    assert image.size == (240, 320)
    assert read_index(image.rotate(-90, expand=True)) == 10  # turned back, the counter reads as recorded


def test_proposed_key_frames_are_few_spread_and_catch_scene_changes(videos):
    proposed = V.propose_key_frames(videos["scenes"], 20.0)
    assert 3 <= len(proposed) <= 6 and proposed == sorted(proposed)
    assert all(0 <= t <= 20 for t in proposed)
    assert {4.0, 8.0, 12.0, 16.0} & set(proposed)  # where the colour changes
    assert max(proposed) - min(proposed) >= 10  # spread over the video, not bunched


def test_add_stores_video_untouched_with_metadata_and_proposed_frames(lib, case, videos):
    result = lib.add_file(case, videos["h264"], "packing_record")
    item = result.item
    assert item is not None and item.is_video
    assert (item.media_type, item.codec, item.width, item.height, item.fps) == ("video/mp4", "h264", 320, 240, 10)
    assert item.duration_s == pytest.approx(6.0)
    assert lib.file_path(item).read_bytes() == videos["h264"].read_bytes()
    assert 1 <= len(item.frames) <= 6 and all(f.caption == "" for f in item.frames)


def test_key_frames_are_validated_like_the_cli_sets_them(lib, case, videos, tmp_path):
    item = lib.add_file(case, videos["h264"], "packing_record").item
    item = lib.update_item(item.id, frames=[KeyFrame(3, "封箱"), KeyFrame(1.5), KeyFrame(1.5004, "dup")])
    assert [(f.t, f.caption) for f in item.frames] == [(1.5, "dup"), (3.0, "封箱")]
    for bad in ([KeyFrame(7.5)], [KeyFrame(-1)], [KeyFrame(float("nan"))], [KeyFrame(1, "a\nb")],
                [KeyFrame(1, "长" * 201)]):
        with pytest.raises(LibraryError):
            lib.update_item(item.id, frames=bad)
    from tests import factories

    photo = lib.add_file(case, factories.photo(tmp_path / "p.jpg"), "packing_record").item
    with pytest.raises(LibraryError):
        lib.update_item(photo.id, frames=[KeyFrame(0)])
    # a video's redaction boxes name their key frame by its time in milliseconds
    lib.update_item(item.id, redactions=[Redaction(0, 0, 50, 50, 3000)])
    with pytest.raises(LibraryError):
        lib.update_item(item.id, redactions=[Redaction(0, 0, 50, 50)])
    with pytest.raises(LibraryError):
        lib.update_item(item.id, redactions=[Redaction(0, 0, 50, 50, 9000)])


def test_refusals_leave_the_case_unchanged(lib, case, videos, tmp_path):
    text = tmp_path / "not_a_video.mp4"
    text.write_text("这不是视频 just text\n" * 20, encoding="utf-8")
    data = videos["h264"].read_bytes()
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(data[: len(data) // 2])  # moov at the end: the index is gone
    fast = _faststart(tmp_path / "fast.mp4")
    data = fast.read_bytes()
    cut_fast = tmp_path / "cut_fast.mp4"
    cut_fast.write_bytes(data[: int(len(data) * 0.9)])  # index first, the data cut short
    codes = {}
    for path in (text, cut, cut_fast):
        refused = lib.add_file(case, path, "packing_record").refused
        assert refused is not None, path
        codes[path.name] = refused.code
        message = refused.message("zh_CN")
        assert "\n" not in message and any("\u4e00" <= ch <= "\u9fff" for ch in message)
    assert codes == {"not_a_video.mp4": "type", "cut.mp4": "video_corrupt", "cut_fast.mp4": "video_truncated"}
    assert lib.items(case) == [] and lib.store.all_hashes() == set()
    assert lib.add_file(case, fast, "packing_record").item is not None  # the whole file is fine


def test_video_size_limit_is_its_own_setting(lib, case, tmp_path):
    import av

    noisy = tmp_path / "noisy.mp4"
    with av.open(str(noisy), "w") as out:  # noise does not compress: over 1 MB in a second
        stream = out.add_stream("mpeg4", rate=10)
        stream.width, stream.height, stream.pix_fmt = 640, 480, "yuv420p"
        stream.bit_rate = 50_000_000
        for index in range(12):
            frame = av.VideoFrame.from_image(Image.frombytes("RGB", (640, 480), os.urandom(640 * 480 * 3)))
            frame.pts, frame.time_base = index, Fraction(1, 10)
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    assert noisy.stat().st_size > 1_000_000
    assert lib.setting("max_video_mb") == "2000"
    lib.set_setting("max_file_mb", "1")  # photos' limit does not apply to videos
    assert lib.add_file(case, noisy, "packing_record").item is not None
    lib.set_setting("max_video_mb", "1")
    other = lib.create_case("missing_items", "taobao").id
    refused = lib.add_file(other, noisy, "packing_record").refused
    assert refused is not None and refused.code == "too_large" and "上限 1 MB" in refused.message()
    with pytest.raises(LibraryError):
        lib.set_setting("max_video_mb", "lots")


def _pdf_images_and_text(path):
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(str(path))
    pages = []
    try:
        for page in pdf:
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            images = []
            for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE]):
                bitmap = obj.get_bitmap()  # closed here: pdfium objects are never left to a finaliser
                images.append(bitmap.to_pil().convert("RGB"))
                bitmap.close()
            page.close()
            pages.append((text, images))
    finally:
        pdf.close()
    return pages


def test_bundle_shows_key_frames_with_timecodes_captions_redactions_and_hash(lib, case, videos, tmp_path):
    from evidence_app.export.bundle import export_pdf

    item = lib.add_file(case, videos["h264"], "packing_record").item
    lib.update_item(item.id, frames=[KeyFrame(1.5, "封箱前 3 件商品"), KeyFrame(3, "封箱"), KeyFrame(5.2, "面单号 SF123")],
                    redactions=[Redaction(0, 0, 320, 40, 3000)])  # the counter bar of the 3 s frame only
    other = lib.add_file(case, videos["mpeg4"], "return_unboxing_record").item
    lib.update_item(other.id, frames=[KeyFrame(2.3)])
    out = tmp_path / "bundle.pdf"
    export_pdf(lib, case, out, workers=1)
    pages = _pdf_images_and_text(out)
    grid = [(text, images) for text, images in pages if "pack.mp4" in text and "00:00:01.5" in text]
    assert len(grid) == 1
    text, images = grid[0]
    for snippet in ("00:00:01.5", "封箱前 3 件商品", "00:00:03.0", "封箱", "00:00:05.2", "面单号 SF123",
                    "时长 00:00:06.0", "SHA-256 " + item.sha256):
        assert snippet in text, snippet
    assert len(images) == 3
    # 1.5 s is frame 15, 5.2 s frame 52; the 3 s frame's bar is blacked out, so it reads as 0
    assert sorted(read_index(img) for img in images) == [0, 15, 52]
    redacted = [img for img in images if img.convert("L").crop((0, 0, img.width, img.height // 8)).getextrema()[1] < 40]
    assert len(redacted) == 1  # the 3 s frame's counter bar is black all across
    second = [(t, i) for t, i in pages if "pack.avi" in t and "00:00:02.3" in t]
    assert second and read_index(second[0][1][0]) == 23
    manifest = next(t for t, _ in pages if "文件清单" in t)
    assert item.sha256[:32] in manifest and item.sha256[32:] in manifest and "pack.mp4" in manifest
    assert lib.file_path(item).read_bytes() == videos["h264"].read_bytes()  # never modified


def test_upload_pack_has_numbered_key_frames_and_a_trimmed_copy(lib, case, videos, tmp_path):
    from evidence_app.export.upload import export_images

    item = lib.add_file(case, videos["scenes"], "packing_record").item
    lib.update_item(item.id, frames=[KeyFrame(8, "封箱"), KeyFrame(11.5, "面单")],
                    redactions=[Redaction(0, 0, 320, 40, 8000)])
    result = export_images(lib, case, tmp_path / "pack", workers=1)
    names = sorted(p.name for p in result.path.iterdir())
    assert "01_打包_发货记录_帧1.jpg" in names and "01_打包_发货记录_帧2.jpg" in names
    clip = result.path / "01_打包_发货记录_视频片段.mp4"
    assert clip.is_file() and clip.stat().st_size < 100_000_000
    info = V.probe_video(clip)
    assert info.codec == "h264" and info.created_at is None
    assert info.duration_s == pytest.approx(7.5, abs=0.3)  # 8 - 2 s to 11.5 + 2 s
    # the copy starts 2 s before the first key frame: its 1.9 s is the source's 7.9 s (green), its 2.1 s the
    # source's 8.1 s (blue: the scene changes at 8 s)
    green, blue = V.frame_at(clip, 1.9).getpixel((300, 200)), V.frame_at(clip, 2.1).getpixel((300, 200))
    assert green[1] > 120 and green[2] < 120 and blue[2] > 150 and blue[1] < 120
    first = V.frame_at(clip, 0.0)
    assert first.convert("L").crop((0, 0, 320, 30)).getextrema()[1] < 40  # the box hides the bar on every frame
    import av

    with av.open(str(clip)) as container:
        assert "creation_time" not in container.metadata and not container.streams.audio
    assert lib.file_path(item).read_bytes() == videos["scenes"].read_bytes()


def test_no_video_copy_where_the_platform_takes_none(lib, videos, tmp_path):
    from evidence_app.export.upload import export_images

    case = lib.create_case("missing_items", "pinduoduo").id
    lib.add_file(case, videos["mpeg4"], "packing_record")
    result = export_images(lib, case, tmp_path / "pack", workers=1)
    assert not [p for p in result.path.iterdir() if p.suffix == ".mp4"]


def test_archive_carries_key_frames_and_refuses_bad_ones(lib, case, videos, tmp_path, data_dir):
    from evidence_app.storage.archive import ArchiveError, export_case, import_case

    item = lib.add_file(case, videos["h264"], "packing_record").item
    lib.update_item(item.id, frames=[KeyFrame(1.5, "封箱"), KeyFrame(3)], redactions=[Redaction(1, 2, 30, 40, 1500)])
    pack = export_case(lib, case, tmp_path / "case.evpack")
    copy = import_case(lib, pack)
    imported = lib.items(copy)[0]
    assert [(f.t, f.caption) for f in imported.frames] == [(1.5, "封箱"), (3.0, "")]
    assert imported.redactions == [Redaction(1, 2, 30, 40, 1500)] and imported.duration_s == pytest.approx(6)

    def tampered(frames, name):
        with zipfile.ZipFile(pack) as zf:
            manifest = json.loads(zf.read("manifest.json"))
            blob = zf.read(f"files/{item.sha256}")
        manifest["items"][0]["frames"] = frames
        target = tmp_path / name
        with zipfile.ZipFile(target, "w") as zf:
            zf.writestr("manifest.json", json.dumps(manifest))
            zf.writestr(f"files/{item.sha256}", blob)
        return target

    before = len(lib.cases())
    for index, frames in enumerate(([{"t": 60, "caption": ""}], [{"t": "1", "caption": ""}],
                                    [{"t": 1, "caption": "a\u0007b"}], "all", [{"t": 1, "extra": 2}],
                                    [{"t": 1, "caption": "长" * 300}])):
        with pytest.raises(ArchiveError):
            import_case(lib, tampered(frames, f"bad{index}.evpack"))
    assert len(lib.cases()) == before


def test_trimmed_copy_of_a_rotated_video_keeps_its_rotation_and_boxes(videos, tmp_path):
    copy = tmp_path / "copy.mp4"
    # upright 240x320 (a phone held upright): a box over the left 60 columns, on every frame
    T.trim_copy(videos["hevc_rot"], copy, 1.0, 2.5, 50_000_000, [(0, 0, 60, 320)])
    info = V.probe_video(copy)
    assert (info.width, info.height, info.rotation, info.codec) == (240, 320, 90, "h264")
    assert info.duration_s == pytest.approx(1.5, abs=0.15)
    for t in (0.0, 1.0):
        picture = V.frame_at(copy, t).convert("L")
        assert picture.crop((0, 0, 60, 320)).getextrema()[1] < 40
        assert picture.crop((70, 0, 240, 320)).getextrema()[1] > 200  # the rest is untouched
    with pytest.raises(V.VideoError):
        T.trim_copy(videos["h264"], tmp_path / "long.mp4", 0, T.MAX_CLIP_S + 1, 10**9)
