"""PDFium is not thread-safe: every use of pypdfium2 in one process (the viewer on the GUI thread, thumbnails and
exports on worker threads) holds this lock, from opening a document to closing it (or around each page render
when a document stays open across a long loop)."""

import threading

PDFIUM = threading.RLock()
