#!/usr/bin/env python3
"""Train the headline model (src/rules/headline_model.txt) from the dev
corpora, and measure it with the real extractor: on the held-out half of
every corpus, and on each corpus left out of training in turn.

usage (from the project root):
    tools/train_headline_model.py [--corpora ../shared/corpora] [--write] [--no-cv]
                                  [--sets text,untitled,html]

Needs numpy (pip install numpy) and the corpora with their truth.

What it does:
1. Builds the `dump_blocks` example and the CLI with the `training` cargo
   feature (in target/tools-training) and dumps the headline candidates of
   every page of the corpora with visible-headline truth, in every form:
   - trafilatura: its `title` truth is the visible headline;
   - dragnet: its gold text opens with the headline among its first lines
     (after a date line, often). The headline of a page is taken to be the
     first of its first three gold lines that is two to thirty words long,
     is not a dateline nor a sentence (ten words or more ending in a full
     stop: a lead paragraph) nor a bare name of one or two words (a
     byline), and is a candidate of the page's HTML: what a
     reader of the gold text sees as its heading. Pages where no such line
     is a candidate have no headline label.
   (The readability corpus's truth is the stated title, not the visible
   headline, and scrapinghub and cleaneval-dev state none: they are not
   used.)
2. Fits a conditional-logit ranking per weight set on the `tune` half
   of each corpus only (score.py's fixed split): for each page, the
   log-probability that the model puts on the candidates equal to the
   truth, against all of the page's candidates, L2-regularised (Newton
   steps under an upper bound of the curvature, with a line search). Each
   corpus weighs in by the square root of its labelled pages. The sets are
   "html", "text" (dumps that open with their title) and "untitled" (text
   dumps that do not: a browser's copy); `--sets` refits only some of them
   and keeps the weights file's for the others.
3. Scores the fit with the real extractor (SCRAPE_CLEAN_MODELS, see
   src/switches.rs) on every corpus and form, by half, next to the weights
   it replaces: the `check` half was never trained on.
4. Cross-validates by corpus: fits on the other corpus's tune half and
   scores this one whole. No page of that collection was seen. It also
   prints how often the truth is among the candidates at all (the ceiling
   of any ranking).
5. With --write, writes the tune-half fit to the weights file, with the
   tables in its header.
"""
import argparse, functools, hashlib, json, os, re, subprocess, sys, tempfile

import numpy as np

from evalkit import DEFAULT_CORPORA, FORMS, ROOT, build, measure

WEIGHTS = os.path.join(ROOT, "src", "rules", "headline_model.txt")
TRAINING_TARGET = os.path.join(ROOT, "target", "tools-training")
# On standardised features, with each page weighing 1 on average. Chosen
# once, on the cross-validation by corpus, from {0.1, 1, 10, 100}.
L2 = 10.0
CORPORA = ["trafilatura", "dragnet"]
# The weight sets: one per input format, and one for text dumps that do not
# open with their title (see src/classify/model.rs, `Model::for_page`).
SETS = ("text", "untitled", "html")
# Words of a dateline ("24 July 2012 Last updated at 06:50 ET", "Updated
# July 23, 2012, 7:10 p.m. ET"): a gold line with fewer than two other
# words is a dateline, not the headline.
DATELINE_WORDS = set("""jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july
august september october november december mon tue wed thu fri sat sun monday tuesday wednesday thursday friday
saturday sunday am pm a m p et est edt pt pst pdt bst gmt utc cet cest updated last at on published posted by
modified""".split())


def is_dateline(line):
    """A dateline or a byline: "24 July 2012 Last updated at 06:50 ET",
    "by Idris Mootee on 6 November, 2012", "October 25th, 2012 by Dan Meyer"."""
    lower = line.lower()
    words = re.findall(r"[^\W\d_]+", lower)
    has_digit = any(c.isdigit() for c in line)
    byline = lower.startswith("by ") or has_digit and " by " in lower
    return byline or has_digit and sum(w not in DATELINE_WORDS for w in words) < 2


def key(text):
    return re.sub(r"\s+", " ", text or "").strip().casefold()


def dump(corpora, corpus, form):
    d = os.path.join(corpora, corpus, form)
    files = sorted(os.path.join(d, f) for f in os.listdir(d))
    bin_ = os.path.join(TRAINING_TARGET, "release", "examples", "dump_blocks")
    mode = form.split("-")[0]
    pages = {}
    for i in range(0, len(files), 200):
        out = subprocess.run([bin_, "--headlines", mode] + files[i:i + 200], capture_output=True, text=True,
                             check=True).stdout
        for line in out.splitlines():
            page = json.loads(line)
            pages[page["id"]] = page["candidates"]
    return pages


