"""The question sets are well formed: evidence is found in the clean text, keys in the evidence."""

from __future__ import annotations

import pytest

from app.cleaning import normalise
from app.evaluation import load_jsonl, locate
from app.ingest import ingest

from .conftest import REAL_CORPUS

QA = REAL_CORPUS.parent / "tests" / "qa"
ANSWERABLE = {
    "golden.jsonl": "g",
    "holdout.jsonl": "h",
    "fresh.jsonl": "f",
    "checks.jsonl": "c",
    "blind.jsonl": "b",
    "blind2.jsonl": "x",
    "blind3.jsonl": "y",
    "blind4.jsonl": "z",
    "blind5.jsonl": "w",
    "blind6.jsonl": "v",
    "blind7.jsonl": "t",
    "blind9.jsonl": "r",
    "blind10.jsonl": "q",
    "blind11.jsonl": "p",
    "blind12.jsonl": "n",
    "blind15.jsonl": "j",
    "blind16.jsonl": "i",
    "blind8.jsonl": "s",
    "blind13.jsonl": "m",
    "blind14.jsonl": "k",
    "blind17.jsonl": "e",
    "blind18.jsonl": "d",
    "blind19.jsonl": "a",
    "blind20.jsonl": "l",
    "blind21.jsonl": "o",
    "blind22.jsonl": "aa",
    "blind23.jsonl": "ab",
    "blind24.jsonl": "ac",
    "blind25.jsonl": "ad",
    "blind26.jsonl": "ae",
    "blind27.jsonl": "af",
    "blind28.jsonl": "ag",
    "blind29.jsonl": "ah",
    "blind30.jsonl": "ai",
    "blind31.jsonl": "aj",
    "blind32.jsonl": "ak",
    "blind33.jsonl": "am",
    "blind34.jsonl": "an",
    "blind35.jsonl": "ao",
    "blind36.jsonl": "ap",
    "blind37.jsonl": "aq",
    "blind38.jsonl": "ar",
    "blind39.jsonl": "as",
    "blind40.jsonl": "at",
    "blind41.jsonl": "av",
    "blind42.jsonl": "aw",
    "blind43.jsonl": "ax",
    "blind44.jsonl": "ay",
    "blind45.jsonl": "az",
    "blind46.jsonl": "ba",
    "blind47.jsonl": "bb",
    "blind48.jsonl": "bc",
    "blind49.jsonl": "bd",
    "blind50.jsonl": "be",
    "blind51.jsonl": "bf",
    "blind52.jsonl": "bg",
    "blind53.jsonl": "bh",
    "blind54.jsonl": "bi",
    "blind55.jsonl": "bj",
    "blind56.jsonl": "bk",
    "blind57.jsonl": "bl",
    "blind58.jsonl": "bm",
    "blind59.jsonl": "bn",
    "blind60.jsonl": "bo",
    "blind61.jsonl": "bp",
    "blind62.jsonl": "bq",
    "blind63.jsonl": "br",
    "blind64.jsonl": "bs",
    "blind65.jsonl": "bt",
    "blind66.jsonl": "bv",
    "blind67.jsonl": "bw",
    "blind68.jsonl": "bx",
    "blind69.jsonl": "by",
    "blind70.jsonl": "bz",
    "blind71.jsonl": "ca",
    "blind72.jsonl": "cb",
    "blind73.jsonl": "cc",
    "blind74.jsonl": "cd",
    "blind75.jsonl": "ce",
    "blind76.jsonl": "cf",
    "blind77.jsonl": "cg",
    "blind78.jsonl": "ch",
    "blind79.jsonl": "ci",
    "blind80.jsonl": "cj",
    "blind81.jsonl": "ck",
    "blind82.jsonl": "cl",
    "blind83.jsonl": "cm",
    "blind84.jsonl": "cn",
    "blind85.jsonl": "co",
    "blind86.jsonl": "cp",
    "blind87.jsonl": "cq",
    "blind88.jsonl": "cr",
    "blind89.jsonl": "cs",
    "blind92.jsonl": "cw",
    "blind94.jsonl": "cy",
    "blind96.jsonl": "da",
    "blind90.jsonl": "ct",
    "blind91.jsonl": "cv",
    "blind93.jsonl": "cx",
    "blind95.jsonl": "cz",
    "blind97.jsonl": "db",
    "blind104.jsonl": "di",
    "blind105.jsonl": "dj",
    "blind106.jsonl": "dk",
    "blind107.jsonl": "dl",
    "blind108.jsonl": "dm",
    "blind109.jsonl": "dn",
    "blind110.jsonl": "do",
    "blind111.jsonl": "dp",
    "blind112.jsonl": "dq",
    "blind114.jsonl": "ds",
    "blind113.jsonl": "dr",
    "blind115.jsonl": "dt",
    "blind116.jsonl": "dw",
    "blind117.jsonl": "dx",
    "blind118.jsonl": "dy",
    "blind119.jsonl": "dz",
    "blind120.jsonl": "ea",
    "blind121.jsonl": "eb",
}
UNANSWERABLE = {
    "unanswerable.jsonl": "u",
    "holdout_unanswerable.jsonl": "hu",
    "fresh_unanswerable.jsonl": "fu",
    "checks_unanswerable.jsonl": "cu",
    "blind_unanswerable.jsonl": "bu",
    "blind2_unanswerable.jsonl": "xu",
    "blind3_unanswerable.jsonl": "yu",
    "blind4_unanswerable.jsonl": "zu",
    "blind5_unanswerable.jsonl": "wu",
    "blind6_unanswerable.jsonl": "vu",
    "blind7_unanswerable.jsonl": "tu",
    "blind9_unanswerable.jsonl": "ru",
    "blind10_unanswerable.jsonl": "qu",
    "blind11_unanswerable.jsonl": "pu",
    "blind12_unanswerable.jsonl": "nu",
    "blind15_unanswerable.jsonl": "ju",
    "blind16_unanswerable.jsonl": "iu",
    "blind8_unanswerable.jsonl": "su",
    "blind13_unanswerable.jsonl": "mu",
    "blind14_unanswerable.jsonl": "ku",
    "blind17_unanswerable.jsonl": "eu",
    "blind18_unanswerable.jsonl": "du",
    "blind19_unanswerable.jsonl": "au",
    "blind20_unanswerable.jsonl": "lu",
    "blind21_unanswerable.jsonl": "ou",
    "blind22_unanswerable.jsonl": "aau",
    "blind23_unanswerable.jsonl": "abu",
    "blind24_unanswerable.jsonl": "acu",
    "blind25_unanswerable.jsonl": "adu",
    "blind26_unanswerable.jsonl": "aeu",
    "blind27_unanswerable.jsonl": "afu",
    "blind28_unanswerable.jsonl": "agu",
    "blind29_unanswerable.jsonl": "ahu",
    "blind30_unanswerable.jsonl": "aiu",
    "blind31_unanswerable.jsonl": "aju",
    "blind32_unanswerable.jsonl": "aku",
    "blind33_unanswerable.jsonl": "amu",
    "blind34_unanswerable.jsonl": "anu",
    "blind35_unanswerable.jsonl": "aou",
    "blind36_unanswerable.jsonl": "apu",
    "blind37_unanswerable.jsonl": "aqu",
    "blind38_unanswerable.jsonl": "aru",
    "blind39_unanswerable.jsonl": "asu",
    "blind40_unanswerable.jsonl": "atu",
    "blind41_unanswerable.jsonl": "avu",
    "blind42_unanswerable.jsonl": "awu",
    "blind43_unanswerable.jsonl": "axu",
    "blind44_unanswerable.jsonl": "ayu",
    "blind45_unanswerable.jsonl": "azu",
    "blind46_unanswerable.jsonl": "bau",
    "blind47_unanswerable.jsonl": "bbu",
    "blind48_unanswerable.jsonl": "bcu",
    "blind49_unanswerable.jsonl": "bdu",
    "blind50_unanswerable.jsonl": "beu",
    "blind51_unanswerable.jsonl": "bfu",
    "blind52_unanswerable.jsonl": "bgu",
    "blind53_unanswerable.jsonl": "bhu",
    "blind54_unanswerable.jsonl": "biu",
    "blind55_unanswerable.jsonl": "bju",
    "blind56_unanswerable.jsonl": "bku",
    "blind57_unanswerable.jsonl": "blu",
    "blind58_unanswerable.jsonl": "bmu",
    "blind59_unanswerable.jsonl": "bnu",
    "blind60_unanswerable.jsonl": "bou",
    "blind61_unanswerable.jsonl": "bpu",
    "blind62_unanswerable.jsonl": "bqu",
    "blind63_unanswerable.jsonl": "bru",
    "blind64_unanswerable.jsonl": "bsu",
    "blind65_unanswerable.jsonl": "btu",
    "blind66_unanswerable.jsonl": "bvu",
    "blind67_unanswerable.jsonl": "bwu",
    "blind68_unanswerable.jsonl": "bxu",
    "blind69_unanswerable.jsonl": "byu",
    "blind70_unanswerable.jsonl": "bzu",
    "blind71_unanswerable.jsonl": "cau",
    "blind72_unanswerable.jsonl": "cbu",
    "blind73_unanswerable.jsonl": "ccu",
    "blind74_unanswerable.jsonl": "cdu",
    "blind75_unanswerable.jsonl": "ceu",
    "blind76_unanswerable.jsonl": "cfu",
    "blind77_unanswerable.jsonl": "cgu",
    "blind78_unanswerable.jsonl": "chu",
    "blind79_unanswerable.jsonl": "ciu",
    "blind80_unanswerable.jsonl": "cju",
    "blind81_unanswerable.jsonl": "cku",
    "blind82_unanswerable.jsonl": "clu",
    "blind83_unanswerable.jsonl": "cmu",
    "blind84_unanswerable.jsonl": "cnu",
    "blind85_unanswerable.jsonl": "cou",
    "blind86_unanswerable.jsonl": "cpu",
    "blind87_unanswerable.jsonl": "cqu",
    "blind88_unanswerable.jsonl": "cru",
    "blind89_unanswerable.jsonl": "csu",
    "blind92_unanswerable.jsonl": "cwu",
    "blind94_unanswerable.jsonl": "cyu",
    "blind96_unanswerable.jsonl": "dau",
    "blind90_unanswerable.jsonl": "ctu",
    "blind91_unanswerable.jsonl": "cvu",
    "blind93_unanswerable.jsonl": "cxu",
    "blind95_unanswerable.jsonl": "czu",
    "blind97_unanswerable.jsonl": "dbu",
    "blind104_unanswerable.jsonl": "diu",
    "blind105_unanswerable.jsonl": "dju",
    "blind106_unanswerable.jsonl": "dku",
    "blind107_unanswerable.jsonl": "dlu",
    "blind108_unanswerable.jsonl": "dmu",
    "blind109_unanswerable.jsonl": "dnu",
    "blind110_unanswerable.jsonl": "dou",
    "blind111_unanswerable.jsonl": "dpu",
    "blind112_unanswerable.jsonl": "dqu",
    "blind114_unanswerable.jsonl": "dsu",
    "blind113_unanswerable.jsonl": "dru",
    "blind115_unanswerable.jsonl": "dtu",
    "blind116_unanswerable.jsonl": "dwu",
    "blind117_unanswerable.jsonl": "dxu",
    "blind118_unanswerable.jsonl": "dyu",
    "blind119_unanswerable.jsonl": "dzu",
    "blind120_unanswerable.jsonl": "eau",
    "blind121_unanswerable.jsonl": "ebu",
}
TYPES = {"fact", "why", "definition", "paraphrase", "recommendation", "multi_doc"}


