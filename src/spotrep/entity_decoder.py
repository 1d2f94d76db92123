"""The entity recogniser's greedy decoding, done with array operations: the same model, the same decisions.

spaCy's ``EntityRecognizer`` scores one transition per token (BILUO: begin, in, last, unit, out) with its model
and takes the best valid one, in a loop over the tokens. The loop is compiled, but every call of the state's
helpers in it (the token at the buffer's head, whether an entity is open...) takes and releases the interpreter
lock in the shipped build (its profiling hooks): about two thirds of the recogniser's time on this machine. This
module runs the same steps on all the documents of a batch at once with numpy, on the model's own outputs:

- the token vectors and the precomputed lower layer come from the model's layers (``tok2vec``, ``lower``),
  computed on the same sub-batches as spaCy does (documents sorted by length, a quarter of the batch each);
- a state's hidden vector is the sum of its three feature rows (the current token, the first token of the open
  entity, the token before the current one) plus the bias, summed in spaCy's order, then the maxout;
- the scores are its product with the upper layer's weights by the same BLIS routine spaCy calls
  (``blis.py.gemm``), plus the bias;
- the valid transitions are those of spaCy's BILUO rules (``spacy/pipeline/_parser_internals/ner.pyx``) for
  documents without preset entities; the first best valid transition is taken.

A document with preset entities (an earlier component set some), a model of another shape, a beam or classes
the model has never seen are left to spaCy's own recogniser (``EntityDecoder.supports``). The entities were the
same, token for token, as spaCy's on the benchmark corpora and the dev sets.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import numpy as np

from .components import substitute

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

# BILUO moves, numbered as in spaCy's ner.pyx
_BEGIN, _IN, _LAST, _UNIT, _OUT = 1, 2, 3, 4, 5
_MOVES = {"B": _BEGIN, "I": _IN, "L": _LAST, "U": _UNIT, "O": _OUT}


class UnsupportedRecognizer(ValueError):
    """An entity recogniser this decoder does not reproduce (spaCy's own is kept)."""


class EntityDecoder:
    """A pipeline component in place of a loaded ``EntityRecognizer``: its model, decoded with array operations."""

    def __init__(self, ner: Any) -> None:
        self.ner = ner
        model = ner.model
        tok2vec, lower, upper = _layers(model)
        if ner.cfg.get("beam_width", 1) != 1:
            raise UnsupportedRecognizer("beam search")
        if model.attrs.get("unseen_classes"):
            raise UnsupportedRecognizer("unseen classes")
        if lower.get_dim("nF") != 3 or not lower.has_dim("nP") or lower.get_dim("nP") != 2:
            raise UnsupportedRecognizer("features or pieces")
        self.tok2vec, self.lower = tok2vec, lower
        self.n_hidden = lower.get_dim("nO")
        self.upper_w = np.ascontiguousarray(upper.get_param("W"), dtype="f")
        self.upper_b = np.asarray(upper.get_param("b"), dtype="f")
        self.lower_b = np.asarray(lower.get_param("b"), dtype="f").reshape(-1)
        moves, labels = _classes(ner)
        if len(moves) != self.upper_w.shape[0]:
            raise UnsupportedRecognizer(f"{len(moves)} classes for {self.upper_w.shape[0]} scores")
        self.moves, self.class_labels = moves, labels
        self.labels = sorted({int(x) for x in labels[moves == _BEGIN]})
        self.valid_rows = _valid_rows(moves, labels, self.labels)

    @property
    def model(self) -> Any:
        """The recogniser's model (what ``nlp.get_pipe("ner").model`` gave before)."""
        return self.ner.model

    def __call__(self, doc: Doc) -> Doc:
        if not _preset(doc):
            self._annotate([doc], 1)
            return doc
        return self.ner(doc)

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """As ``Parser.pipe``: batches of ``batch_size``, each modelled in sub-batches of a quarter of it (at
        least two documents) sorted by length."""
        from spacy.util import minibatch

        for batch in minibatch(docs, size=batch_size):
            batch = list(batch)
            if any(_preset(doc) for doc in batch):
                yield from self.ner.pipe(batch, batch_size=batch_size)
                continue
            self._annotate(batch, max(batch_size // 4, 2))
            yield from batch

    # -- decoding ----------------------------------------------------------------------------------------

    def _annotate(self, batch: list[Doc], sub_size: int) -> None:
        from spacy.util import minibatch

        ordered = sorted(batch, key=len)
        features = []  # (doc, its precomputed feature rows): the model run on spaCy's sub-batches
        for sub in minibatch(ordered, size=sub_size):
            sub = list(sub)
            if not any(len(doc) for doc in sub):
                continue
            rows = self.lower.predict(self.tok2vec.predict(sub))
            start = 1  # row 0 is the padding (a missing feature)
            for doc in sub:
                if len(doc):
                    features.append((doc, rows, start))
                start += len(doc)
        if not features:
            return
        pad = features[0][1][0:1]
        table = np.concatenate([pad, *(rows[s : s + len(doc)] for doc, rows, s in features)])
        table = table.reshape(table.shape[0], 3, -1)
        found = self._decode([doc for doc, _, _ in features], table)
        for (doc, _, _), spans in zip(features, found, strict=True):
            _set_entities(doc, spans)

    def _decode(self, docs: list[Doc], table: np.ndarray) -> list[list[tuple[int, int, int]]]:
        """The entities (start, end, label) of each document: greedy BILUO decoding, all documents in step (the
        documents still being read at a step are a prefix of them ordered by decreasing length)."""
        order = sorted(range(len(docs)), key=lambda k: -len(docs[k]))
        lengths = np.array([len(docs[k]) for k in order])
        base = (np.cumsum([0, *(len(d) for d in docs)])[:-1] + 1)[order]  # each document's first row
        blocked, on_space = _buffer_flags([docs[k] for k in order], int(lengths[0]))
        open_start = np.full(len(order), -1)  # the open entity's first token, -1 when none is open
        open_label = np.full(len(order), -1)  # and its label's index in self.labels
        found: list[list[tuple[int, int, int]]] = [[] for _ in order]
        label_index = {label: i for i, label in enumerate(self.labels)}
        active = len(order)
        for t in range(int(lengths[0])):
            while lengths[active - 1] <= t:
                active -= 1
            is_open = open_start[:active] >= 0
            scores = self._scores(table, base[:active] + t, is_open, base[:active] + open_start[:active])
            may_go_on = ~blocked[:active, t]
            not_space = ~on_space[:active, t]
            row = np.where(
                is_open, 4 + 2 * open_label[:active] + may_go_on, 2 * (may_go_on & not_space) + not_space
            )
            guesses = np.where(self.valid_rows[row], scores, -np.inf).argmax(axis=1)
            chosen, labels = self.moves[guesses], self.class_labels[guesses]
            for s in np.flatnonzero(chosen == _UNIT):
                found[s].append((t, t + 1, int(labels[s])))
            ended, begun = chosen == _LAST, chosen == _BEGIN
            for s in np.flatnonzero(ended):
                found[s].append((int(open_start[s]), t + 1, int(labels[s])))
            if ended.any():
                open_start[:active][ended] = -1
                open_label[:active][ended] = -1
            if begun.any():
                open_start[:active][begun] = t
                open_label[:active][begun] = [label_index[int(x)] for x in labels[begun]]
        out: list[list[tuple[int, int, int]]] = [[] for _ in docs]
        for s, k in enumerate(order):
            out[k] = found[s]
        return out

    def _scores(
        self, table: np.ndarray, current: np.ndarray, is_open: np.ndarray, first: np.ndarray
    ) -> np.ndarray:
        """The states' class scores, as spaCy's ``predict_states``: the rows of the current token, of the open
        entity's first token and of the token before the current one (the padding row 0 for a feature a state
        lacks) summed in that order from zero, plus the bias; the maxout of each pair (the second on a tie); the
        product with the upper weights by BLIS, plus its bias."""
        from blis.py import gemm

        unmaxed = np.zeros((len(current), table.shape[2]), dtype="f")
        unmaxed += table[current, 0]
        unmaxed += table[np.where(is_open, first, 0), 1]
        unmaxed += table[np.where(is_open, current - 1, 0), 2]
        unmaxed += self.lower_b
        pieces = unmaxed.reshape(len(current), self.n_hidden, 2)
        hidden = np.where(pieces[:, :, 0] > pieces[:, :, 1], pieces[:, :, 0], pieces[:, :, 1])
        scores = gemm(np.ascontiguousarray(hidden), self.upper_w, trans2=True, beta=0.0)
        scores += self.upper_b
        return scores


def _buffer_flags(docs: list[Doc], longest: int) -> tuple[np.ndarray, np.ndarray]:
    """Per document and token: whether no next token may join an entity with it (there is none, or it starts a
    sentence), and whether the token is a space."""
    from spacy.attrs import IS_SPACE, SENT_START

    blocked = np.ones((len(docs), longest), dtype=bool)
    on_space = np.zeros((len(docs), longest), dtype=bool)
    for s, doc in enumerate(docs):
        cols = doc.to_array([SENT_START, IS_SPACE])
        n = len(doc)
        blocked[s, : n - 1] = cols[1:, 0] == 1
        on_space[s, :n] = cols[:, 1] == 1
    return blocked, on_space


def _layers(model: Any) -> tuple[Any, Any, Any]:
    """The parser model's tok2vec, precomputed lower layer and upper layer."""
    if model.name != "parser_model" or len(model.layers) != 3 or not model.attrs.get("has_upper"):
        raise UnsupportedRecognizer(f"model {model.name}")
    tok2vec, lower, upper = model.layers
    if lower.name != "precomputable_affine" or upper.name != "linear":
        raise UnsupportedRecognizer(f"layers {lower.name}, {upper.name}")
    return tok2vec, lower, upper


def _classes(ner: Any) -> tuple[np.ndarray, np.ndarray]:
    """Each class's move and label (a string id; 0 for none), in the order of the model's scores."""
    strings = ner.vocab.strings
    moves, labels = [], []
    # every class, the blocking "U-" (a unit without label) included (``Parser.move_names`` leaves it out)
    for name in (ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)):
        move, _, label = name.partition("-")
        if move not in _MOVES:
            raise UnsupportedRecognizer(f"move {name!r}")
        moves.append(_MOVES[move])
        labels.append(strings[label] if label else 0)
    return np.array(moves), np.array(labels, dtype=np.uint64)


def _valid_rows(moves: np.ndarray, labels: np.ndarray, entity_labels: list[int]) -> np.ndarray:
    """The valid classes of a state without preset entities (ner.pyx's rules), one row per case: rows 0-3 for a
    state with no open entity (2 * "an entity may begin" + "one may be a unit": not on a space token, and for a
    beginning a next token in the same sentence), then two rows per label of an open entity ("it may go on":
    a next token in the same sentence)."""
    labelled = labels != 0
    rows = []
    for may_begin in (False, True):
        for may_unit in (False, True):
            rows.append(
                (moves == _OUT)
                | ((moves == _BEGIN) & labelled & may_begin)
                | ((moves == _UNIT) & labelled & may_unit)
            )
    for label in entity_labels:
        same = labels == label
        for may_go_on in (False, True):
            rows.append(((moves == _LAST) & same) | ((moves == _IN) & same & may_go_on))
    return np.array(rows)


def _preset(doc: Doc) -> bool:
    """Whether an earlier component set entities (or blocked tokens) on the doc."""
    from spacy.attrs import ENT_IOB

    return bool(len(doc)) and bool(doc.to_array(ENT_IOB).any())


def _set_entities(doc: Doc, spans: list[tuple[int, int, int]]) -> None:
    """As ``BiluoPushDown.set_annotations`` on a doc without preset entities: the entities, every other token
    outside."""
    from spacy.tokens import Span

    doc.set_ents([Span(doc, start, end, label=label) for start, end, label in spans], default="outside")


def use_entity_decoder(nlp: Language) -> bool:
    """Replace the pipeline's ``ner`` by an ``EntityDecoder`` of it, under the same name (True), or keep spaCy's
    recogniser when the decoder does not reproduce it (False)."""
    return substitute(
        nlp, "ner", EntityDecoder, UnsupportedRecognizer, "spotrep_entity_decoder", keep_name=True
    )
