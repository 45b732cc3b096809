"""Tag organisation (and person) mentions with an averaged perceptron over shapes and lexicon classes.

The model is a structured perceptron (Collins 2002, weights averaged): per syllable, the
features of `tagger_features` score five tags (O, B-/I-ORG, B-/I-PER); a transition score
between consecutive tags; Viterbi picks the best sequence. Its weights are over feature names
only (shapes and the classes of tintuc's own lexicons), never over a word of the corpora, so
the model file ships no text of the outlets. It is trained by `bench/org_tagger_train.py`.

The tagger adds to the rules, never replaces them: `extra_organisations` keeps a tagged
organisation only where no rule span overlaps it and only when it looks like a body by the
rules' own classes (`names_a_body`, or the looser `looks_like_body`).

Not wired into extraction: measured in the seventh round (docs/how-it-works/extraction-quality.md,
"An organisation tagger, measured and left out"), it added two organisations of 510 in
cross-validation for many false ones, lowered the holdout's precision and cut extraction to a
quarter of its speed. It stays here, tested, with its training script, for a later attempt.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from bench.tagger_features import Token, classes, features, tokens

TAGS = ("O", "B-ORG", "I-ORG", "B-PER", "I-PER")
MODEL_PATH = Path(__file__).with_name("org_tagger.json")
_START = "<s>"
# An inside tag can follow only its own begin or inside tag.
_ALLOWED = {(a, b) for a in (_START, *TAGS) for b in TAGS if not b.startswith("I-") or a[2:] == b[2:]}
_BODY_CLASSES = frozenset({"B-head", "B-noun", "B-legal", "I-legal", "B-known", "B-world"})


@dataclass
class Model:
    """Weights by feature name (one per tag, in `TAGS` order) and by tag transition."""

    weights: dict[str, list[float]] = field(default_factory=dict)
    transitions: dict[str, float] = field(default_factory=dict)  # "prev>tag" → weight
    stacked: tuple[str, ...] = ("person", "organization", "location")  # the rule kinds its features see

    def emissions(self, rows: list[list[str]]) -> list[list[float]]:
        """Return each syllable's score for each tag."""
        scores = []
        for row in rows:
            total = [0.0] * len(TAGS)
            for name in row:
                vector = self.weights.get(name)
                if vector is not None:
                    total = [a + b for a, b in zip(total, vector, strict=True)]
            scores.append(total)
        return scores

    def decode(self, rows: list[list[str]]) -> list[str]:
        """Return the best tag sequence (Viterbi over emissions and allowed transitions)."""
        if not rows:
            return []
        emissions = self.emissions(rows)
        best = [
            {
                t: (self._move(_START, t) + emissions[0][i], "")
                for i, t in enumerate(TAGS)
                if (_START, t) in _ALLOWED
            }
        ]
        for scores in emissions[1:]:
            column = {}
            for i, tag in enumerate(TAGS):
                options = [
                    (s + self._move(p, tag), p) for p, (s, _) in best[-1].items() if (p, tag) in _ALLOWED
                ]
                score, prev = max(options)
                column[tag] = (score + scores[i], prev)
            best.append(column)
        tag = max(best[-1], key=lambda t: best[-1][t][0])
        path = [tag]
        for column in reversed(best[1:]):
            tag = column[tag][1]
            path.append(tag)
        return path[::-1]

    def _move(self, prev: str, tag: str) -> float:
        return self.transitions.get(f"{prev}>{tag}", 0.0)

    def to_json(self) -> str:
        """Return the model as compact JSON (weights rounded: the file ships with the package)."""
        weights = {
            k: [round(x, 3) for x in v]
            for k, v in sorted(self.weights.items())
            if any(round(x, 3) for x in v)
        }
        transitions = {k: round(v, 3) for k, v in sorted(self.transitions.items())}
        data = {"tags": TAGS, "stacked": self.stacked, "weights": weights, "transitions": transitions}
        return json.dumps(data, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Model:
        """Read a model written by `to_json`."""
        data = json.loads(text)
        if tuple(data["tags"]) != TAGS:
            raise ValueError(
                f"model tags {data['tags']} are not {TAGS}: retrain with bench/org_tagger_train.py"
            )
        return cls(data["weights"], data["transitions"], tuple(data["stacked"]))


@lru_cache(maxsize=1)
def shipped_model() -> Model:
    """Return the model shipped with the package."""
    return Model.from_json(MODEL_PATH.read_text(encoding="utf-8"))


def spans_of(tags: Sequence[str], toks: list[Token], kind: str) -> list[tuple[int, int]]:
    """Return the character spans of a kind's B-/I- runs."""
    spans: list[tuple[int, int]] = []
    for tag, (start, end, _) in zip(tags, toks, strict=True):
        if tag == "B-" + kind:
            spans.append((start, end))
        elif tag == "I-" + kind and spans and spans[-1][1] <= start:
            spans[-1] = (spans[-1][0], end)
    return spans


def looks_like_body(text: str, start: int, end: int) -> bool:
    """Tell whether a span opens on a head or body noun, has a legal form or known body, or is an acronym."""
    toks = tokens(text[start:end])
    words = [w for _, _, w in toks]
    if not words or not words[0][:1].isupper():
        return False
    if len(words) == 1 and len(words[0]) > 1 and words[0].isupper():
        return True
    kinds = classes(words)
    return bool(kinds[0] & _BODY_CLASSES) or any(k & {"B-legal", "B-known", "B-world"} for k in kinds)


def names_a_body(text: str, start: int, end: int) -> bool:
    """Tell whether a span opens on a head or body noun and goes on to a name of its own.

    Stricter than `looks_like_body`: a lone head ("Ban", "Phái bộ"), a head cut before its
    name ends ("Phòng giao"), an acronym alone or a brand before a product ("Honda City") is none.
    """
    words = [w for _, _, w in tokens(text[start:end])]
    if (
        len(words) < 2
        or not words[0][:1].isupper()
        or not (words[-1][:1].isupper() or words[-1][:1].isdigit())
    ):
        return False
    kinds = classes(words)
    if not kinds[0] & {"B-head", "B-noun"}:
        return False
    head_end = next((i for i in range(1, len(words)) if not kinds[i] & {"I-head", "I-noun"}), len(words))
    return any(w[:1].isupper() for w in words[head_end:])


_CHECKS = {"strict": names_a_body, "body": looks_like_body, "none": lambda text, start, end: True}


def tag(text: str, spans: list[tuple[int, int, str]], model: Model) -> tuple[list[Token], list[str]]:
    """Return a sentence's syllables and their tags, given the rules' spans (start, end, kind)."""
    toks = tokens(text)
    if not toks:
        return toks, []
    seen = [span for span in spans if span[2] in model.stacked]
    return toks, model.decode(features(text, toks, seen))


def extra_organisations(
    text: str, spans: list[tuple[int, int, str]], model: Model, check: str = "strict"
) -> list[tuple[int, int]]:
    """Return the tagged organisations no rule span overlaps that look like a body (see module doc)."""
    if not any(w[:1].isupper() for w in text.split()):
        return []  # no capital, no name: most caption credits and short lines never reach the model
    toks, tags = tag(text, spans, model)
    return [
        (start, end)
        for start, end in spans_of(tags, toks, "ORG")
        if not any(s < end and start < e for s, e, _ in spans) and _CHECKS[check](text, start, end)
    ]


def with_tagged_organisations(
    sentences: list[tuple[int, str]], mentions: list, model: Model, check: str = "strict"
) -> list:
    """Return an article's mentions with the tagger's extra organisations added and all bodies regrouped."""
    from flows.steps.extract.entities import ORGANIZATION, Mention
    from flows.steps.extract.org_groups import group_names

    added: list[Mention] = []
    for seq, text in sentences:
        spans = [(m.start, m.end, m.kind) for m in mentions if m.seq == seq]
        added += [
            Mention(seq, ORGANIZATION, text[s:e], None, s, e)
            for s, e in extra_organisations(text, spans, model, check)
        ]
    if not added:
        return mentions
    every = [*mentions, *added]
    groups = group_names([m.name for m in every if m.kind == ORGANIZATION])
    return [
        Mention(
            m.seq,
            m.kind,
            m.name,
            m.role,
            m.start,
            m.end,
            m.written,
            groups.get(m.name, "") if groups.get(m.name, m.name) != m.name else "",
        )
        if m.kind == ORGANIZATION
        else m
        for m in every
    ]
