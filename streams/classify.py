"""Complaint topic classifier, the runtime: load the shipped artifact and score complaints with numpy.

The model is TF-IDF over word and character n-grams into a logistic regression, fitted by
``streams.training`` (``aduan train``) from the corpus shipped in streams/data and written as a
portable artifact committed to the repository (streams/models/topic_classifier.npz + .json, see
streams/data/README.md). Nothing here imports scikit-learn, pickle or joblib, and nothing retrains:
the stream worker loads the arrays with numpy and reproduces the fitted vectorisers' analysis and arithmetic.
Character n-grams carry most of the weight on SMS slang and regional spellings ("pejah", "pareum",
"sertipikat") that a word vocabulary learned from a thousand examples would never see.

A prediction whose probability (or, by the artifact's ``triage_rule``, whose margin over the second topic) is below
the threshold is still returned, but flagged ``needs_triage`` so a person looks at it before it is routed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy.sparse

DATA_DIR = Path(__file__).with_name("data")
MODELS_DIR = Path(__file__).with_name("models")
CORPUS_PATH = DATA_DIR / "seed_corpus.jsonl"
ARTIFACT_NAME = "topic_classifier.npz"
METADATA_NAME = "topic_classifier.json"

# Bump when the features, the estimator or the artifact's layout change: the runtime refuses an
# artifact of another version (run `aduan train`), it never rebuilds one.
MODEL_VERSION = "2"
# The threshold an artifact carries is calibrated by ``aduan train`` on out-of-fold predictions
# (streams.training.calibrate_threshold); this one is for an artifact that carries none.
DEFAULT_THRESHOLD = 0.30
# What the threshold is compared with (the artifact's ``triage_rule``, chosen by the calibration): the best topic's
# probability, or its margin over the second best. An artifact that names none used the probability.
TRIAGE_RULES = ("probability", "margin")
DEFAULT_TRIAGE_RULE = "probability"

log = logging.getLogger(__name__)

Example = dict  # {"id", "channel", "topic", "text", optional "subject"}


@dataclass(frozen=True)
class TopicPrediction:
    topic: str
    confidence: float
    needs_triage: bool


def example_text(example: Example) -> str:
    """The subject of an e-mail is often the clearest statement of the topic, so it is read too."""
    subject = (example.get("subject") or "").strip()
    return f"{subject}\n{example['text']}" if subject else example["text"]


_DIGITS = re.compile(r"\d+")
_URL = re.compile(r"https?://\S+|www\.\S+")


# The topic is stated early; a 20,000-character e-mail thread must not cost 20x a complaint.
MAX_FEATURE_CHARS = 3000


def normalise_for_features(text: str) -> str:
    # Numbers (amounts, dates, RT/RW) say nothing about the topic; folding them keeps n-grams shared.
    text = unicodedata.normalize("NFKC", text[:MAX_FEATURE_CHARS]).lower()
    text = _URL.sub(" url ", text)
    return _DIGITS.sub("0", text)


# Preprocessors an artifact may name (its vectorisers' ``preprocessor``): code, so not in the artifact.
PREPROCESSORS: dict[str, Callable[[str], str]] = {"normalise_for_features": normalise_for_features}
_WHITE_SPACES = re.compile(r"\s\s+")


def triage_score(rule: str, best, second):
    """What the triage threshold is compared with, for scalars or arrays of the two highest probabilities."""
    return best - second if rule == "margin" else best


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- feature extraction: scikit-learn's TfidfVectorizer analysis, for the options an artifact records


def _preprocessor(settings: Mapping) -> Callable[[str], str]:
    """As ``build_preprocessor``: a named preprocessor replaces lower-casing, else ``lowercase`` applies."""
    if settings.get("strip_accents"):
        raise ValueError("strip_accents is not supported by the runtime")
    named = settings.get("preprocessor")
    if named:
        return PREPROCESSORS[named]
    return str.lower if settings.get("lowercase", True) else (lambda text: text)


def _word_ngrams(tokens: list[str], low: int, high: int) -> list[str]:
    """As ``_word_ngrams`` (no stop words): unigrams first, then each longer n in order."""
    grams = list(tokens) if low == 1 else []
    for n in range(max(low, 2), min(high + 1, len(tokens) + 1)):
        grams.extend(" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
    return grams


def _char_wb_ngrams(word: str, low: int, high: int) -> list[str]:
    """As ``_char_wb_ngrams`` for one word: space-padded, and a word shorter than n counted once."""
    padded = f" {word} "
    grams = []
    for n in range(low, high + 1):
        offset = 0
        grams.append(padded[:n])
        while offset + n < len(padded):
            offset += 1
            grams.append(padded[offset:offset + n])
        if offset == 0:
            break
    return grams


def _char_ngrams(text: str, low: int, high: int) -> list[str]:
    """As ``_char_ngrams``: runs of white space folded to one space, n-grams across the whole text."""
    text = _WHITE_SPACES.sub(" ", text)
    grams = list(text) if low == 1 else []
    for n in range(max(low, 2), min(high + 1, len(text) + 1)):
        grams.extend(text[i:i + n] for i in range(len(text) - n + 1))
    return grams


def columns_function(settings: Mapping, vocabulary: Mapping[str, int]) -> Callable[[str], list[int]]:
    """text -> the vocabulary columns of its n-grams (with repeats), exactly as the fitted vectoriser counts them."""
    preprocess = _preprocessor(settings)
    low, high = settings["ngram_range"]
    get = vocabulary.get
    analyzer = settings["analyzer"]
    if analyzer == "word":
        tokenize = re.compile(settings["token_pattern"]).findall
        return lambda text: [c for c in map(get, _word_ngrams(tokenize(preprocess(text)), low, high)) if c is not None]
    if analyzer == "char":
        return lambda text: [c for c in map(get, _char_ngrams(preprocess(text), low, high)) if c is not None]
    if analyzer != "char_wb":
        raise ValueError(f"analyzer {analyzer!r} is not supported by the runtime")

    # char_wb n-grams never cross a word boundary, so a text's columns are its words' columns:
    # memoised per word, since complaints reuse a small vocabulary ("jalan", "yg", "mohon").
    cache: dict[str, list[int]] = {}

    def columns_of(text: str) -> list[int]:
        if len(cache) > 200_000:  # bounded: a flood of unique tokens must not grow memory forever
            cache.clear()
        columns: list[int] = []
        for word in preprocess(text).split():
            known = cache.get(word)
            if known is None:
                known = cache[word] = [c for c in map(get, _char_wb_ngrams(word, low, high)) if c is not None]
            columns.extend(known)
        return columns

    return columns_of


# --- scoring


@dataclass(frozen=True)
class FeatureBlock:
    """One fitted vectoriser as arrays: its settings, vocabulary (terms in column order), idf and
    the classifier's weights for its columns (width x classes)."""

    settings: Mapping
    terms: Sequence[str]
    idf: np.ndarray
    weights: np.ndarray


