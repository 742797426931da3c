"""Shared by the tools: run a scrape-clean binary over every dev corpus in
every form, and score the runs with ../shared/eval/score.py (whole corpus
and its fixed tune/check halves). Standard library only.

Used by quality_gate.py, ablate_rules.py and the model trainers; not a
command of its own.
"""
import json, os, subprocess, sys, tempfile
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CORPORA = os.path.join(ROOT, "..", "shared", "corpora")
FORMS = ["html", "text", "text-browser", "text-wrapped"]
METRICS = [("body", "f1"), ("segments", "f1"), ("headline", "accuracy"), ("author", "accuracy"),
           ("date", "accuracy"), ("title", "accuracy")]
HALVES = [None, "tune", "check"]
# Corpora whose headline truth is a stated title (Readability.js's): scored
# against our `title` field instead of `headline`.
TITLE_TRUTH = {"readability"}


def scorer_path(corpora):
    return os.path.join(corpora, "..", "eval", "score.py")


def build(features=None):
    """Builds the release binary (with cargo features, in its own target
    folder so that the normal build is not rebuilt); returns its path."""
    env = dict(os.environ)
    cmd = ["cargo", "build", "--release", "--quiet"]
    target = os.path.join(ROOT, "target")
    if features:
        cmd += ["--features", features]
        target = os.path.join(ROOT, "target", "tools-" + features.replace(",", "-"))
        env["CARGO_TARGET_DIR"] = target
    subprocess.run(cmd, cwd=ROOT, check=True, env=env)
    return os.path.join(target, "release", "scrape-clean")


def runs(corpora, only=None, forms=None):
    """(corpus, form) for every corpus with a truth.json and every form it has."""
    for corpus in sorted(os.listdir(corpora)):
        if only and corpus not in only:
            continue
        if not os.path.exists(os.path.join(corpora, corpus, "truth.json")):
            continue
        for form in FORMS:
            if forms and form not in forms:
                continue
            if os.path.isdir(os.path.join(corpora, corpus, form)):
                yield corpus, form


def score(corpora, corpus, out, half=None):
    cmd = [sys.executable, scorer_path(corpora), os.path.join(corpora, corpus), out, "--json"]
    if half:
        cmd += ["--half", half]
    return json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)


def title_copy(out, dest):
    """A copy of the articles in `out` with `headline` set to `title`."""
    os.makedirs(dest, exist_ok=True)
    for name in os.listdir(out):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(out, name), encoding="utf-8") as f:
            try:
                article = json.load(f)
            except ValueError:
                continue
        article["headline"] = article.get("title")
        with open(os.path.join(dest, name), "w", encoding="utf-8") as f:
            json.dump(article, f)


def clean(binary, corpora, corpus, form, out, env=None):
    """Runs `binary batch` over one corpus form into `out`."""
    mode = form.split("-")[0]
    subprocess.run([binary, "batch", "--format", mode, os.path.join(corpora, corpus, form), "--out", out],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)


def score_cell(corpora, corpus, out, halves=HALVES):
    """{half: {metric: value}} for one run's outputs."""
    titled = None
    if corpus in TITLE_TRUTH:
        titled = out + "-title"
        title_copy(out, titled)
    cell = {}
    for half in halves:
        result = score(corpora, corpus, out, half)
        if titled:
            result["title"] = score(corpora, corpus, titled, half)["headline"]
            result.pop("headline", None)
        cell[half or "whole"] = {m: round(result[m][k], 4) for m, k in METRICS if m in result}
    return cell


def measure(binary, corpora, only=None, forms=None, env=None, halves=HALVES, keep=None):
    """Scores of every corpus x form: {"corpus/form": {half: {metric: value}}}."""
    scores = {}
    with tempfile.TemporaryDirectory() as tmp:
        base = keep or tmp
        jobs = list(runs(corpora, only, forms))
        for corpus, form in jobs:
            out = os.path.join(base, f"{corpus}-{form}")
            if os.path.isdir(out):
                subprocess.run(["rm", "-rf", out], check=True)
            clean(binary, corpora, corpus, form, out, env)
        # Scoring is single-threaded Python: score the runs side by side.
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            cells = pool.map(lambda job: score_cell(corpora, job[0], os.path.join(base, f"{job[0]}-{job[1]}"), halves),
                             jobs)
            for (corpus, form), cell in zip(jobs, cells):
                scores[f"{corpus}/{form}"] = cell
    return scores


def cells(scores):
    """(run, metric) pairs present in `scores`, in table order."""
    for name, cell in scores.items():
        for metric, _ in METRICS:
            if metric in cell["whole"]:
                yield name, metric
