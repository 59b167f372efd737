"""Benchmarks of qa-bot: index build, query latency, memory and HTTP load (see README.md)."""
