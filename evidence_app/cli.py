"""The command line `evidence-app`: a thin face on the same services the GUI uses.

Exit codes: 0 success; 1 `check` found the case not ready; 2 wrong usage, unknown id, refused input.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import os
import signal
import sqlite3
import sys
import threading
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from evidence_app import __version__
from evidence_app.core.catalog import CatalogError
from evidence_app.core.model import FACTS, TIME_FIELDS, Case, EvidenceItem, KeyFrame, Redaction
from evidence_app.core.timeutil import parse_time, show, to_text
from evidence_app.paths import default_data_dir
from evidence_app.storage.library import expand_sources

USAGE_EXIT = 2


class UsageError(Exception):
    """Wrong usage: printed as one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def _json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def case_dict(case: Case) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in vars(case).items():
        if isinstance(value, datetime):
            value = to_text(value)
        elif hasattr(value, "value"):
            value = value.value
        out[key] = value
    return out


def item_dict(item: EvidenceItem) -> dict[str, object]:
    out = case_dict(item)  # same conversion rules
    out["redactions"] = [r.as_list() for r in item.redactions]
    out["crop"] = item.crop.as_list() if item.crop else None
    out["frames"] = [f.as_dict() for f in item.frames]
    return out


def _int_id(text: str, what: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise UsageError(f"{what} must be a number (got {text!r})") from None
    if value <= 0:
        raise UsageError(f"{what} must be a positive number")
    return value


def _box(text: str) -> Redaction:
    try:
        x, y, w, h = (float(v) for v in text.split(","))
        # grown outwards to whole units: a box never uncovers a sliver of what the agent meant to hide
        left, top = math.floor(x), math.floor(y)
        return Redaction(left, top, math.ceil(x + w) - left, math.ceil(y + h) - top)
    except (ValueError, OverflowError):
        raise UsageError(f"a rectangle is X,Y,W,H in pixels or PDF points (got {text!r})") from None


# --- commands ------------------------------------------------------------------------------------------------

def cmd_new(lib, args) -> int:
    values = {}
    for name in ("order", "refund", "buyer", "amount", "title"):
        text = getattr(args, name)
        if text is not None:
            attr, value = lib.parse_field(name, text)
            values[attr] = value
    case = lib.create_case(args.scenario, args.platform, **values)
    print(case.id)
    return 0


def cmd_set(lib, args) -> int:
    case_id = _int_id(args.case, "CASE")
    lib.case(case_id)
    values = {}
    for assignment in args.assignments:
        if "=" not in assignment:
            raise UsageError(f"expected FIELD=VALUE, got {assignment!r}")
        name, text = assignment.split("=", 1)
        attr, value = lib.parse_field(name.strip(), text)
        if attr == "statement":  # "证据 3" typed here cites the item that is 证据 3 now (issue 9)
            from evidence_app.core.statements import to_stored
            value = to_stored(str(value), lib.items(case_id))
        values[attr] = value
    lib.update_case(case_id, **values)
    return 0


def cmd_add(lib, args) -> int:
    case_id = _int_id(args.case, "CASE")
    lib.case(case_id)
    if args.kind is not None:
        lib._check_kind(args.kind)
    refused = False
    # scripts (stdout not a terminal) and --wait see what reading found at once; a person at a terminal gets
    # the item ids straight away and the GUI (or `reread`) reads later
    wait = args.wait or not sys.stdout.isatty()
    for path in expand_sources(args.files):
        try:
            result = lib.add_file(case_id, path, args.kind, args.caption or "")
        except (OSError, sqlite3.Error) as exc:  # one file never aborts the batch; what was added stays
            print(f"error: {path}: {getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
            refused = True
            continue
        if result.refused is not None:
            print(f"error: {path}: {result.refused.message(lib.lang)}", file=sys.stderr)
            refused = True
        elif result.duplicate_of is not None:
            print(f"duplicate: {path}: same as item {result.duplicate_of}", file=sys.stderr)
            print(result.duplicate_of, flush=True)
        else:
            assert result.item is not None
            if wait:  # each file is read before its id is printed: a script reading ids sees the results
                _read_item(lib, result.item)
            print(result.item.id, flush=True)
    return USAGE_EXIT if refused else 0


def _read_item(lib, item: EvidenceItem) -> None:
    from evidence_app.storage import readings

    if readings.engines_on() and readings.statuses(lib, [item.sha256])[item.sha256] == readings.PENDING:
        readings.read_one(lib, item.sha256, item.media_type)


def _read_now(lib, case_id: int | None, force: bool = False) -> int:
    from evidence_app.storage import readings

    if not readings.engines_on():
        return 0

    def progress(done: int, total: int, name: str) -> None:
        if sys.stderr.isatty():
            print(f"\r识别中 {done}/{total} {name[:40]}", end="", file=sys.stderr, flush=True)

    count = readings.read_pending(lib, case_id, progress, force=force)
    if count and sys.stderr.isatty():
        print(file=sys.stderr)
    return count


def item_reading(lib, items: list[EvidenceItem]) -> dict[int, dict[str, object]]:
    """Per item id: the OCR text, the barcode contents and the reading's state (pending | done | off)."""
    statuses = lib.read_statuses(items)
    out: dict[int, dict[str, object]] = {}
    for item in items:
        reading = lib.reading(item.sha256) if statuses.get(item.sha256) == "done" else None
        out[item.id] = {"text": reading.text if reading else "",
                        # a video: each key frame's codes; the same label seen on several frames is listed once
                        "codes": list(dict.fromkeys(code.text for code in reading.codes)) if reading else [],
                        "read": statuses.get(item.sha256, "pending")}
    return out


def cmd_reread(lib, args) -> int:
    from evidence_app.storage import readings

    case_id = _int_id(args.case, "CASE") if args.case else None
    if case_id is not None:
        lib.case(case_id)
    if not readings.engines_on():
        raise UsageError("识别功能未安装(缺少 OCR/条码引擎),无法重新识别")
    count = _read_now(lib, case_id, force=True)
    print(f"已重新识别 {count} 个文件")
    return 0


def cmd_items(lib, args) -> int:
    case_id = _int_id(args.case, "CASE")
    lib.case(case_id)
    items = lib.items(case_id)
    if args.json:
        read = item_reading(lib, items)
        _json([{**item_dict(i), **read[i.id]} for i in items])
        return 0
    for number, item in enumerate(items, 1):
        size = f"{item.width}x{item.height}" if item.width else f"{item.page_count} p."
        if item.is_video:
            from evidence_app.imaging.video import timecode

            size += f" {timecode(item.duration_s or 0)} {len(item.frames)} 关键帧"
        flags = (" [redacted]" if item.redactions else "")
        print(f"{item.id:>5}  证据{number:<3} {lib.catalog.kind_name(item.kind, lib.lang)}  {item.original_name}  "
              f"{size}  {item.caption}{flags}")
    return 0


def cmd_show(lib, args) -> int:
    case_id = _int_id(args.case, "CASE")
    case = lib.case(case_id)
    if args.json:
        data = case_dict(case)
        items = lib.items(case_id)
        read = item_reading(lib, items)
        data["items"] = [{**item_dict(i), **read[i.id]} for i in items]
        _json(data)
        return 0
    lang, cat, tz = lib.lang, lib.catalog, lib.tz
    print(f"case {case.id}{' (示例案例)' if case.is_sample else ''}: {case.title}")
    print(f"  scenario: {case.scenario} ({cat.scenario_name(case.scenario, lang)})")
    print(f"  platform: {case.platform} ({cat.platform_name(case.platform, lang)})   status: {case.status.value}")
    for label, value in (("order", case.order_no), ("refund", case.refund_no), ("buyer", case.buyer),
                         ("amount", case.amount)):
        if value:
            print(f"  {label}: {value}")
    print(f"  imported: {'true' if case.imported else 'false'}")
    if case.promised_ship_hours:
        print(f"  promised_ship_hours: {case.promised_ship_hours:g}")
    for name in TIME_FIELDS:
        value = getattr(case, name)
        if value is not None:
            print(f"  {name}: {show(value, tz)}")
    for name, _kind, default, _allowed in FACTS:
        value = getattr(case, name)
        if value != default:
            print(f"  {name}: {str(value).lower() if isinstance(value, bool) else value}")
    if case.statement:
        from evidence_app.core.statements import render
        print(f"  statement: {render(case.statement, lib.items(case_id), lang)}")
    print(f"  items: {len(lib.items(case_id))}")
    return 0


def cmd_list(lib, args) -> int:
    wanted = None
    if args.search and args.search.strip():  # typed fields and what the evidence says (OCR, barcodes)
        wanted = set(lib.search_cases(args.search, include_deleted=args.trash))
    if args.json:
        _json([case_dict(c) for c in lib.cases(only_deleted=args.trash) if wanted is None or c.id in wanted])
        return 0
    from evidence_app.storage.case_index import list_cases

    cases = list_cases(lib, only_deleted=args.trash)  # only the columns printed: 20,000 cases in well under 1 s
    if wanted is not None:
        cases = [case for case in cases if case.id in wanted]
    tz = lib.tz  # once: it is a database read
    lines = []
    for case in cases:
        if case.due_at:
            d = case.due_at.astimezone(tz)  # show()'s format, without strftime's cost over 20,000 rows
            due = f"{d.year:04d}-{d.month:02d}-{d.day:02d} {d.hour:02d}:{d.minute:02d}"
        else:
            due = "-"
        lines.append(f"{case.id:>5}  {case.status.value:<9} {case.platform:<12} {case.scenario:<22} "
                     f"{case.order_no or '-':<20} {case.buyer or '-':<12} due {due}\n")
    sys.stdout.write("".join(lines))  # one write, not one per case
    return 0


def cmd_stats(lib, args) -> int:
    from evidence_app.core.stats import format_text, to_csv
    from evidence_app.storage.outcomes import library_stats

    stats = library_stats(lib)
    if args.csv:
        from evidence_app.storage.atomic import atomic_write

        try:
            with atomic_write(Path(args.csv)) as handle:
                handle.write(to_csv(stats).encode("utf-8-sig"))  # the BOM makes Excel read it as UTF-8
        except OSError as exc:
            raise UsageError(f"cannot write {args.csv}: {exc.strerror or exc}") from None
    if args.json:
        _json(stats.as_dict())
    elif not args.csv:
        print(format_text(stats))
    return 0


def cmd_kinds(lib, args) -> int:
    kinds = lib.catalog.kinds.values()
    if args.json:
        _json([{"id": k.id, "names": k.names, "descriptions": k.descriptions,
                "questions": [{"id": q.id, "texts": q.texts, "needs": q.needs or None}
                              for q in lib.catalog.questions_for(k.id)]} for k in kinds])
        return 0
    for kind in kinds:
        print(f"{kind.id:<26} {kind.name(lib.lang)}")
    return 0


def cmd_scenarios(lib, args) -> int:
    scenarios = lib.catalog.scenarios.values()
    if args.json:
        _json([{"id": s.id, "names": s.names, "descriptions": s.descriptions, "time_checks": list(s.time_checks),
                "requirements": [{"id": r.id, "level": r.level, "kinds": list(r.kinds), "min_count": r.min_count,
                                  "never": list(r.never), "when": r.when, "rule": r.rule, "cite": list(r.cite),
                                  "platforms": list(r.platforms), "confirm": list(r.confirm), "explain": r.explains,
                                  "asserts": r.asserts}
                                 for r in s.requirements],
                "facts": list(s.facts),
                "findings": [{"id": f.id, "when": f.condition.text if f.condition else None, "blocking": f.blocking,
                              "favours": f.favours, "cite": list(f.cite), "message": f.messages}
                             for f in s.findings]} for s in scenarios])
        return 0
    for scenario in scenarios:
        print(f"{scenario.id:<24} {scenario.name(lib.lang)}")
    return 0


def cmd_check(lib, args) -> int:
    case_id = _int_id(args.case, "CASE")
    now = parse_time(args.now, lib.tz) if args.now else None
    result = lib.check(case_id, now=now)
    if args.json:
        _json(result.as_dict())
    else:
        lang, cat = lib.lang, lib.catalog
        done, total = result.required_counts
        print(f"case {case_id}: {result.scenario.name(lang)} — {'READY' if result.ready else 'NOT READY'} "
              f"({done}/{total} required)")
        for req in result.requirements:
            mark = "✓" if req.met else "?" if req.status == "unconfirmed" else ("✗" if req.requirement.level == "required" else "·")
            kinds = " | ".join(cat.kind_name(k, lang) for k in req.requirement.kinds)
            print(f"  {mark} [{req.requirement.level}] {req.requirement.id}: {kinds}")
            print(f"      {req.message}  〔{req.rule}〕")
            for question_id in req.questions if req.status == "unconfirmed" else ():
                print(f"      → evidence-app edit ITEM --attest {question_id}")
        for finding in result.findings:
            mark = "⛔ BLOCKING " if finding.blocking else "⏱ "
            rule = f"  〔{finding.rule}〕" if finding.rule else ""
            print(f"  {mark}{finding.id}: {finding.status} — {finding.message}{rule}")
    return 0 if result.ready else 1


def cmd_rm(lib, args) -> int:
    lib.trash_item(_int_id(args.item, "ITEM"))
    return 0


def cmd_restore(lib, args) -> int:
    lib.restore_item(_int_id(args.item, "ITEM"))
    return 0


def cmd_rm_case(lib, args) -> int:
    lib.trash_case(_int_id(args.case, "CASE"))
    return 0


def cmd_restore_case(lib, args) -> int:
    lib.restore_case(_int_id(args.case, "CASE"))
    return 0


def cmd_empty_trash(lib, args) -> int:
    print(lib.empty_trash())
    return 0


def cmd_edit(lib, args) -> int:
    item_id = _int_id(args.item, "ITEM")
    attestations = None
    if args.attest or args.unattest:
        current = lib.item(item_id).attestations
        attestations = [q for q in [*current, *(args.attest or [])] if q not in (args.unattest or [])]
        known = lib.catalog.questions
        for question_id in [*(args.attest or []), *(args.unattest or [])]:
            if question_id not in known:
                raise UsageError(f"unknown question {question_id!r}; known: {', '.join(known)}")
    frames = _frames_arg(lib.item(item_id), args.frames, args.frame_caption)
    item = lib.update_item(item_id, kind=args.kind, caption=args.caption, rotation=args.rotate,
                           attestations=attestations, frames=frames)
    if frames is not None and item.is_video and (args.wait or not sys.stdout.isatty()):
        _read_item(lib, item)  # new key frames: the video is read again at them (as `add` reads a new file)
    if args.to is not None:
        lib.move_item(item_id, args.to - 1)
    return 0


def _seconds(text: str, what: str) -> float:
    try:
        value = float(text.strip())
    except ValueError:
        raise UsageError(f"{what} 须为秒数(收到 {text!r})") from None
    if not math.isfinite(value) or value < 0:
        raise UsageError(f"{what} 须为不小于 0 的秒数(收到 {text!r})")
    return value


def _frames_arg(item: EvidenceItem, frames: str | None, captions: list[str] | None) -> list[KeyFrame] | None:
    """`--frames 1.5,3,12.25` replaces the key frames (captions of times kept stay; "" or none clears them);
    `--frame-caption 3=封箱` captions the key frame at 3 s (after --frames)."""
    if frames is None and not captions:
        return None
    if not item.is_video:
        raise UsageError(f"证据 {item.id} 不是视频:--frames 和 --frame-caption 只用于视频")
    current = list(item.frames)
    if frames is not None:
        old = {f.ms: f.caption for f in current}
        text = frames.strip()
        times = [] if text.lower() in ("", "none") else [_seconds(part, "关键帧时间") for part in text.split(",")]
        current = [KeyFrame(round(t, 3), old.get(round(t * 1000), "")) for t in times]
    for assignment in captions or []:
        if "=" not in assignment:
            raise UsageError(f"--frame-caption 的格式为 秒数=说明(收到 {assignment!r})")
        when, caption = assignment.split("=", 1)
        t = _seconds(when, "关键帧时间")
        match = min(current, key=lambda f: abs(f.t - t), default=None)
        if match is None or abs(match.t - t) > 0.05:
            listed = "、".join(f"{f.t:g}" for f in current) or "无"
            raise UsageError(f"{t:g} 秒处没有关键帧(现有:{listed});请先用 --frames 设置")
        match.caption = caption
    return current


def cmd_redact(lib, args) -> int:
    item_id = _int_id(args.item, "ITEM")
    item = lib.item(item_id)
    if item.is_video:
        return _redact_video(lib, item, args)
    if args.frame is not None:
        raise UsageError("--frame 只用于视频证据")
    paged = item.is_pdf or (item.page_count or 1) > 1  # PDFs and multi-page TIFFs
    if args.page is not None and not paged:
        raise UsageError("--page is for PDF and multi-page TIFF items; an image's rectangles are in its pixels")
    # a PDF's boxes are in points on page N (default 1); a multi-page TIFF's in pixels of page N
    page = (args.page or 1) if paged else None
    if args.suggested:
        if args.clear or args.boxes or args.page is not None:
            raise UsageError("--suggested 不能与矩形、--clear 或 --page 同用")
        return _redact_suggested(lib, item)
    return _edit_boxes(lib, item, args, only=args.page, place=page,
                       where=lambda box: f" --page {box.page}" if box.page else "")


def _edit_boxes(lib, item: EvidenceItem, args, only: int | None, place: int | None, where) -> int:
    """--clear, add X,Y,W,H… or list an item's boxes. `only`: the page (or a video's key frame, in ms) the command
    names, None for all; `place`: the page field given to added boxes; `where(box)`: how a listed box says its page."""
    if args.clear:
        boxes: list[Redaction] = [b for b in item.redactions if only is not None and b.page != only]
    elif args.boxes:
        new = [_box(b) for b in args.boxes]
        for box in new:
            box.page = place
        boxes = [*item.redactions, *new]
    else:
        for box in item.redactions:
            if only is None or box.page == only:
                print(f"{box.x},{box.y},{box.w},{box.h}{where(box)}")
        return 0
    lib.update_item(item.id, redactions=boxes)
    return 0


def _redact_suggested(lib, item) -> int:
    """Apply every suggested box not yet covered, as ordinary redactions; one line per box applied."""
    from evidence_app.reading import lookup, pii

    if item.is_pdf:
        print(f"evidence-app: error: 证据 {item.id} 是 PDF,暂不提供建议涂黑;请用 X,Y,W,H --page N 指定矩形",
              file=sys.stderr)
        return 1
    reading = lookup.reading_of(lib, item)
    if reading is None:
        if lookup.reading_off(lib):
            print("evidence-app: error: 识别功能未安装(文字识别已关闭),无法给出建议涂黑;请用 X,Y,W,H 指定矩形",
                  file=sys.stderr)
        else:
            print(f"evidence-app: error: 证据 {item.id} 还没有识别结果;稍后再试,或运行 evidence-app reread",
                  file=sys.stderr)
        return 1
    paged = (item.page_count or 1) > 1
    todo = pii.pending(pii.suggest(reading), item.redactions, paged)
    if not todo:
        print(f"证据 {item.id} 没有新的建议涂黑内容", file=sys.stderr)
        return 0
    new = [s.redaction(paged) for s in todo]
    lib.update_item(item.id, redactions=[*item.redactions, *new])
    for suggestion, box in zip(todo, new):
        print(f"{box.x},{box.y},{box.w},{box.h}" + (f" --page {box.page}" if box.page else "")
              + f" {suggestion.label}")
    return 0


def _redact_video(lib, item: EvidenceItem, args) -> int:
    """A video's boxes are drawn on one key frame (--frame SECONDS), in its upright pixels; the box's page field
    holds the frame's time in milliseconds."""
    if args.page is not None:
        raise UsageError("视频请用 --frame 秒数 指定关键帧,而不是 --page")
    if args.suggested:  # suggestions are for pictures (as in the viewer): a frame's boxes are drawn by hand
        raise UsageError(f"证据 {item.id} 是视频,暂不提供建议涂黑;请用 X,Y,W,H --frame 秒数 指定关键帧上的矩形")
    ms = None
    if args.frame is not None:
        t = _seconds(args.frame, "--frame")
        match = min(item.frames, key=lambda f: abs(f.t - t), default=None)
        if match is None or abs(match.t - t) > 0.05:
            raise UsageError(f"{t:g} 秒处没有关键帧;请先用 edit --frames 设置")
        ms = match.ms
    if args.boxes and not args.clear and ms is None:
        raise UsageError("视频的遮挡框须用 --frame 秒数 指定关键帧")
    return _edit_boxes(lib, item, args, only=ms, place=ms, where=lambda box: f" --frame {(box.page or 0) / 1000:g}")


def cmd_archive(lib, args) -> int:
    from evidence_app.storage.archive import export_case

    export_case(lib, _int_id(args.case, "CASE"), Path(args.output))
    return 0


def cmd_unarchive(lib, args) -> int:
    from evidence_app.storage.archive import import_case

    print(import_case(lib, Path(args.file)))
    return 0


def cmd_verify(lib, args) -> int:
    from evidence_app.storage.verify import verify

    report = verify(lib, _int_id(args.case, "CASE") if args.case else None)
    for problem in report.problems:
        print(f"{problem.kind}: {problem.message(lib)}")
    print(f"{'ok' if not report.problems else 'FAILED'}: {report.files} files of {report.items} items checked, "
          f"{len(report.problems)} with problems", file=sys.stderr if report.problems else sys.stdout)
    return 1 if report.problems else 0


def cmd_config(lib, args) -> int:
    if not args.assignments:
        for key, value in lib.settings().items():
            print(f"{key}={value}")
        return 0
    for assignment in args.assignments:
        if "=" not in assignment:
            print(lib.setting(assignment))
            continue
        key, value = assignment.split("=", 1)
        lib.set_setting(key.strip(), value.strip())
    return 0


def cmd_sample(lib, args) -> int:
    from evidence_app.sample import create_sample_case

    print(create_sample_case(lib))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="evidence-app", description="举证助手: collect, check and export dispute evidence.")
    parser.add_argument("--version", action="version", version=f"evidence-app {__version__}")
    parser.add_argument("--data-dir", help="library folder (default: $EVIDENCE_APP_DATA_DIR or the per-user data dir)")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    def add(name: str, func, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        return p

    p = add("new", cmd_new, "create a case; prints its id")
    p.add_argument("--scenario", required=True)
    p.add_argument("--platform")
    for name in ("order", "refund", "buyer", "amount", "title"):
        p.add_argument(f"--{name}")
    p = add("set", cmd_set, "change case fields: FIELD=VALUE …")
    p.add_argument("case")
    p.add_argument("assignments", nargs="+", metavar="FIELD=VALUE")
    p = add("add", cmd_add, "add evidence files (or folders) to a case; prints one item id per file")
    p.add_argument("case")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--kind", help="evidence kind (see `kinds`); without it the app suggests one from the file")
    p.add_argument("--caption")
    p.add_argument("--wait", action="store_true",
                   help="read the files (OCR, barcodes) before returning (the default when output is not a terminal)")
    for name, func, text in (("items", cmd_items, "list a case's evidence items"),
                             ("show", cmd_show, "show a case"),
                             ("check", cmd_check, "check a case against its scenario; exit 0 ready, 1 not")):
        p = add(name, func, text)
        p.add_argument("case")
        p.add_argument("--json", action="store_true")
        if name == "check":
            p.add_argument("--now", help="judge deadlines as of this time instead of now (ISO 8601)")
    p = add("list", cmd_list, "list cases")
    p.add_argument("--json", action="store_true")
    p.add_argument("--trash", action="store_true", help="list the cases in the trash")
    p.add_argument("--search", metavar="TEXT",
                   help="only cases whose fields or evidence text (OCR, barcodes) contain TEXT")
    p = add("reread", cmd_reread, "read the files again (OCR, barcodes): of one case, or of the whole library")
    p.add_argument("case", nargs="?")
    p = add("stats", cmd_stats, "outcome figures: cases, win rate, median time to submit, evidence missing")
    p.add_argument("--json", action="store_true")
    p.add_argument("--csv", metavar="FILE", help="also write the figures as CSV (UTF-8, for Excel)")
    for name, func, text in (("kinds", cmd_kinds, "list evidence kinds"),
                             ("scenarios", cmd_scenarios, "list dispute scenarios")):
        add(name, func, text).add_argument("--json", action="store_true")
    for name, func, text, arg in (("rm", cmd_rm, "move an item to the trash", "item"),
                                  ("restore", cmd_restore, "restore an item from the trash", "item"),
                                  ("rm-case", cmd_rm_case, "move a case to the trash", "case"),
                                  ("restore-case", cmd_restore_case, "restore a case from the trash", "case")):
        add(name, func, text).add_argument(arg)
    add("empty-trash", cmd_empty_trash, "delete trashed items and cases for good")
    p = add("edit", cmd_edit, "change an item's kind, caption, rotation or exhibit position")
    p.add_argument("item")
    p.add_argument("--kind")
    p.add_argument("--caption")
    p.add_argument("--rotate", type=int, choices=(0, 90, 180, 270))
    p.add_argument("--to", type=int, metavar="N", help="move to exhibit number N (1-based)")
    p.add_argument("--attest", action="append", metavar="QUESTION_ID",
                   help="confirm the item shows what the question asks (repeatable; see `kinds --json`)")
    p.add_argument("--unattest", action="append", metavar="QUESTION_ID", help="withdraw a confirmation")
    p.add_argument("--frames", metavar="T1,T2,…", help="videos: set the key frames, in seconds (\"\" clears them)")
    p.add_argument("--wait", action="store_true",
                   help="videos: read the new key frames (OCR, barcodes) before returning (the default when output "
                        "is not a terminal)")
    p.add_argument("--frame-caption", action="append", metavar="T=TEXT",
                   help="videos: caption the key frame at T seconds (repeatable)")
    p = add("redact", cmd_redact, "add black-out rectangles X,Y,W,H: upright pixels of an image, or PDF points "
                                  "from the top-left corner of page N as displayed (--page N)")
    p.add_argument("item")
    p.add_argument("boxes", nargs="*", metavar="X,Y,W,H")
    p.add_argument("--page", type=int, metavar="N", help="PDF items: the page (1-based, default 1)")
    p.add_argument("--frame", metavar="SECONDS", help="video items: the key frame (its time in seconds)")
    p.add_argument("--clear", action="store_true", help="remove all rectangles (with --page: that page's)")
    p.add_argument("--suggested", action="store_true",
                   help="apply the suggested boxes (phone and ID numbers, addresses, names read from the image)")
    p = add("archive", cmd_archive, "write a case with its files to one .evpack file")
    p.add_argument("case")
    p.add_argument("-o", "--output", required=True)
    p = add("unarchive", cmd_unarchive, "import an .evpack file as a new case; prints its id")
    p.add_argument("file")
    p = add("verify", cmd_verify, "re-check stored files against their SHA-256 (one case or the whole library); "
                                  "exit 1 if any is missing or damaged")
    p.add_argument("case", nargs="?")
    p = add("config", cmd_config, "show or change library settings: KEY=VALUE …")
    p.add_argument("assignments", nargs="*", metavar="KEY[=VALUE]")
    add("sample", cmd_sample, "create the sample case (示例案例); prints its id")
    _register_extensions(sub, add)
    return parser


def _register_extensions(sub, add) -> None:
    """Commands from other packages (export, GUI self-test) when they are present."""
    try:
        from evidence_app.export import cli as export_cli
    except ImportError:
        return
    export_cli.register(add)


def run(argv: Sequence[str]) -> int:
    from evidence_app.storage.library import Library, LibraryError

    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        return _start_gui_or_help(Path(args.data_dir) if args.data_dir else None)
    data_dir = Path(args.data_dir) if args.data_dir else default_data_dir()
    try:
        library = Library(data_dir)
    except (OSError, sqlite3.Error) as exc:
        raise UsageError(f"cannot open the library at {data_dir}: {getattr(exc, 'strerror', None) or exc}") from None
    with library:
        try:
            return args.func(library, args)
        except LibraryError as exc:
            raise UsageError(str(exc)) from None
        except sqlite3.Error as exc:  # a full or read-only disk under the library: one line, nothing changed
            raise UsageError(f"the library at {data_dir} cannot be changed: {exc}") from None
        except OSError as exc:  # a full disk, a vanished folder…: one line
            where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
            raise UsageError(f"{where}{exc.strerror or exc}") from None


def _utf8_streams() -> None:
    """Chinese names must print even where the console or pipe codepage is not Chinese (cp1252, a pipe on
    Windows): pipes and files get UTF-8, and nothing unprintable ever aborts a command."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding != "utf8" and not stream.isatty():
            reconfigure(encoding="utf-8", errors="replace")
        else:
            reconfigure(errors="replace")


def _terminate(signum, frame) -> None:
    """SIGTERM unwinds like Ctrl+C: temp files and half-written exports are removed on the way out."""
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _utf8_streams()
    # pypdf reports what it repairs in a damaged PDF through logging: not the user's business on the console
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, _terminate)
    if not argv:
        return _start_gui_or_help()
    if argv[0] == "--selftest":
        if len(argv) != 2:
            print("evidence-app: error: usage: evidence-app --selftest OUT_DIR", file=sys.stderr)
            return USAGE_EXIT
        from evidence_app.selftest import run_selftest

        return run_selftest(Path(argv[1]))
    if len(argv) == 1 and argv[0].lower().endswith(".evpack") and Path(argv[0]).is_file():
        return _start_gui_or_help(open_archive=Path(argv[0]))  # double-clicked case archive
    try:
        return run(argv)
    except UsageError as exc:
        print(f"evidence-app: error: {exc}", file=sys.stderr)
        return USAGE_EXIT
    except CatalogError as exc:
        print(f"evidence-app: error in data file {exc}", file=sys.stderr)
        return USAGE_EXIT
    except ValueError as exc:  # bad times, zones: one line
        print(f"evidence-app: error: {exc}", file=sys.stderr)
        return USAGE_EXIT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _start_gui_or_help(data_dir: Path | None = None, open_archive: Path | None = None) -> int:
    try:
        from evidence_app.ui.app import run_gui
    except ImportError:
        build_parser().print_help()
        print("\nThe desktop window is not installed here (pip install 'evidence_app[gui]'); "
              "the commands above work without it.")
        return 0
    return run_gui([sys.argv[0]], data_dir, open_archive)
