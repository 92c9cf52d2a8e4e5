"""The parallel layer: sentence-aligned translated abstracts, titles and keywords."""
