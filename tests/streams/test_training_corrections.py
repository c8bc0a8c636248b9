"""`aduan train --corrections`: operators' corrections (the lines `aduan corrections export` writes) teach the topic
classifier and the pair verifier; rahasia complaints never give a text; a bad line stops the run before training."""

import hashlib
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from consumers.cases.corrections import examples_of
from consumers.cases.document import fold
from streams import training
from streams.classify import CORPUS_PATH, TopicClassifier, example_text
from streams.corrections import CorrectionsError, load_corrections
from tests import factories as make
from tests.aduan.test_cli_tables import aduan, bare_env

# The shipped model files this under perhubungan (parking); an operator who reads it sees an illegal levy.
WRONG = "Tukang parkir liar minta uang lima ribu di depan minimarket"
START = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)


def exported(*docs, others=()) -> list[dict]:
    """What the export writes of folded documents (consumers.cases.corrections, without the index)."""
    by_id = {doc["complaint_id"]: doc for doc in (*docs, *others)}
    return [line for doc in docs for line in examples_of(doc, by_id)]


def folded(*corrections_of, **fields) -> dict:
    routed = make.routed(**fields)
    return fold(None, [routed, *(c(routed.complaint_id) for c in corrections_of)], datetime.now(timezone.utc)).doc


def topic(label: str, minutes: int = 0, reason: str | None = None):
    return lambda cid: make.correction(cid, "topic", topic=label, at=START + timedelta(minutes=minutes), reason=reason)


def write(path: Path, lines: list[dict]) -> Path:
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory) -> Path:
    """A quarter of the seed corpus, so the two fits below take about a second each."""
    lines = CORPUS_PATH.read_text(encoding="utf-8").splitlines()
    return write(tmp_path_factory.mktemp("corpus") / "corpus.jsonl", [json.loads(line) for line in lines[::4]])


@pytest.fixture(scope="module")
def retrained(small_corpus, tmp_path_factory):
    """The small corpus fitted without, then with, one export: WRONG relabelled (with a contact the export
    scrubbed), a corpus training text relabelled, and a rahasia complaint whose (hand-edited) line carries text."""
    secret, mail = make.marker("rahasia"), make.marker("surel")
    train_part, _ = training.split_corpus(training.load_examples(small_corpus))
    relabelled = next(e for e in train_part if e["topic"] == "energi")
    docs = [folded(topic("korupsi_pungli"), text=WRONG + ", hubungi 0812-3456-7890", topic="perhubungan"),
            folded(topic("lainnya"), text=relabelled["text"], topic="energi"),
            folded(topic("kesehatan"), text=f"Puskesmas {secret} menolak pasien", privacy="rahasia")]
    lines = exported(*docs)
    assert "0812" not in lines[0]["text"] and "[disembunyikan]" in lines[0]["text"]  # the export scrubbed it
    lines[0]["text"] += f", atau {mail}@contoh.id"  # an edited file: training scrubs again
    assert lines[2]["text"] is None and lines[2]["reason"] is None and lines[2]["tracking_number"] is None
    lines[2]["text"] = f"Puskesmas {secret} menolak pasien"  # an edited file: the privacy field still decides
    path = write(tmp_path_factory.mktemp("export") / "corrections.jsonl", lines)
    fit = lambda corrections: training.fit(small_corpus, calibrate=False, outsider_sets=(),
                                                additions_path=None, corrections=corrections)
    _, before_arrays, before_meta = fit(None)
    _, arrays, metadata = fit(load_corrections([path]))
    return {"before": TopicClassifier.from_arrays(before_arrays, before_meta), "before_metadata": before_meta,
            "after": TopicClassifier.from_arrays(arrays, metadata), "arrays": arrays, "metadata": metadata,
            "relabelled": relabelled, "secret": secret, "mail": mail, "path": path}


def test_a_correction_teaches_the_model_the_text_it_got_wrong(retrained):
    assert TopicClassifier.load().predict(WRONG).topic == "perhubungan"  # the shipped model gets it wrong
    assert retrained["before"].predict(WRONG).topic != "korupsi_pungli"  # and so does the small one, uncorrected
    assert retrained["after"].predict(WRONG).topic == "korupsi_pungli"
    # The operator's label replaced the corpus' for the same text (not both labels side by side).
    text = example_text(retrained["relabelled"])
    assert retrained["before"].predict(text).topic == "energi"
    assert retrained["after"].predict(text).topic == "lainnya"
    meta = retrained["metadata"]["corrections"]
    assert meta["replaced_examples"] == 1 and meta["topic_examples"] == 2 and meta["withheld_rahasia"] == 1
    assert meta["files"] == {str(retrained["path"]): hashlib.sha256(retrained["path"].read_bytes()).hexdigest()}
    assert retrained["metadata"]["examples_train"] == retrained["before_metadata"]["examples_train"] - 1 + 2
    assert "corrections" not in retrained["before_metadata"]  # without the option: the metadata as it always was


def test_neither_a_rahasia_complaint_nor_a_contact_reaches_the_training_text(retrained):
    words = retrained["arrays"]["0_terms_utf8"].tobytes().decode("utf-8")
    assert "puskesmas" in words and "minimarket" in words  # the vocabulary read is the real one
    assert retrained["secret"].lower() not in words  # the rahasia line's text, though the edited file held it
    assert retrained["mail"].lower() not in words  # an e-mail address an edited line added
    assert "disembunyikan" not in words  # nor the export's placeholder for the number it scrubbed


