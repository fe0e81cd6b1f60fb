"""Make a bundle PDF inert: no actions, scripts, attachments, form fields, links other than our own index links,
and no metadata carried in from the evidence PDFs. Page content (vector text, drawings, images) is kept.

A PDF from a buyer or a carrier may carry a `/Launch` action, JavaScript, an attached file or XMP with the author's
names; merging its pages into the bundle would hand all of it to the platform's reviewer. Two steps:
`clean_source_page` before a page is merged (its annotations never come along), `sanitize` on the finished writer
(whatever remains anywhere in the file, then objects nothing points to are dropped so they are not written).
"""

from __future__ import annotations

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, StreamObject

from evidence_app.imaging.jpegclean import NotJpeg, rebuild_jpeg

# Keys that carry active content, attachments or metadata, wherever they appear.
_DROP_ANYWHERE = ("/AA", "/JS", "/JavaScript", "/EmbeddedFiles", "/Metadata", "/PieceInfo", "/SpiderInfo",
                  "/OpenAction", "/AcroForm", "/URI", "/Launch", "/EF", "/RichMediaContent", "/XFA",
                  "/LastModified", "/OPI")
# Keys of a source page that bring annotations, thumbnails or article beads along when it is merged.
_SOURCE_PAGE_KEYS = ("/Annots", "/AA", "/Metadata", "/PieceInfo", "/B", "/Thumb", "/LastModified")


def clean_source_page(page: DictionaryObject) -> None:
    """Strip an evidence PDF's page of what must not be merged (in memory; the stored file is not touched)."""
    for key in _SOURCE_PAGE_KEYS:
        page.pop(NameObject(key), None)


def _internal_link(annotation: object) -> bool:
    """Our index links: /Link annotations that jump inside the document (a /Dest, or a /GoTo action)."""
    if isinstance(annotation, IndirectObject):
        annotation = annotation.get_object()
    if not isinstance(annotation, DictionaryObject) or annotation.get("/Subtype") != "/Link":
        return False
    action = annotation.get("/A")
    if action is None:
        return "/Dest" in annotation
    action = action.get_object()
    return isinstance(action, DictionaryObject) and action.get("/S") == "/GoTo" and "/Next" not in action


def _clean(obj: object) -> None:
    """Clean one object and the direct (not indirect) objects inside it."""
    if isinstance(obj, DictionaryObject):
        for key in _DROP_ANYWHERE:
            obj.pop(NameObject(key), None)
        if "/Annots" in obj:
            annots = obj["/Annots"].get_object()
            kept = ArrayObject([a for a in annots if _internal_link(a)]) if isinstance(annots, ArrayObject) else []
            if kept:
                obj[NameObject("/Annots")] = kept
            else:
                del obj["/Annots"]
        action = obj.get("/A")
        if action is not None and not (isinstance(action.get_object(), DictionaryObject)
                                       and action.get_object().get("/S") == "/GoTo"):
            del obj["/A"]
        if isinstance(obj, StreamObject) and obj.get("/Subtype") == "/Image":
            _clean_jpeg(obj)
        for value in list(obj.values()):
            if not isinstance(value, IndirectObject):
                _clean(value)
    elif isinstance(obj, ArrayObject):
        for value in obj:
            if not isinstance(value, IndirectObject):
                _clean(value)


def _clean_jpeg(image: StreamObject) -> None:
    """A JPEG inside a PDF keeps its EXIF (GPS), thumbnails and comments: rebuild it from its scans."""
    filters = image.get("/Filter")
    if isinstance(filters, ArrayObject):
        filters = filters[0] if len(filters) == 1 else None
    if filters != "/DCTDecode":
        return
    try:
        image._data = rebuild_jpeg(image._data, keep_adobe=True)
    except NotJpeg:
        return  # not a JPEG a reader could show either; it is left for the viewer to refuse


def _drop_unreachable(writer: PdfWriter) -> None:
    """Objects no longer referenced (an attachment whose annotation is gone) are not written at all."""
    reachable: set[int] = set()
    stack: list[object] = [writer._root_object]
    info = writer._info
    if info is not None:
        stack.append(info.indirect_reference or info)
    root_ref = writer._root_object.indirect_reference
    if root_ref is not None:
        reachable.add(root_ref.idnum)
    foreign: set[tuple[int, int]] = set()  # references into another document (should not occur): visited once
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            if obj.pdf is writer:
                if obj.idnum in reachable:
                    continue
                reachable.add(obj.idnum)
            else:
                if (id(obj.pdf), obj.idnum) in foreign:
                    continue
                foreign.add((id(obj.pdf), obj.idnum))
            stack.append(obj.get_object())
        elif isinstance(obj, DictionaryObject):
            stack.extend(obj.values())
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)
    for index in range(len(writer._objects)):
        if index + 1 not in reachable:
            writer._objects[index] = None


def sanitize(writer: PdfWriter) -> None:
    """Clean every object of `writer` in place (call just before writing)."""
    root = writer._root_object
    names = root.get("/Names")
    if names is not None:
        names = names.get_object()
        for key in ("/JavaScript", "/EmbeddedFiles", "/AP", "/URLS"):
            names.pop(NameObject(key), None)
    for obj in writer._objects:
        if obj is not None:
            _clean(obj)
    _drop_unreachable(writer)