@functools.cache
def feature_names():
    """The headline model's feature names, in vector order, from the training build."""
    return subprocess.run([os.path.join(TRAINING_TARGET, "release", "examples", "dump_blocks"), "--headline-names"],
                          capture_output=True, text=True, check=True).stdout.split()


@functools.cache
def dragnet_headlines(corpora):
    """The derived headline of each dragnet page (see the module doc); read once a run (it
    dumps every dragnet HTML page)."""
    truth = json.load(open(os.path.join(corpora, "dragnet", "truth.json"), encoding="utf-8"))
    html = dump(corpora, "dragnet", "html")
    bare_name = feature_names().index("bare_name")
    out = {}
    for pid, t in truth.items():
        blocks = [c for c in html.get(pid, []) if c["kind"] == "block"]
        texts = {key(c["text"]) for c in blocks}
        # A name of one or two words alone on its line is the byline (or a
        # blog's name), not the headline: "Richard Hollingham", "Megan Slack".
        names_only = {key(c["text"]) for c in blocks if c["features"][bare_name] and len(c["text"].split()) <= 2}
        lines = [l.strip() for l in t["body"].split("\n") if l.strip()][:3]
        for line in lines:
            words = len(line.split())
            sentence = words >= 10 and line.rstrip('"\'”’») ').endswith(".") and not line.rstrip().endswith("...")
            if 2 <= words <= 30 and not sentence and not is_dateline(line) and key(line) in texts \
                    and key(line) not in names_only:
                out[pid] = line
                break
    return out


def headline_truth(corpora, corpus):
    if corpus == "dragnet":
        return dragnet_headlines(corpora)
    truth = json.load(open(os.path.join(corpora, corpus, "truth.json"), encoding="utf-8"))
    return {pid: t["title"] for pid, t in truth.items() if t.get("title")}


def derived_accuracy(folder, truth, half=None):
    """Share of the labelled pages (of `half`) whose output headline is the truth."""
    ok = 0
    truth = {pid: t for pid, t in truth.items() if half is None or in_half(pid, half)}
    for pid, want in truth.items():
        try:
            got = json.load(open(os.path.join(folder, pid + ".json"), encoding="utf-8")).get("headline")
        except (OSError, ValueError):
            got = None
        ok += key(got) == key(want)
    return round(ok / max(1, len(truth)), 4)


def load(corpora, names):
    """{(corpus, set): [(X, positives, page id)]}: one candidate matrix per labelled page. The
    set is the input format, "html" or "text", except that a text dump with no title (no
    `pseudo_title` candidate: a browser's copy) goes to the "untitled" set."""
    titled = names.index("pseudo_title")
    data, coverage = {}, {}
    for corpus in CORPORA:
        if not os.path.exists(os.path.join(corpora, corpus, "truth.json")):
            continue
        truth = headline_truth(corpora, corpus)
        for form in FORMS:
            if not os.path.isdir(os.path.join(corpora, corpus, form)):
                continue
            mode = form.split("-")[0]
            found = 0
            for pid, candidates in dump(corpora, corpus, form).items():
                if pid not in truth or not candidates:
                    continue
                want = key(truth[pid])
                pos = [k for k, c in enumerate(candidates) if key(c["text"]) == want]
                if not pos:
                    continue
                found += 1
                x = np.array([c["features"] for c in candidates], dtype=float)
                weights_set = "untitled" if mode == "text" and not x[:, titled].any() else mode
                data.setdefault((corpus, weights_set), []).append((x, pos, pid))
            coverage[f"{corpus}/{form}"] = (found, len(truth))
            print(f"  {corpus}/{form}: truth among the candidates on {found} of {len(truth)} pages",
                  file=sys.stderr)
    return data, coverage