class _Scorer:
    """The fitted pipeline's arithmetic (tf-idf blocks, l2 per block, linear scores, softmax) in numpy,
    with a scipy CSR product for the sparse rows (scipy is already loaded by datasketch in the worker):
    scikit-learn's per-call validation costs more than the maths for small batches (about 2 ms for a
    batch of one). Checked against the freshly trained ``predict_proba`` in the tests."""

    def __init__(self, blocks: Sequence[FeatureBlock], intercept: np.ndarray):
        self.blocks = []
        for block in blocks:
            settings = block.settings
            if settings.get("norm", "l2") != "l2" or not settings.get("use_idf", True) or settings.get("binary"):
                raise ValueError("the runtime scores l2-normalised tf-idf only")
            vocabulary = {term: column for column, term in enumerate(block.terms)}
            self.blocks.append((columns_function(settings, vocabulary), np.asarray(block.idf, dtype=np.float64),
                                bool(settings.get("sublinear_tf")),
                                np.ascontiguousarray(block.weights, dtype=np.float64)))
        self.intercept = np.asarray(intercept, dtype=np.float64)

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        rows = len(texts)
        scores = np.tile(self.intercept, (rows, 1))
        for columns_of, idf, sublinear, weights in self.blocks:
            indptr, indices, counts = [0], [], []
            for text in texts:
                # Counted by Counter's C loop (a text has hundreds of n-gram columns, and a Python loop over them
                # was most of this step): the same counts with the columns in the same first-seen order, so the
                # same sparse rows and the same sums.
                seen = Counter(columns_of(text))
                indices.extend(seen)
                counts.extend(seen.values())
                indptr.append(len(indices))
            if not indices:
                continue
            columns = np.asarray(indices, dtype=np.int64)
            values = np.asarray(counts, dtype=np.float64)
            if sublinear:
                values = np.log(values) + 1.0
            values *= idf[columns]
            row_of = np.repeat(np.arange(rows), np.diff(indptr))
            norms = np.sqrt(np.bincount(row_of, weights=values * values, minlength=rows))
            values /= norms[row_of]
            block = scipy.sparse.csr_matrix((values, columns, np.asarray(indptr)), shape=(rows, weights.shape[0]))
            scores += block @ weights
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        return scores


