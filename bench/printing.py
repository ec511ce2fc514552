"""Printed documents: bytes on the wire per document, and the time to lay one out."""

from __future__ import annotations

import time

from bench.figures import Figure, percentile
from kiosk.printing.catalog import render_document
from kiosk.printing.layout import PrinterProfile
from kiosk.printing.samples import SAMPLES, sample_badge, sample_release_slip


def document_bytes() -> list[Figure]:
    # The largest of both languages and both widths counts.
    badge = max(
        len(render_document(sample_badge(), lang, PrinterProfile(w)))
        for lang in ("zh_CN", "en")
        for w in (58, 80)
    )
    slip = max(
        len(render_document(sample_release_slip(10), lang, PrinterProfile(w)))
        for lang in ("zh_CN", "en")
        for w in (58, 80)
    )
    return [
        Figure("badge_bytes", badge, "bytes", 1024, note="largest of zh_CN/en x 58/80 mm"),
        Figure(
            "release_slip_10_items_bytes",
            slip,
            "bytes",
            2048,
            note="10 items, with the guard copy; largest variant",
        ),
    ]


def layout_time(rounds: int) -> list[Figure]:
    samples: list[float] = []
    documents = [make() for make in SAMPLES.values()] + [sample_release_slip(10)]
    profile = PrinterProfile(80)
    for _ in range(rounds):
        for document in documents:
            start = time.perf_counter()
            render_document(document, "zh_CN", profile)
            samples.append((time.perf_counter() - start) * 1000)
    return [
        Figure(
            "layout_p95_ms",
            percentile(samples, 95),
            "ms",
            20,
            note=f"document -> ESC/POS bytes, {len(documents)} kinds x {rounds} rounds, 80 mm zh_CN",
        )
    ]
