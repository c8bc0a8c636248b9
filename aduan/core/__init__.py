"""The kernel below the three stages: settings, client construction, metrics, logging, backoff,
dead letters and the consumer runtime.

It imports ``schemas`` and libraries only: never a stage (producers, streams, consumers) and never
the shell (``aduan.cli``, ``aduan.api``, ``aduan.stack``). tests/test_architecture.py checks both.
"""
