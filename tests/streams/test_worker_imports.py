"""The stream worker loads the shipped topic-model artifact with numpy (``allow_pickle=False``): it never
imports the training code (scikit-learn, joblib, streams.training) and never writes a model at start-up."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
import streams.app, streams.pipeline
from streams.classify import TopicClassifier
model = TopicClassifier.load()
model.predict_batch(["jalan rusak di desa sukamaju", "listrik padam"])
from streams.dedup.verify import default_verifier
default_verifier()
heavy = sorted(name for name in sys.modules
               if name.split(".")[0] in ("sklearn", "joblib") or name == "streams.training")
print(json.dumps(heavy))
"""


def test_worker_side_imports_do_not_load_training_code():
    models = ROOT / "streams" / "models"
    before = {path.name: path.stat().st_mtime_ns for path in models.iterdir()}
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert loaded == []
    assert {path.name: path.stat().st_mtime_ns for path in models.iterdir()} == before
