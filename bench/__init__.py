"""The benchmark suite: `python -m bench --out DIR` writes bench.md and bench.json."""