def fit(pages, weights):
    """Conditional logit: maximise sum_p w_p log(sum_pos e^s / sum_all e^s) - L2/2 |b|^2,
    by Newton's method, vectorised over all candidates of all pages."""
    z = np.vstack([x for x, _ in pages])
    mu, sd = z.mean(0), z.std(0)
    sd[sd < 1e-9] = 1.0
    z = (z - mu) / sd
    sizes = np.array([len(x) for x, _ in pages])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    page = np.repeat(np.arange(len(pages)), sizes)
    pos = np.zeros(len(z))
    for start, (_, p) in zip(starts, pages):
        pos[start + np.array(p)] = 1.0
    w = np.array(weights, dtype=float)
    w *= len(w) / w.sum()
    d = z.shape[1]
    wr = w[page]

    def objective(beta):
        s = z @ beta
        lse = lambda v: np.log(np.add.reduceat(np.exp(v - np.maximum.reduceat(v, starts)[page]), starts)) \
            + np.maximum.reduceat(v, starts)
        s_pos = np.where(pos > 0, s, -np.inf)
        return -(w * (lse(s_pos) - lse(s))).sum() + 0.5 * L2 * beta @ beta

    beta = np.zeros(d)
    value = objective(beta)
    for _ in range(200):
        s = z @ beta
        e = np.exp(s - np.maximum.reduceat(s, starts)[page])
        p_all = e / np.add.reduceat(e, starts)[page]
        # Over the positives alone, shifted by their own maximum, so that
        # at least one term is 1.
        s_pos = np.where(pos > 0, s, -np.inf)
        ep = np.exp(s_pos - np.maximum.reduceat(s_pos, starts)[page])
        p_pos = ep / np.add.reduceat(ep, starts)[page]
        grad = L2 * beta - z.T @ (wr * (p_pos - p_all))
        # With several positives on a page the loss is not convex; the
        # curvature of the all-candidates term alone bounds it from above,
        # so the step is a safe one, and a line search keeps it a descent.
        m_all = np.add.reduceat(z * p_all[:, None], starts)
        hess = L2 * np.eye(d) + (z * (wr * p_all)[:, None]).T @ z - (m_all * w[:, None]).T @ m_all
        step = np.linalg.solve(hess + 1e-6 * np.eye(d), grad)
        t = 1.0
        while t > 1e-4:
            candidate = beta - t * step
            new = objective(candidate)
            if new <= value:
                break
            t /= 2
        else:
            break
        beta, done = candidate, value - new < 1e-7 * max(1.0, abs(value))
        value = new
        if done:
            break
    raw = beta / sd
    return -(raw * mu).sum(), raw


def in_half(pid, half):
    """score.py's fixed split of a corpus's pages into "tune" and "check"."""
    return ("tune", "check")[hashlib.sha256(pid.encode()).digest()[0] & 1] == half


def fit_mode(data, mode, corpora_in, half="tune"):
    """The fit on the `half` pages of `corpora_in`."""
    pages, weights = [], []
    for corpus in corpora_in:
        rows = [(x, pos) for x, pos, pid in data.get((corpus, mode), []) if in_half(pid, half)]
        if not rows:
            continue
        share = np.sqrt(len(rows)) / len(rows)
        pages += rows
        weights += [share] * len(rows)
    return fit(pages, weights)


def read_weights(path, names):
    """{set: (bias, weights)} as the weights file at `path` gives them; a feature or a set it
    lacks weighs 0 (a set missing from the file falls back to the text set in the extractor, so
    it is filled from that one)."""
    sets = {}
    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if len(parts) == 3 and not line.startswith("#"):
            sets.setdefault(parts[0], {})[parts[1]] = float(parts[2])
    sets.setdefault("untitled", sets.get("text", {}))
    return {mode: (sets.get(mode, {}).get("bias", 0.0), np.array([sets.get(mode, {}).get(n, 0.0) for n in names]))
            for mode in SETS}