def test_the_latest_correction_of_a_complaint_wins_and_copies_count_once(tmp_path):
    text = "Lampu jalan di gang mawar mati sudah dua minggu"
    doc = folded(topic("energi", 0), topic("perhubungan", 5), text=text)
    resend = folded(topic("infrastruktur", 1), text=text + "  ")  # another complaint, the same text
    older = write(tmp_path / "monday.jsonl", exported(doc)[:1])  # a snapshot taken between the two corrections
    newer = write(tmp_path / "tuesday.jsonl", exported(doc, resend))
    corrections = load_corrections([newer, older])  # file order does not decide, time does
    assert [(e["text"], e["topic"]) for e in corrections.topic_examples] == [(text, "perhubungan")]
    assert corrections.provenance()["lines"] == 4


def test_merges_and_splits_become_verifier_pairs_and_a_rahasia_side_gives_none(tmp_path, monkeypatch):
    head = folded(text="Jalan Soekarno Hatta depan pasar Cibiru berlubang besar, motor sering jatuh",
                  region_code="3273", received_at=START)
    merged = folded(lambda cid: make.correction(cid, "merge", cluster_id=head["complaint_id"], at=START),
                    text="jln soekarno hatta dkt pasar cibiru bolong gede, bahaya bgt buat motor",
                    region_code="3273", received_at=START + timedelta(hours=2))
    split = folded(lambda cid: make.correction(cid, "split", at=START + timedelta(minutes=1)),
                   text="Jalan Soekarno Hatta dekat terminal Cibiru berlubang, mobil sering terperosok", cluster_id=head["complaint_id"],
                   region_code="3273", received_at=START + timedelta(hours=3))
    secret = folded(text="Rahasia di pasar Cibiru", privacy="rahasia")
    hidden = folded(lambda cid: make.correction(cid, "merge", cluster_id=secret["complaint_id"], at=START),
                    text="Jalan di pasar Cibiru", received_at=START)
    lines = exported(merged, split, hidden, others=(head, secret))
    assert [line["pair"]["complaint_id"] for line in lines] == [head["complaint_id"]] * 2 + [secret["complaint_id"]]
    assert lines[2]["pair"]["text"] is None  # the export withholds the rahasia side
    lines[2]["pair"]["text"] = "Rahasia di pasar Cibiru"  # and an edited file changes nothing
    path = write(tmp_path / "c.jsonl", lines)
    corrections = load_corrections([path])
    assert [(a["id"], b["id"], same) for a, b, same in corrections.pairs] == [
        (merged["complaint_id"], head["complaint_id"], True), (split["complaint_id"], head["complaint_id"], False)]
    assert corrections.withheld == 1
    # The verifier fitted on a few of the team's lines and these pairs (one threshold: the sweep is not the point).
    team = tmp_path / "team.jsonl"
    team.write_text("\n".join(training.VERIFIER_SETS[0].read_text(encoding="utf-8").splitlines()[:30]) + "\n")
    monkeypatch.setattr(training, "DATA_DIR", tmp_path)
    monkeypatch.setattr(training, "VERIFIER_THRESHOLDS", (0.5,))
    metadata = training.train_verifier(sets=(team,), out_dir=tmp_path / "models", corrections=corrections)
    assert metadata["corrections"]["pairs_used"] == 2 and metadata["corrections"]["positive_pairs_used"] == 1
    assert metadata["corrections"]["files"] == {str(path): hashlib.sha256(path.read_bytes()).hexdigest()}
    assert json.loads((tmp_path / "models" / "dedup_verifier.json").read_text())["corrections"] == metadata["corrections"]


@pytest.mark.parametrize(("line", "says"), [
    ("{not json", "not JSON"),
    ('["a list"]', "not a JSON object"),
    ('{"complaint_id": "c", "kind": "topic", "label": "energi", "at": "2026-01-01T00:00:00+00:00", "text": "x"}',
     "privacy must be one of"),  # an export from before rahasia was withheld
    ('{"complaint_id": "c", "kind": "topic", "label": "banjir", "privacy": "publik", "at": "2026-01-01T00:00:00Z"}',
     "not a topic of the taxonomy"),
    ('{"complaint_id": "c", "kind": "topic", "label": "energi", "privacy": "publik", "at": "2026-01-01T00:00"}',
     "no time zone"),
    ('{"complaint_id": "c", "kind": "rename", "privacy": "publik", "at": "2026-01-01T00:00:00Z"}', "kind must be"),
])
def test_a_bad_line_is_an_error_naming_the_file_and_line(tmp_path, line, says):
    good = '{"complaint_id": "a", "kind": "split", "label": "a", "privacy": "publik", "at": "2026-01-01T00:00:00Z"}'
    path = tmp_path / "c.jsonl"
    path.write_text(f"{good}\n\n{line}\n{good}\n", encoding="utf-8")
    with pytest.raises(CorrectionsError, match=rf"^{path}:3: .*{says}"):
        load_corrections([path])


def test_aduan_train_with_a_malformed_file_says_one_line_and_exits_2_before_training(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"complaint_id": "a", "kind": "split", "label": "a", "privacy": "publik", '
                    '"at": "2026-01-01T00:00:00Z"}\n{"complaint_id": 7}\n', encoding="utf-8")
    result = aduan("train", "--corrections", str(path), env=bare_env(tmp_path), columns=300)
    assert result.returncode == 2
    assert result.stderr.strip() == f"{path}:2: no complaint_id" and result.stdout == ""
