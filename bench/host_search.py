"""Host type-ahead over a 10,000-person staff directory: the time per keystroke."""

from __future__ import annotations

import random
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench.figures import Figure, percentile
from kiosk.app import build_app
from kiosk.config import load_config
from kiosk.domain.pinyin import search_keys
from kiosk.storage.database import sqlite_url_for
from kiosk.storage.models import Host

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"
_DEPARTMENTS = (
    "行政部",
    "财务部",
    "IDC运维部",
    "客服中心",
    "销售部",
    "保安部",
    "人力资源部",
    "工程部",
    "法务部",
    "市场部",
)


def host_search(people: int, rounds: int) -> list[Figure]:
    rng = random.Random(7)
    samples: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-hosts-") as tmp:
        config = replace(
            load_config(None, {}),
            database_url=sqlite_url_for(Path(tmp) / "h.db"),
            data_dir=Path(tmp),
            source=None,
        )
        app = build_app(config, "kiosk")
        try:
            names = [
                rng.choice(_SURNAMES) + "".join(rng.choices(_GIVEN, k=rng.choice((1, 2))))
                for _ in range(people)
            ]
            with app.database.sessions.begin() as session:
                for n, name in enumerate(names):
                    keys = search_keys(name)
                    session.add(
                        Host(
                            name=name,
                            department=rng.choice(_DEPARTMENTS),
                            extension=str(8000 + n),
                            pinyin=keys.pinyin,
                            initials=keys.initials,
                        )
                    )
            # A third of visitors type characters, a third pinyin, a third initials.
            picked = [search_keys(rng.choice(names)) for _ in range(rounds)]
            queries = (
                [rng.choice(names) for _ in range(rounds)]
                + [k.pinyin.split()[0] for k in picked]
                + [k.initials.split()[0] for k in picked]
                + ["IDC运维部"] * 5
            )
            for query in queries:
                # The visitor types the query one character at a time; each keystroke searches.
                for end in range(1, len(query) + 1):
                    start = time.perf_counter()
                    app.directory.search(query[:end])
                    samples.append((time.perf_counter() - start) * 1000)
        finally:
            app.close()
    return [
        Figure(
            "host_search_p95_ms",
            percentile(samples, 95),
            "ms",
            20,
            note=f"{len(samples)} keystrokes over {people:,} hosts (name, department, pinyin, initials; first 50)",
        )
    ]
