"""The hand-annotated UD layer (gold trees for the dev and test splits).

Pipeline: two independent annotation passes (``annotations/ud-gold/pass-a``,
``pass-b``), made by reading the sentence text from scratch; :mod:`.diff` lists every
difference as a case; an adjudicator decides each (``adjudication.jsonl``); :mod:`.merge`
applies the decisions and writes the released files with ``TokenRange`` offsets into the
cleaned text. :mod:`.check` is the strict reader every stage uses.
"""
