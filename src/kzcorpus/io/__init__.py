"""Reading and writing the shipped files; depends only on :mod:`kzcorpus.schema`."""
