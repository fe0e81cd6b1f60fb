"""The usual photo through OpenCV (imaging/fastphoto.py) gives the picture Pillow's path gives: same size, same
way up, same pixels within resampling noise, no metadata; and every file it should not take goes to Pillow."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageStat

from evidence_app.imaging import fastphoto
from evidence_app.imaging.prepare import ImageJob, draft_scale, prepare_image

pytest.importorskip("cv2")


@pytest.fixture(autouse=True)
def fast_path(monkeypatch):
    """This process as an image worker of a pool for many photos."""
    assert fastphoto.enable()
    yield
    fastphoto._CV = None  # the rest of the suite prepares in-process, through Pillow, as a one-shot export does


def _picture(path, size=(1200, 900), orientation=None, progressive=False, mode="RGB"):
    """A photo with a distinct colour in each corner and a text-like stripe, so a wrong turn shows."""
    img = Image.new("RGB", size, (120, 140, 160))
    d = ImageDraw.Draw(img)
    w, h = size
    d.rectangle([0, 0, w // 4, h // 4], fill=(220, 20, 20))
    d.rectangle([w * 3 // 4, 0, w, h // 4], fill=(20, 200, 20))
    d.rectangle([0, h * 3 // 4, w // 4, h], fill=(20, 20, 220))
    for x in range(w // 3, w * 2 // 3, 6):
        d.line([x, h // 2, x, h // 2 + 40], fill=(0, 0, 0), width=2)
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    exif[0x0132] = "2025:08:16 17:05:00"
    if mode != "RGB":
        img = img.convert(mode)
    img.save(path, "JPEG", quality=92, exif=exif.tobytes(), progressive=progressive)
    return path


def _both(tmp_path, monkeypatch, job):
    taken = []
    real = fastphoto.photo
    monkeypatch.setattr(fastphoto, "photo", lambda *a, **k: taken.append(real(*a, **k)) or taken[-1])
    fast = prepare_image(job)
    assert taken and taken[0] is not None  # OpenCV's path made it
    monkeypatch.setattr(fastphoto, "_CV", None)
    slow = prepare_image(ImageJob(**{**job.__dict__, "out_stem": job.out_stem + "_pil"}))
    monkeypatch.undo()
    assert fastphoto.active()
    return fast.slices[0], slow.slices[0]


def _close(a_path, b_path, limit=6.0):
    with Image.open(a_path) as a, Image.open(b_path) as b:
        assert a.size == b.size
        diff = ImageStat.Stat(ImageChops.difference(a.convert("RGB"), b.convert("RGB"))).mean
        assert max(diff) < limit, diff


@pytest.mark.parametrize("orientation", range(1, 9))
@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_every_orientation_and_turn_matches_pillow(tmp_path, monkeypatch, orientation, rotation):
    src = _picture(tmp_path / "p.jpg", orientation=orientation)
    job = ImageJob(str(src), "image/jpeg", str(tmp_path / "out"), 500, 500, 80, orientation, rotation)
    fast, slow = _both(tmp_path, monkeypatch, job)
    assert fast.path.endswith("out.jpg") and fast.format == "JPEG"
    assert (fast.width, fast.height) == (slow.width, slow.height)
    assert fast.frame == slow.frame
    _close(fast.path, slow.path)


@pytest.mark.parametrize("size,box", [((4000, 3000), (1453, 1917)),   # 1/2 then bilinear
                                      ((4000, 3000), (300, 300)),      # 1/8 then area averaging
                                      ((1000, 700), (900, 900)),       # no DCT scaling
                                      ((2000, 1000), (1000, 1000))])   # exactly 1/2: no resize
def test_each_scale_matches_pillow(tmp_path, monkeypatch, size, box):
    src = _picture(tmp_path / "p.jpg", size=size, progressive=True)
    job = ImageJob(str(src), "image/jpeg", str(tmp_path / "out"), *box)
    fast, slow = _both(tmp_path, monkeypatch, job)
    assert (fast.width, fast.height) == (slow.width, slow.height)
    _close(fast.path, slow.path)


def test_output_has_no_metadata_and_is_baseline_420(tmp_path):
    src = _picture(tmp_path / "p.jpg", orientation=6)
    out = prepare_image(ImageJob(str(src), "image/jpeg", str(tmp_path / "out"), 400, 400, 80, 6)).slices[0]
    data = Path(out.path).read_bytes()
    assert b"Exif" not in data and b"2025:08:16" not in data and b"ICC_PROFILE" not in data
    with Image.open(out.path) as img:
        assert img.format == "JPEG" and img.mode == "RGB"
        assert not img.info.get("progressive") and not img.getexif()
        assert img.layer[0][1:3] == (2, 2)  # luma sampled 2x2 against chroma: 4:2:0


def test_a_cut_short_file_goes_to_pillow_which_says_truncated(tmp_path):
    src = _picture(tmp_path / "p.jpg", size=(1600, 1200))
    data = src.read_bytes()
    assert fastphoto.closed_scan(data)
    src.write_bytes(data[: len(data) * 2 // 3])
    assert not fastphoto.closed_scan(src.read_bytes())
    with pytest.raises(OSError, match="truncated"):
        prepare_image(ImageJob(str(src), "image/jpeg", str(tmp_path / "out"), 400, 400))
    assert not (tmp_path / "out.jpg").exists()


def test_files_this_path_does_not_take_are_prepared_by_pillow(tmp_path, monkeypatch):
    calls = []
    real = fastphoto.photo
    monkeypatch.setattr(fastphoto, "photo", lambda *a, **k: calls.append(a) or real(*a, **k))
    grey = _picture(tmp_path / "grey.jpg", mode="L")
    cmyk = _picture(tmp_path / "cmyk.jpg", mode="CMYK")
    photo = _picture(tmp_path / "photo.jpg")
    for src, extra in ((grey, {}), (cmyk, {}), (photo, {"crop": (0, 0, 600, 450)}),
                       (photo, {"redactions": ((10, 10, 50, 50),)})):
        out = prepare_image(ImageJob(str(src), "image/jpeg", str(tmp_path / f"o{len(calls)}{src.stem}"),
                                     400, 400, **extra)).slices[0]
        with Image.open(out.path) as img:
            assert img.mode in ("L", "RGB")
    assert calls == []
    prepare_image(ImageJob(str(photo), "image/jpeg", str(tmp_path / "fast"), 400, 400))
    assert len(calls) == 1


def test_draft_scale_is_pillows(tmp_path):
    files = {}
    for stored, need in (((4000, 3000), (1453, 1090)), ((4000, 3000), (300, 225)), ((4000, 3000), (3999, 2999)),
                         ((640, 480), (640, 480)), ((4000, 3000), (499, 374)), ((4000, 3000), (1000, 750)),
                         ((3000, 4000), (1090, 1453))):
        if stored not in files:
            files[stored] = tmp_path / f"{stored[0]}.jpg"
            Image.new("RGB", stored, (90, 90, 90)).save(files[stored], "JPEG")
        with Image.open(files[stored]) as img:
            img.draft("RGB", need)
            s = draft_scale(stored, need)
            assert img.size == (-(-stored[0] // s), -(-stored[1] // s)), (stored, need, s)


def test_without_opencv_the_core_prepares_photos(tmp_path):
    """The export runs where the reading extra is not installed: OpenCV's import fails, Pillow does the work."""
    src = _picture(tmp_path / "p.jpg", orientation=6)
    code = ("import sys; sys.modules['cv2'] = None\n"
            "from evidence_app.imaging import fastphoto\n"
            "from evidence_app.imaging.prepare import ImageJob, prepare_image\n"
            f"r = prepare_image(ImageJob({str(src)!r}, 'image/jpeg', {str(tmp_path / 'o')!r}, 400, 400, 80, 6))\n"
            "assert not fastphoto.enable() and not fastphoto.active()\n"
            "print(r.slices[0].width, r.slices[0].height)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["300", "400"]  # 1200x900 stored sideways: upright 900x1200


def test_only_workers_of_a_pool_for_many_photos_take_this_path(tmp_path, monkeypatch):
    from evidence_app.export import prepare_pool
    from evidence_app.export.prepare_pool import PreparePool, SharedPool, _new_pool

    fastphoto._CV = None
    calls = []
    monkeypatch.setattr(fastphoto, "photo", lambda *a, **k: calls.append(a))
    prepare_image(ImageJob(str(_picture(tmp_path / "p.jpg")), "image/jpeg", str(tmp_path / "o"), 400, 400))
    assert calls == []  # in-process (a one-shot export of a few pictures): OpenCV is not even imported
    for photos in (False, True):
        with _new_pool(1, photos) as pool:
            assert pool.submit(fastphoto.active).result() is photos
    shared = SharedPool(workers=1)
    try:
        assert shared.executor().submit(fastphoto.active).result() is True  # the GUI's long-lived pool
    finally:
        shared.shutdown()
    made = []
    monkeypatch.setattr(prepare_pool, "_new_pool", lambda workers, photos: made.append(photos) or _new_pool(workers, photos))
    jobs = {n: ImageJob(str(_picture(tmp_path / f"{n}.jpg")), "image/jpeg", str(tmp_path / f"j{n}"), 400, 400)
            for n in range(4)}
    for threshold in (10**12, 0):
        monkeypatch.setattr(prepare_pool, "MANY_PHOTOS_BYTES", threshold)
        monkeypatch.setattr(prepare_pool, "INLINE_BELOW_BYTES", 0)
        with PreparePool(2) as run:
            assert len(run.run(jobs, lambda key: None)) == 4
    assert made == [False, True]


def test_a_multi_picture_jpeg_shows_its_first_picture(tmp_path, monkeypatch):
    """Some phones write MPO files (a JPEG followed by more JPEGs): the first one is the photo, as Pillow shows it."""
    first = Image.open(_picture(tmp_path / "a.jpg", size=(1600, 1200)))
    second = Image.new("RGB", (1600, 1200), (10, 200, 10))
    first.save(tmp_path / "m.mpo", "MPO", save_all=True, append_images=[second], quality=92)
    with Image.open(tmp_path / "m.mpo") as check:
        assert check.format == "MPO" and check.n_frames == 2
    job = ImageJob(str(tmp_path / "m.mpo"), "image/jpeg", str(tmp_path / "out"), 400, 400)
    fast, slow = _both(tmp_path, monkeypatch, job)
    assert (fast.width, fast.height) == (400, 300)
    _close(fast.path, slow.path)
