"""Complaint topic classifier: TF-IDF word and character n-grams into a logistic regression.

The model is trained from the corpus shipped in streams/data (authored for aduan), so it can always
be rebuilt offline in a few seconds; the joblib artifact in streams/models is only a cache of that
build, checked against the scikit-learn version and the corpus hash every time it is loaded.
Character n-grams carry most of the weight on SMS slang and regional spellings ("pejah", "pareum",
"sertipikat") that a word vocabulary learned from a thousand examples would never see.

A prediction whose probability is below the threshold is still returned, but flagged
``needs_triage`` so a person looks at it before it is routed.

    python -m streams.classify train          # rebuild the artifact, print the held-out report
    python -m streams.classify eval [FILE]    # held-out split, or any labelled JSONL file
    python -m streams.classify bench          # per-complaint cost for batches of 1 and 64
    python -m streams.classify predict TEXT...
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import joblib
import numpy as np
import scipy.sparse
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import confusion_matrix, precision_recall_fscore_support
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.feature_extraction.text import TfidfVectorizer

from schemas.categories import CATEGORY_CODES

DATA_DIR = Path(__file__).with_name("data")
MODELS_DIR = Path(__file__).with_name("models")
CORPUS_PATH = DATA_DIR / "seed_corpus.jsonl"
ARTIFACT_NAME = "topic_classifier.joblib"
METADATA_NAME = "topic_classifier.json"

# Bump when the features or the estimator change: an artifact of another version is rebuilt.
MODEL_VERSION = "1"
# Chosen by 5-fold cross-validation on the corpus (see streams/data/README.md): ~13% of complaints go
# to triage and ~95% of the rest are right. With 18 classes a probability of 0.3 is already a clear winner.
DEFAULT_THRESHOLD = 0.30
HELD_OUT_FRACTION = 0.2
SPLIT_SALT = "aduan-topic-split-v1"

Example = dict  # {"id", "channel", "topic", "text", optional "subject"}


@dataclass(frozen=True)
class TopicPrediction:
    topic: str
    confidence: float
    needs_triage: bool


def load_examples(path: str | Path | None = None) -> list[Example]:
    """Labelled JSONL: one {"text", "topic", ...} object a line; blank lines are skipped."""
    path = Path(path) if path else CORPUS_PATH
    examples = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        example = json.loads(line)
        if "text" not in example or "topic" not in example:
            raise ValueError(f"{path}:{number}: an example needs 'text' and 'topic'")
        examples.append(example)
    return examples


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


def _build_pipeline() -> Pipeline:
    words = TfidfVectorizer(
        preprocessor=normalise_for_features, analyzer="word", ngram_range=(1, 2),
        token_pattern=r"(?u)\b\w+\b", sublinear_tf=True, min_df=1, dtype=np.float32,
    )
    chars = TfidfVectorizer(
        preprocessor=normalise_for_features, analyzer="char_wb", ngram_range=(2, 5),
        sublinear_tf=True, min_df=2, dtype=np.float32,
    )
    return Pipeline([
        ("features", FeatureUnion([("words", words), ("chars", chars)])),
        ("classifier", LogisticRegression(C=50.0, max_iter=2000)),
    ])


def split_corpus(examples: Sequence[Example]) -> tuple[list[Example], list[Example]]:
    """Deterministic stratified split: within each topic, the examples whose salted id hash is
    lowest are held out. Independent of file order, and adding examples moves no old one across."""
    by_topic: dict[str, list[Example]] = {}
    for example in examples:
        by_topic.setdefault(example["topic"], []).append(example)
    held_out_ids = set()
    for members in by_topic.values():
        ranked = sorted(members, key=lambda e: hashlib.sha256(f"{SPLIT_SALT}:{e['id']}".encode()).hexdigest())
        held_out_ids.update(id(e) for e in ranked[: round(len(ranked) * HELD_OUT_FRACTION)])
    train_part = [e for e in examples if id(e) not in held_out_ids]
    held_out = [e for e in examples if id(e) in held_out_ids]
    return train_part, held_out


def _sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class _Scorer:
    """The fitted pipeline's arithmetic (tf-idf blocks, l2 per block, linear scores, softmax) done
    directly: scikit-learn's per-call validation costs more than the maths for small batches
    (about 2 ms for a batch of one). Checked against ``pipeline.predict_proba`` in the tests."""

    def __init__(self, pipeline: Pipeline):
        classifier = pipeline.named_steps["classifier"]
        coef = np.asarray(classifier.coef_, dtype=np.float64)
        self.blocks = []
        offset = 0
        for _, vectoriser in pipeline.named_steps["features"].transformer_list:
            width = len(vectoriser.vocabulary_)
            columns_of = (self._char_columns(vectoriser) if vectoriser.analyzer == "char_wb"
                          else self._plain_columns(vectoriser))
            self.blocks.append((columns_of, vectoriser.idf_.astype(np.float64), vectoriser.sublinear_tf,
                                np.ascontiguousarray(coef[:, offset:offset + width].T)))
            offset += width
        self.intercept = np.asarray(classifier.intercept_, dtype=np.float64)

    @staticmethod
    def _plain_columns(vectoriser: TfidfVectorizer) -> Callable[[str], Iterable[int]]:
        analyzer, vocabulary = vectoriser.build_analyzer(), vectoriser.vocabulary_
        return lambda text: [c for c in map(vocabulary.get, analyzer(text)) if c is not None]

    @staticmethod
    def _char_columns(vectoriser: TfidfVectorizer) -> Callable[[str], Iterable[int]]:
        """char_wb n-grams never cross a word boundary, so a text's columns are its words' columns:
        memoised per word, since complaints reuse a small vocabulary ("jalan", "yg", "mohon")."""
        preprocess, analyzer, vocabulary = vectoriser.build_preprocessor(), vectoriser.build_analyzer(), vectoriser.vocabulary_
        cache: dict[str, list[int]] = {}

        def columns_of(text: str) -> list[int]:
            if len(cache) > 200_000:  # bounded: a flood of unique tokens must not grow memory forever
                cache.clear()
            columns: list[int] = []
            for word in preprocess(text).split():
                known = cache.get(word)
                if known is None:
                    # The preprocessor is idempotent, so analysing the bare word gives its own n-grams.
                    known = cache[word] = [c for c in map(vocabulary.get, analyzer(word)) if c is not None]
                columns.extend(known)
            return columns

        return columns_of

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        rows = len(texts)
        scores = np.tile(self.intercept, (rows, 1))
        for columns_of, idf, sublinear, weights in self.blocks:
            indptr, indices, counts = [0], [], []
            for text in texts:
                seen: dict[int, int] = {}
                for column in columns_of(text):
                    seen[column] = seen.get(column, 0) + 1
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
    def __init__(self, pipeline: Pipeline, threshold: float = DEFAULT_THRESHOLD,
                 preprocess: Callable[[str], str] | None = None, metadata: dict | None = None):
        self.pipeline = pipeline
        self.threshold = threshold
        # Optional extra step before the model's own normalisation (e.g. slang expansion).
        self.preprocess = preprocess
        self.metadata = metadata or {}
        self._classes = list(pipeline.classes_)
        self._scorer = _Scorer(pipeline)

    @classmethod
    def load(cls, path: str | Path | None = None, *, threshold: float | None = None,
             preprocess: Callable[[str], str] | None = None) -> TopicClassifier:
        """Load the artifact (a directory or the .joblib file); rebuild it from the shipped corpus
        if it is missing or was built by another scikit-learn, model version or corpus."""
        artifact = _artifact_path(path)
        metadata = _read_metadata(artifact)
        pipeline = None
        if metadata is not None and not _is_stale(metadata):
            try:
                pipeline = joblib.load(artifact)
            except Exception:  # a truncated or foreign file: rebuilding is cheap and safe
                pipeline = None
        if pipeline is None:
            pipeline, metadata = _train_pipeline(CORPUS_PATH)
            _write_artifact(pipeline, metadata, artifact)
        chosen = metadata.get("threshold", DEFAULT_THRESHOLD) if threshold is None else threshold
        return cls(pipeline, threshold=chosen, preprocess=preprocess, metadata=metadata)

    def predict_batch(self, texts: Sequence[str]) -> list[TopicPrediction]:
        if not texts:
            return []
        if self.preprocess is not None:
            texts = [self.preprocess(text) for text in texts]
        probabilities = self._scorer.predict_proba(list(texts))
        best = probabilities.argmax(axis=1)
        predictions = []
        for row, column in enumerate(best):
            confidence = float(probabilities[row, column])
            predictions.append(TopicPrediction(self._classes[column], round(confidence, 4), confidence < self.threshold))
        return predictions

    def predict(self, text: str) -> TopicPrediction:
        return self.predict_batch([text])[0]


def _artifact_path(path: str | Path | None) -> Path:
    path = Path(path) if path else MODELS_DIR
    return path / ARTIFACT_NAME if path.suffix != ".joblib" else path


def _metadata_path(artifact: Path) -> Path:
    return artifact.with_name(artifact.stem + ".json")


def _read_metadata(artifact: Path) -> dict | None:
    if not artifact.exists():
        return None
    try:
        return json.loads(_metadata_path(artifact).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _is_stale(metadata: dict) -> bool:
    return (
        metadata.get("model_version") != MODEL_VERSION
        or metadata.get("sklearn_version") != sklearn.__version__
        or metadata.get("corpus_sha256") != _sha256_file(CORPUS_PATH)
    )


def _train_pipeline(corpus_path: Path) -> tuple[Pipeline, dict]:
    examples = load_examples(corpus_path)
    unknown = sorted({e["topic"] for e in examples} - set(CATEGORY_CODES))
    if unknown:
        raise ValueError(f"corpus has topics outside the taxonomy: {unknown}")
    train_part, held_out = split_corpus(examples)
    started = time.perf_counter()
    pipeline = _build_pipeline().fit([example_text(e) for e in train_part], [e["topic"] for e in train_part])
    seconds = time.perf_counter() - started
    held_out_result = evaluate(TopicClassifier(pipeline), held_out)
    metadata = {
        "model_version": MODEL_VERSION,
        "trained_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "corpus": corpus_path.name,
        "corpus_sha256": _sha256_file(corpus_path),
        "sklearn_version": sklearn.__version__,
        "threshold": DEFAULT_THRESHOLD,
        "examples_train": len(train_part),
        "examples_held_out": len(held_out),
        "held_out_accuracy": round(held_out_result["accuracy"], 4),
        "held_out_macro_f1": round(held_out_result["macro_f1"], 4),
        "train_seconds": round(seconds, 2),
    }
    return pipeline, metadata


def _write_artifact(pipeline: Pipeline, metadata: dict, artifact: Path) -> None:
    """Atomic replace, so a worker starting while another rebuilds never reads half a file.
    A read-only install keeps the rebuilt model in memory only."""
    try:
        artifact.parent.mkdir(parents=True, exist_ok=True)
        for target, writer in ((artifact, lambda f: joblib.dump(pipeline, f, compress=3)),
                               (_metadata_path(artifact), lambda f: f.write(json.dumps(metadata, indent=2).encode() + b"\n"))):
            fd, tmp = tempfile.mkstemp(dir=artifact.parent, prefix=".tmp-", suffix=target.suffix)
            with os.fdopen(fd, "wb") as handle:
                writer(handle)
            os.chmod(tmp, 0o644)  # mkstemp makes it private; the artifact is a shared, shippable file
            os.replace(tmp, target)
    except OSError:
        pass


def train(corpus_path: str | Path | None = None, out_dir: str | Path | None = None) -> dict:
    """Fit on the training part of the corpus, write the artifact and its metadata, return the metadata."""
    corpus = Path(corpus_path) if corpus_path else CORPUS_PATH
    pipeline, metadata = _train_pipeline(corpus)
    artifact = _artifact_path(out_dir)
    artifact.parent.mkdir(parents=True, exist_ok=True)
    _write_artifact(pipeline, metadata, artifact)
    metadata["artifact"] = str(artifact)
    return metadata


def evaluate(model: TopicClassifier, examples: Sequence[Example]) -> dict:
    """Per-topic precision/recall/F1, accuracy, macro-F1 and the confusion matrix (rows: truth)."""
    if not examples:
        raise ValueError("no examples to evaluate")
    unknown = sorted({e["topic"] for e in examples} - set(CATEGORY_CODES))
    if unknown:
        raise ValueError(f"examples have topics outside the taxonomy: {unknown}")
    truth = [e["topic"] for e in examples]
    predictions = model.predict_batch([example_text(e) for e in examples])
    predicted = [p.topic for p in predictions]
    labels = list(CATEGORY_CODES)
    precision, recall, f1, support = precision_recall_fscore_support(truth, predicted, labels=labels, zero_division=0)
    present = [i for i, s in enumerate(support) if s > 0]
    correct = [t == p for t, p in zip(truth, predicted)]
    confident = [c for c, p in zip(correct, predictions) if not p.needs_triage]
    return {
        "n": len(examples),
        "accuracy": sum(correct) / len(correct),
        "macro_f1": float(np.mean([f1[i] for i in present])),
        "threshold": model.threshold,
        "triage_rate": 1 - len(confident) / len(correct),
        "accuracy_when_confident": (sum(confident) / len(confident)) if confident else None,
        "per_topic": {
            label: {"precision": float(precision[i]), "recall": float(recall[i]), "f1": float(f1[i]),
                    "support": int(support[i])}
            for i, label in enumerate(labels)
        },
        "confusion": {"labels": labels,
                      "matrix": confusion_matrix(truth, predicted, labels=labels).tolist()},
    }


def format_report(result: dict) -> str:
    lines = [f"{'topic':<16} {'prec':>6} {'rec':>6} {'f1':>6} {'n':>5}"]
    for label, scores in result["per_topic"].items():
        if scores["support"] == 0 and scores["precision"] == 0:
            continue
        lines.append(f"{label:<16} {scores['precision']:6.3f} {scores['recall']:6.3f} {scores['f1']:6.3f} "
                     f"{scores['support']:5d}")
    confident = result.get("accuracy_when_confident")
    lines += [
        "",
        f"examples {result['n']}  accuracy {result['accuracy']:.3f}  macro-F1 {result['macro_f1']:.3f}",
        f"threshold {result['threshold']:.2f}  triage {result['triage_rate']:.1%}  accuracy when confident "
        + (f"{confident:.3f}" if confident is not None else "n/a"),
        "",
        "confusion matrix (rows = truth, columns = predicted):",
    ]
    labels = result["confusion"]["labels"]
    short = [label[:5] for label in labels]
    lines.append(" " * 16 + "".join(f"{s:>6}" for s in short))
    for label, row in zip(labels, result["confusion"]["matrix"]):
        lines.append(f"{label:<16}" + "".join(f"{v if v else '.':>6}" for v in row))
    return "\n".join(lines)


def benchmark(model: TopicClassifier, texts: Sequence[str], batch_sizes: Iterable[int] = (1, 64),
              rounds: int = 3) -> dict[int, float]:
    """Best-of-rounds microseconds per complaint for each batch size."""
    costs = {}
    for size in batch_sizes:
        batches = [list(texts[i:i + size]) for i in range(0, len(texts), size)]
        best = float("inf")
        for _ in range(rounds):
            started = time.perf_counter()
            for batch in batches:
                model.predict_batch(batch)
            best = min(best, time.perf_counter() - started)
        costs[size] = best / len(texts) * 1e6
    return costs
