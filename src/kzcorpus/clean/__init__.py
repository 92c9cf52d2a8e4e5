"""Cleaning: raw extraction text → clean, traceable text (repair, structure, layers)."""