class TopicClassifier:
    def __init__(self, classes: Sequence[str], blocks: Sequence[FeatureBlock], intercept: np.ndarray,
                 threshold: float = DEFAULT_THRESHOLD, preprocess: Callable[[str], str] | None = None,
                 metadata: dict | None = None, triage_rule: str = DEFAULT_TRIAGE_RULE):
        if triage_rule not in TRIAGE_RULES:
            raise ValueError(f"unknown triage rule {triage_rule!r}")
        self.threshold = threshold
        self.triage_rule = triage_rule
        # Optional extra step before the model's own normalisation (e.g. slang expansion).
        self.preprocess = preprocess
        self.metadata = metadata or {}
        self._classes = list(classes)
        self._scorer = _Scorer(blocks, intercept)

    @property
    def classes(self) -> list[str]:
        return list(self._classes)

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray], metadata: dict, *, threshold: float | None = None,
                    preprocess: Callable[[str], str] | None = None) -> TopicClassifier:
        """A classifier from the artifact's arrays (``arrays_to_blocks`` layout) and metadata."""
        version = metadata.get("model_version")
        if version != MODEL_VERSION:
            raise ValueError(f"topic classifier artifact is model version {version!r}, the runtime reads "
                             f"{MODEL_VERSION!r}: run `aduan train`")
        blocks = [
            FeatureBlock(settings, _terms(arrays[f"{i}_terms_utf8"], arrays[f"{i}_terms_offsets"]),
                         arrays[f"{i}_idf"], arrays[f"{i}_weights"])
            for i, settings in enumerate(metadata["features"])
        ]
        chosen = metadata.get("threshold", DEFAULT_THRESHOLD) if threshold is None else threshold
        return cls([str(c) for c in arrays["classes"]], blocks, arrays["intercept"], threshold=chosen,
                   preprocess=preprocess, metadata=metadata,
                   triage_rule=metadata.get("triage_rule", DEFAULT_TRIAGE_RULE))

    @classmethod
    def load(cls, path: str | Path | None = None, *, threshold: float | None = None,
             preprocess: Callable[[str], str] | None = None) -> TopicClassifier:
        """Load the shipped artifact (a directory or the .npz file). Never retrains: an artifact built
        from another corpus than the shipped one is used as it is, with a warning."""
        artifact = artifact_path(path)
        metadata_file = metadata_path(artifact)
        if not artifact.exists() or not metadata_file.exists():
            raise FileNotFoundError(f"no topic classifier artifact at {artifact}: run `aduan train`")
        metadata = json.loads(metadata_file.read_text(encoding="utf-8"))
        if CORPUS_PATH.exists() and metadata.get("corpus_sha256") != sha256_file(CORPUS_PATH):
            log.warning("topic classifier %s was trained on another corpus than %s (sha256 %s): "
                        "using it anyway; run `aduan train` to rebuild it", artifact, CORPUS_PATH.name,
                        metadata.get("corpus_sha256"))
        with np.load(artifact, allow_pickle=False) as arrays:
            return cls.from_arrays(dict(arrays), metadata, threshold=threshold, preprocess=preprocess)

    def triage(self, best, second):
        """Whether a prediction with these two highest probabilities goes to a person (scalars or arrays)."""
        return triage_score(self.triage_rule, best, second) < self.threshold

    def predict_batch(self, texts: Sequence[str]) -> list[TopicPrediction]:
        if not texts:
            return []
        if self.preprocess is not None:
            texts = [self.preprocess(text) for text in texts]
        probabilities = self.predict_proba(list(texts))
        best = probabilities.argmax(axis=1)
        two = np.partition(probabilities, -2, axis=1) if probabilities.shape[1] > 1 else np.zeros((len(best), 2))
        triaged = self.triage(two[:, -1], two[:, -2])
        return [TopicPrediction(self._classes[column], round(float(probabilities[row, column]), 4), bool(triaged[row]))
                for row, column in enumerate(best)]

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Class probabilities (columns in ``classes`` order), without the optional ``preprocess``."""
        return self._scorer.predict_proba(texts)

    def predict(self, text: str) -> TopicPrediction:
        return self.predict_batch([text])[0]


def artifact_path(path: str | Path | None) -> Path:
    path = Path(path) if path else MODELS_DIR
    return path / ARTIFACT_NAME if path.suffix != ".npz" else path


def metadata_path(artifact: Path) -> Path:
    return artifact.with_name(artifact.stem + ".json")


def terms_to_arrays(terms: Iterable[str]) -> tuple[np.ndarray, np.ndarray]:
    """A vocabulary in column order as UTF-8 bytes and end offsets: any term, no pickle."""
    encoded = [term.encode("utf-8") for term in terms]
    offsets = np.cumsum([len(e) for e in encoded], dtype=np.int64)
    return np.frombuffer(b"".join(encoded), dtype=np.uint8), offsets


def _terms(utf8: np.ndarray, offsets: np.ndarray) -> list[str]:
    raw = utf8.tobytes()
    starts = [0, *offsets[:-1].tolist()]
    return [raw[start:end].decode("utf-8") for start, end in zip(starts, offsets.tolist())]
