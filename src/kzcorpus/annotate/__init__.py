"""Segment and annotate the cleaned text: sentences, tokens, POS, lemmas, features, trees."""