@pytest.fixture(scope="module")
def texts():
    return {d.meta.doc_id: d.text for d in ingest(REAL_CORPUS, REAL_CORPUS / "manifest.toml").documents}


def _check_ids(items: list[dict], prefix: str) -> None:
    ids = [it["id"] for it in items]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert all(i.startswith(prefix) and i[len(prefix) :].isdigit() for i in ids)
    assert all(it["question"].strip() for it in items)


@pytest.mark.parametrize("name", ANSWERABLE)
def test_answerable_sets(name, texts):
    items = load_jsonl(QA / name)
    assert len(items) >= 20  # 30 asked for, less word-for-word repeats of an older set's question
    _check_ids(items, ANSWERABLE[name])
    for it in items:
        assert it["type"] in TYPES, it["id"]
        assert it["evidence"], it["id"]
        for ev in it["evidence"]:
            assert locate(ev["text"], texts[ev["doc_id"]]) is not None, f"{it['id']}: evidence not in the clean text"
        if it["type"] == "multi_doc":
            assert len({ev["doc_id"] for ev in it["evidence"]}) >= 2, it["id"]
        evidence = " ".join(normalise(ev["text"]) for ev in it["evidence"])
        for key in it["answer_keys"]:
            assert normalise(key) in evidence, f"{it['id']}: key {key!r} not in its evidence"


@pytest.mark.parametrize("name", UNANSWERABLE)
def test_unanswerable_sets(name):
    items = load_jsonl(QA / name)
    assert len(items) >= 4  # 15 asked for, less those that repeated an older set's question word for word
    _check_ids(items, UNANSWERABLE[name])
    assert all(it.get("note", "").strip() for it in items)


def test_sets_do_not_share_questions():
    questions = [it["question"].casefold() for name in [*ANSWERABLE, *UNANSWERABLE] for it in load_jsonl(QA / name)]
    assert len(questions) == len(set(questions))
