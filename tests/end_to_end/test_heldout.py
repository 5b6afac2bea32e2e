"""Articles in other house styles, with hand-made answers: a guard against fitting the dev set.

Each held-out set was written and annotated before the extractors ran on it:
``heldout`` (a wire report, an explainer, an op-ed, a business piece; the
extractors were later improved while looking at its misses) and ``heldout2``
(US politics, a humanitarian crisis, club finances, a clinical trial; by an
independent annotator, never used for tuning). Floors sit a little under the
last measured scores, so a change that only helps the seed articles shows up here.
"""

from pathlib import Path

import pytest

from pipelines.publish.evaluate import evaluate_release
from tests.end_to_end.building import ROOT, build_folder

FLOORS = {
    "heldout": {
        "quotes": {"f1": 0.95, "speaker_accuracy": 0.95},
        "figures": {"f1": 0.95, "unit_accuracy": 0.98},
        "actors": {"f1": 0.93, "type_accuracy": 0.95},
        "events": {"f1": 0.85, "cameo_root_accuracy": 0.90, "actor1_accuracy": 0.68},
    },
    "heldout2": {
        "quotes": {"f1": 0.95, "speaker_accuracy": 0.88},
        "figures": {"f1": 0.85, "unit_accuracy": 0.95},
        "actors": {"f1": 0.88, "type_accuracy": 0.85},
        "events": {"f1": 0.72, "cameo_root_accuracy": 0.48},
    },
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_heldout_scores_stay_above_their_floors(name: str, tmp_path: Path) -> None:
    folder = ROOT / "tests" / name
    result = build_folder(folder / "texts", tmp_path)
    assert result.success
    scores = evaluate_release((tmp_path / "releases" / "latest").resolve(), folder / "gold", folder / "texts")
    for table, floors in FLOORS[name].items():
        for metric, floor in floors.items():
            assert scores[table][metric] >= floor, (table, metric, scores[table])
