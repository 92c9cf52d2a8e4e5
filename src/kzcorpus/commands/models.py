"""``kzcorpus models``: train, evaluate and inspect the shipped Stanza models."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    from kzcorpus.models import DEFAULT_UD, LANGS

    p = subparsers.add_parser(
        "models",
        help="train, evaluate and inspect the Stanza models",
        description="Train, evaluate and inspect the shipped Stanza models.",
    )
    sub = p.add_subparsers(dest="models_command", required=True, metavar="ACTION")

    t = sub.add_parser("train", help="train a language's models from a UD treebank")
    t.add_argument("lang", choices=LANGS)
    t.add_argument("--ud", type=Path, help="UD treebank folder (default: ../shared/ud/UD_...)")
    t.add_argument("--out", type=Path, help="output folder (default: models_dir()/<lang>)")
    t.add_argument(
        "--work",
        type=Path,
        default=None,
        help="scratch folder for prepared data, logs and checkpoints (default: build/train_work)",
    )
    t.add_argument("--processors", help="comma-separated subset, e.g. pos,depparse")
    t.add_argument("--threads", type=int, default=2, help="torch/OMP threads per training run")
    t.add_argument(
        "--adopt",
        action="store_true",
        help="record the best checkpoint of a run already in --work that was stopped by hand",
    )
    t.add_argument(
        "--compact-only",
        action="store_true",
        help="only store already-recorded models as float16 and refresh training.json",
    )
    t.set_defaults(func=_cmd_train)

    a = sub.add_parser(
        "adopt",
        help="ship a model trained elsewhere (tools/train_gpu.py), recorded from its own log",
        description="Copy a model trained on another machine into models/<lang>/ and record it in "
        "training.json from its Stanza log (first line: the command that ran).",
    )
    a.add_argument("lang", choices=LANGS)
    a.add_argument(
        "processor", choices=["tokenize", "mwt", "lemma", "pos", "depparse", "forward_charlm", "backward_charlm"]
    )
    a.add_argument("--model", type=Path, required=True, help="the model file that came back")
    a.add_argument(
        "--log", type=Path, action="append", required=True, help="its training log; repeat for later stretches"
    )
    a.add_argument("--machine", required=True, help="where it ran, as read off the run's output")
    a.add_argument("--version", action="append", default=[], help="NAME=VERSION read off the run's output")
    a.add_argument("--train-data", required=True, help="the training files, in words")
    a.add_argument("--note", default=None)
    a.add_argument("--tags", default=None, help="which tags the parser trained on")
    a.add_argument("--out", type=Path, default=None, help="models folder (default: models_dir()/<lang>)")
    a.set_defaults(func=_cmd_adopt)

    e = sub.add_parser("evaluate", help="score end to end from raw text with the CoNLL 2018 scorer")
    e.add_argument("lang", choices=LANGS)
    e.add_argument("--gold", type=Path, required=True, help="gold CoNLL-U file (e.g. the test set)")
    e.add_argument(
        "--max-sentences", type=int, default=None, help="score only the first N gold sentences (quick checks)"
    )
    e.add_argument(
        "--resources-dir",
        type=Path,
        default=None,
        help="use an official Stanza resources directory instead of shipped models",
    )
    e.add_argument("--output", type=Path, default=None, help="also write the predicted CoNLL-U here")
    e.add_argument("--batch-size", type=int, default=None, help="override processor batch sizes")
    e.add_argument(
        "--rules",
        action="store_true",
        help="score the corpus's own pipeline (Stanza + kzcorpus's tokenizer hook and repairs), not Stanza alone",
    )
    e.add_argument(
        "--save",
        type=Path,
        default=None,
        help="write metrics, provenance and published reference scores as JSON here "
        "(how models/<lang>/scores.json is made)",
    )
    e.set_defaults(func=_cmd_evaluate)

    c = sub.add_parser("card", help="render models/<lang>/MODEL_CARD.md from the recorded JSON files")
    c.add_argument("lang", choices=LANGS)
    c.set_defaults(func=_cmd_card)

    lx = sub.add_parser(
        "lexicon", help="build the diacritic-repair lexicon (models/restore/lexicon.tsv) from clean text"
    )
    lx.add_argument("--ud", type=Path, default=Path(DEFAULT_UD["tr"]), help="UD_Turkish-IMST folder")
    lx.add_argument("--out", type=Path, default=None, help="output file (default: the shipped lexicon)")
    lx.set_defaults(func=_cmd_lexicon)

    mx = sub.add_parser(
        "mwt-lexicon",
        help="build models/<lang>/mwt_lexicon.tsv: which forms the treebank's train split makes multi-word tokens",
    )
    mx.add_argument("lang", choices=LANGS)
    mx.add_argument("--ud", type=Path, default=None, help="UD treebank folder (default: ../shared/ud/UD_...)")
    mx.add_argument("--out", type=Path, default=None, help="output file (default: the shipped one)")
    mx.set_defaults(func=_cmd_mwt_lexicon)

    i = sub.add_parser("info", help="print the provenance record of the shipped models")
    i.add_argument("lang", choices=LANGS)
    i.add_argument("--resources-dir", type=Path, default=None)
    i.set_defaults(func=_cmd_info)


def _cmd_lexicon(args: argparse.Namespace) -> int:
    from kzcorpus.clean.lexicon import LEXICON_TREEBANK_FILES, build_lexicon, lexicon_path
    from kzcorpus.errors import DataError
    from kzcorpus.io.atomic import write_text_atomic
    from kzcorpus.io.raw import iter_raw_texts

    files = [args.ud / name for name in LEXICON_TREEBANK_FILES]
    for f in files:
        if not f.is_file():
            raise DataError("treebank file missing; pass --ud <path to UD_Turkish-IMST>", path=f)
    # documents whose Turkish letters are intact (lexicon_source in raw/manifest.json)
    seeds = [(f"raw/{e.file}", text) for e, text in iter_raw_texts() if e.lexicon_source]
    lex = build_lexicon(files, seeds)
    out = args.out or lexicon_path()
    write_text_atomic(out, lex.render())
    print(f"wrote {out}: {len(lex.counts)} words, {lex.total} tokens")
    return 0


def _cmd_mwt_lexicon(args: argparse.Namespace) -> int:
    from kzcorpus.annotate.mwt_lexicon import build, parse
    from kzcorpus.errors import DataError
    from kzcorpus.io.atomic import write_text_atomic
    from kzcorpus.io.raw import sha256_file
    from kzcorpus.models import DEFAULT_UD, MWT_LEXICON_FILE, TREEBANKS
    from kzcorpus.models.pipeline import shipped_model_dir
    from kzcorpus.models.train import treebank_source

    ud = args.ud or Path(DEFAULT_UD[args.lang])
    train = ud / f"{TREEBANKS[args.lang]['shorthand']}-ud-train.conllu"
    if not train.is_file():
        raise DataError("treebank train file missing; pass --ud <path to the treebank folder>", path=train)
    text = build(
        train,
        [
            f"built by `kzcorpus models mwt-lexicon {args.lang}` from {ud.name}/{train.name} alone",
            f"treebank source: {treebank_source(ud)}; train file sha256:{sha256_file(train)}",
            "counts: times the lower-cased form is a multi-word token / a single word there",
        ],
    )
    out = args.out or (shipped_model_dir(args.lang) / MWT_LEXICON_FILE)
    write_text_atomic(out, text)
    print(f"wrote {out}: {len(parse(text, out).counts)} forms")
    return 0


def _cmd_train(args: argparse.Namespace) -> int:
    from kzcorpus.models import DEFAULT_UD
    from kzcorpus.models.train import DEFAULT_WORK, train

    ud = args.ud or Path(DEFAULT_UD[args.lang])
    procs = args.processors.split(",") if args.processors else None
    path = train(
        args.lang,
        ud,
        out_dir=args.out,
        work=args.work or DEFAULT_WORK,
        processors=procs,
        threads=args.threads,
        adopt=args.adopt,
        compact_only=args.compact_only,
    )
    print(f"wrote {path}")
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from kzcorpus.io.jsonl import render_json
    from kzcorpus.models.evaluate import evaluate

    options = {
        "max_sentences": args.max_sentences,
        "resources_dir": args.resources_dir,
        "batch_size": args.batch_size,
    }
    result = evaluate(args.lang, args.gold, output=args.output, rules=args.rules, **options)
    print(render_json(result["metrics"]), end="")
    if args.save:
        from kzcorpus.models.evaluate import scores_record

        # scores.json keeps Stanza's own scores and, beside them, the corpus pipeline's
        with_rules = result if args.rules else evaluate(args.lang, args.gold, rules=True, **options)
        alone = evaluate(args.lang, args.gold, **options) if args.rules else result
        args.save.write_text(
            render_json(scores_record(args.lang, alone, with_rules), ensure_ascii=True), encoding="utf-8"
        )
    return 0


def _cmd_adopt(args: argparse.Namespace) -> int:
    from kzcorpus.errors import ModelError
    from kzcorpus.models.adopt import adopt
    from kzcorpus.paths import models_dir

    versions = {}
    for item in args.version:
        name, sep, value = item.partition("=")
        if not sep or not name or not value:
            raise ModelError(f"--version expects NAME=VERSION, found {item!r}")
        versions[name] = value
    out = args.out or (models_dir() / args.lang)
    rec = adopt(
        args.lang,
        args.processor,
        args.model,
        args.log,
        out,
        machine=args.machine,
        versions=versions,
        train_data=args.train_data,
        note=args.note,
        tags=args.tags,
    )
    print(f"adopted {rec['model_file']} sha256:{rec['sha256']} ({rec['size_bytes']} bytes) into {out}")
    return 0


def _cmd_card(args: argparse.Namespace) -> int:
    from kzcorpus.models.card import write_card

    print(f"wrote {write_card(args.lang)}")
    return 0


def _cmd_info(args: argparse.Namespace) -> int:
    from kzcorpus.io.jsonl import render_json
    from kzcorpus.models.pipeline import model_provenance

    print(render_json(model_provenance(args.lang, resources_dir=args.resources_dir), ensure_ascii=True), end="")
    return 0