def weights_text(sets, names, header=()):
    lines = ["# Headline model weights (a linear ranking of candidates), one set per input format:",
             "# `format feature weight`, raw scale; the candidate with the highest sum is the headline.",
             "# Written by tools/train_headline_model.py; do not edit by hand. `untitled` is the set",
             "# for text dumps that do not open with their title (a browser's copy of a page).",
             f"# Conditional logit, L2 {L2} on standardised features; each corpus weighs in by the square",
             "# root of its labelled pages."]
    lines += list(header)
    lines.append("")
    for mode, (bias, weights) in sets.items():
        lines.append(f"{mode} bias {bias:.5f}")
        for name, w in zip(names, weights):
            lines.append(f"{mode} {name} {w:.5f}")
        lines.append("")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", default=DEFAULT_CORPORA)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--no-cv", action="store_true")
    ap.add_argument("--sets", default=",".join(SETS),
                    help="the weight sets to refit (comma-separated); the others keep the weights file's "
                         "(a feature it lacks weighs 0)")
    args = ap.parse_args()
    refit = [s for s in args.sets.split(",") if s]
    unknown = [s for s in refit if s not in SETS]
    if unknown:
        ap.error(f"unknown weight sets {unknown}; the sets are {', '.join(SETS)}")
    env = dict(os.environ, CARGO_TARGET_DIR=TRAINING_TARGET)
    subprocess.run(["cargo", "build", "--release", "--quiet", "--features", "training", "--example", "dump_blocks"],
                   cwd=ROOT, check=True, env=env)
    binary = build("training")
    names = feature_names()
    present = [c for c in CORPORA if os.path.exists(os.path.join(args.corpora, c, "truth.json"))]
    data, coverage = load(args.corpora, names)
    current = read_weights(WEIGHTS, names)

    def fitted(corpora_in):
        """The refit sets fit on `corpora_in`, the others as in the weights file."""
        return {mode: fit_mode(data, mode, corpora_in) if mode in refit else current[mode] for mode in SETS}

    everything = fitted(present)
    header = ["# Truth among the candidates (the ceiling of any ranking):"]
    header += [f"#   {run}: {found} of {total} pages" for run, (found, total) in coverage.items()]
    base_env = {k: v for k, v in os.environ.items() if k not in ("SCRAPE_CLEAN_MODELS", "SCRAPE_CLEAN_DISABLE")}
    derived = {c: headline_truth(args.corpora, c) for c in present}
    # The readability corpus is scored too: its pages are seen by no fit.
    scored = present + ["readability"]
    with tempfile.TemporaryDirectory() as tmp:
        models, outs = os.path.join(tmp, "models"), os.path.join(tmp, "out")
        os.makedirs(models)

        def run(sets, only):
            env = dict(base_env)
            if sets is not None:
                with open(os.path.join(models, "headline_model.txt"), "w") as f:
                    f.write(weights_text(sets, names))
                env["SCRAPE_CLEAN_MODELS"] = models
            scores = measure(binary, args.corpora, only=only, env=env, keep=outs)
            for corpus in only:
                for form in FORMS:
                    folder = os.path.join(outs, f"{corpus}-{form}")
                    if corpus in derived and os.path.isdir(folder):
                        for half in ("whole", "tune", "check"):
                            scores[f"{corpus}/{form}"][half]["headline"] = derived_accuracy(
                                folder, derived[corpus], None if half == "whole" else half)
            return scores

        repo, new = run(None, scored), run(everything, scored)
        kept = [m for m in SETS if m not in refit]
        header.append(f"# Sets fit on the tune halves: {', '.join(refit)}"
                      + (f"; kept from the weights before: {', '.join(kept)}." if kept else "."))
        header.append("# The extractor on each half:")
        print(f"{'run':28} {'metric':9} {'repo tune':>9} {'check':>7}   {'fit tune':>8} {'check':>7}")
        for name in new:
            for metric in ("headline", "title", "author", "date", "segments", "body"):
                if metric not in new[name]["whole"]:
                    continue
                r, f = repo[name], new[name]
                print(f"{name:28} {metric:9} {r['tune'][metric]:9.3f} {r['check'][metric]:7.3f}   "
                      f"{f['tune'][metric]:8.3f} {f['check'][metric]:7.3f}", flush=True)
                if metric == "headline":
                    header.append(f"#   {name} headline: tune {f['tune'][metric]:.3f}, check {f['check'][metric]:.3f}")
        if not args.no_cv:
            header.append("# Cross-validated by corpus (the refit sets fit on the other corpus's tune half, this")
            header.append("# one scored whole):")
            print(f"\n{'held-out run':28} {'metric':9} {'repo':>7} {'held-out':>9}")
            for held in present:
                train = [c for c in present if c != held]
                out = run(fitted(train), [held])
                for name, cell in out.items():
                    if "headline" in cell["whole"]:
                        r, h = repo[name]["whole"]["headline"], cell["whole"]["headline"]
                        print(f"{name:28} {'headline':9} {r:7.3f} {h:9.3f}", flush=True)
                        header.append(f"#   {name} headline: held out {h:.3f}")
    if args.write:
        with open(WEIGHTS, "w") as f:
            f.write(weights_text(everything, names, header))
        print(f"wrote {WEIGHTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
