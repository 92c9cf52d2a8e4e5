"""Benchmark workflow: document-level splits and folds (evaluation and baselines to follow)."""
