"""Reading the evidence: OCR text and barcodes of stored files (Qt-free)."""
