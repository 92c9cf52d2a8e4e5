"""Continue training Stanza's tagger from a saved model, in a later stretch.

Stanza's parser resumes (``--continue_from``); its tagger does not, so a tagger run had to
fit one sitting. This runs ``stanza.models.tagger`` unchanged except that the fresh model it
builds is first given the weights of ``--continue_from MODEL`` (the optimiser starts
afresh). The vocabulary is rebuilt from the same train file as before; a different one
means the files differ, and the run stops rather than load weights into the wrong rows::

    python -m kzcorpus.models.continue_tagger --continue_from saved.pt <tagger train args>

The log of such a stretch names this module; ``kzcorpus models adopt`` records it as a
stretch after the one that made ``saved.pt``.
"""

from __future__ import annotations

import sys
from typing import Any

from kzcorpus.errors import ModelError

MODULE = "kzcorpus.models.continue_tagger"


def split_continue_from(argv: list[str]) -> tuple[str, list[str]]:
    """``(model, the tagger's own arguments)`` from this module's command line."""
    if "--continue_from" not in argv:
        raise ModelError("expected --continue_from MODEL before the tagger's arguments")
    i = argv.index("--continue_from")
    if i + 1 >= len(argv) or argv[i + 1].startswith("--"):
        raise ModelError("--continue_from needs a model file")
    return argv[i + 1], argv[:i] + argv[i + 2 :]


def _load_into(trainer: Any, model_file: str) -> None:
    import torch

    state = torch.load(model_file, map_location="cpu", weights_only=True)
    if state["vocab"] != trainer.vocab.state_dict():
        raise ModelError("the saved model's vocabulary differs from this train file's", path=model_file)
    incompatible = trainer.model.load_state_dict(state["model"], strict=False)
    unsaved = getattr(trainer.model, "unsaved_modules", [])
    missing = [k for k in incompatible.missing_keys if k.split(".")[0] not in unsaved]
    if missing or incompatible.unexpected_keys:
        raise ModelError(
            f"the saved model does not fit these options: missing {missing[:3]}, "
            f"unexpected {incompatible.unexpected_keys[:3]}",
            path=model_file,
        )


def main(argv: list[str] | None = None) -> None:
    model_file, tagger_args = split_continue_from(list(sys.argv[1:] if argv is None else argv))
    from stanza.models import tagger

    fresh = tagger.Trainer

    def trainer(*args: Any, **kwargs: Any) -> Any:
        made = fresh(*args, **kwargs)
        if kwargs.get("model_file") is None:  # the new model; reloading the best passes a file
            _load_into(made, model_file)
        return made

    tagger.Trainer = trainer  # type: ignore[assignment]
    tagger.main(tagger_args)


if __name__ == "__main__":
    main()
