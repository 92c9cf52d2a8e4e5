"""Benchmark workflow: document-level splits and folds, ``kzcorpus evaluate`` per task
(validated prediction files, official scorers), and reproducible baselines."""
