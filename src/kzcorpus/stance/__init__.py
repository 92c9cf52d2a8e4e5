"""Stance layer: hand-labelled spans, agreement between passes."""
