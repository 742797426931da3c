#!/usr/bin/env python3
"""Train the block model (src/rules/block_model.txt) from the dev corpora.

usage (from the project root):
    tools/train_block_model.py [--corpora ../shared/corpora] [--write]

Needs numpy (pip install numpy) and the corpora with their truth.

What it does:
1. Builds the `dump_blocks` example (cargo feature `training`) and dumps
   every page of the scrapinghub and trafilatura corpora, in text and HTML
   (and scrapinghub's hard-wrapped dumps, as more text), as block feature
   vectors: exactly what the extractor sees.
2. Labels blocks. scrapinghub: a block is article text when most of its
   4-token shingles (or, for short blocks, its whole text) are in the true
   body. trafilatura: a block holding a "with" snippet is article text, one
   holding a "without" snippet is not; the rest are unlabelled.
3. Fits an L2-regularised logistic regression per input format (Newton's
   method on standardised features) and cross-validates it by page (5
   folds): held-out pages are scored block by block, the body region is
   chosen the way the extractor chooses it (maximum-sum run of clipped
   log-odds, fenced by feeds), and body F1 / snippet F1 are reported, next
   to the same numbers for the weights currently in the repository.
4. With --write, refits on every page and writes the weights file.

The few hyper-parameters (regularisation, weight of the sparse trafilatura
labels) are fixed below, not searched, so the cross-validation numbers are
honest estimates for pages the model has not seen.
"""
import argparse, collections, json, os, re, subprocess, sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WEIGHTS = os.path.join(ROOT, "src", "rules", "block_model.txt")
MAX_BLOCK_SCORE = 4.0   # must match classify/model.rs
L2 = 1.0                # on standardised features
SNIPPET_WEIGHT = 4.0    # a trafilatura label stands for a page's worth of evidence
# Added to the fitted bias: the body metric forgives a stray line more than
# a lost paragraph, so the region leans towards including. Chosen once, on
# cross-validation, from {-0.5, 0, 0.5}.
RECALL_SHIFT = 0.5
FOLDS = 5
TOKEN = re.compile(r"\w+", re.UNICODE)


def norm_ws(s):
    return re.sub(r"\s+", " ", s or "").strip()


def shingles(tokens, n=4):
    return {tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))}


def dump(corpora, corpus, mode, folder=None):
    folder = folder or mode
    d = os.path.join(corpora, corpus, folder)
    files = sorted(os.path.join(d, f) for f in os.listdir(d))
    bin_ = os.path.join(ROOT, "target", "release", "examples", "dump_blocks")
    pages = {}
    for i in range(0, len(files), 200):
        out = subprocess.run([bin_, mode] + files[i:i + 200], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            page = json.loads(line)
            pages[page["id"]] = page["blocks"]
    return pages


def label_body(blocks, body):
    truth_tokens = TOKEN.findall(body)
    truth_sh = shingles(truth_tokens)
    flat = " " + " ".join(truth_tokens).lower() + " "
    labels = []
    for b in blocks:
        toks = TOKEN.findall(b["text"])
        if not toks:
            labels.append(0.0)
        elif len(toks) >= 4:
            sh = shingles(toks)
            labels.append(1.0 if len(sh & truth_sh) >= 0.6 * len(sh) else 0.0)
        else:
            labels.append(1.0 if (" " + " ".join(toks).lower() + " ") in flat else 0.0)
    return labels


def label_snippets(blocks, t):
    withs = [norm_ws(w) for w in t.get("with", [])]
    withouts = [norm_ws(w) for w in t.get("without", [])]
    labels = []
    for b in blocks:
        text = norm_ws(b["text"])
        if any(w and w in text for w in withouts):
            labels.append(0.0)
        elif any(w and (w in text or (len(text) > 30 and text in w)) for w in withs):
            labels.append(1.0)
        else:
            labels.append(None)
    return labels


def load(corpora, mode):
    """Pages of one input format: (corpus, id, blocks, labels, truth)."""
    pages = []
    sources = [("scrapinghub", mode), ("trafilatura", mode)]
    if mode == "text":
        sources.append(("scrapinghub", "text-wrapped"))
    for corpus, folder in sources:
        truth = json.load(open(os.path.join(corpora, corpus, "truth.json"), encoding="utf-8"))
        dumped = dump(corpora, corpus, "text" if folder == "text-wrapped" else mode, folder)
        for pid, blocks in dumped.items():
            t = truth.get(pid)
            if not t or not blocks:
                continue
            labels = label_body(blocks, t["body"]) if "body" in t else label_snippets(blocks, t)
            pages.append((corpus + ("-wrapped" if folder == "text-wrapped" else ""), pid, blocks, labels, t))
    return pages


def design(pages):
    xs, ys, ws = [], [], []
    for corpus, _, blocks, labels, _ in pages:
        weight = SNIPPET_WEIGHT if corpus == "trafilatura" else 1.0
        for b, y in zip(blocks, labels):
            if y is None or not b["allowed"]:
                continue
            xs.append(b["features"]); ys.append(y); ws.append(weight)
    return np.array(xs, dtype=float), np.array(ys), np.array(ws)


def fit(x, y, w):
    """Weighted L2 logistic regression by Newton's method; returns raw-scale (bias, weights)."""
    mu, sd = x.mean(0), x.std(0)
    sd[sd < 1e-9] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mu) / sd])
    beta = np.zeros(z.shape[1])
    reg = np.full(z.shape[1], L2); reg[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(z @ beta, -30, 30)))
        grad = z.T @ (w * (p - y)) + reg * beta
        hess = (z * (w * p * (1 - p))[:, None]).T @ z + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-6:
            break
    weights = beta[1:] / sd
    bias = beta[0] - (weights * mu).sum()
    return bias, weights


def region(scores, allowed):
    """Maximum-sum run (classify::score::best_region)."""
    best, start, total, out = None, 0, 0.0, None
    for i, (s, ok) in enumerate(zip(scores, allowed)):
        if not ok:
            total, start = 0.0, i + 1
            continue
        if total <= 0:
            total, start = 0.0, i
        total += s
        if total > 0 and (best is None or total > best):
            best, out = total, (start, i + 1)
    return out


FEATURE = {}  # name -> column, filled in main()
STRONG_BLOCK, MAX_BRIDGE, SIDE_REACH, SIDE_MIN = 1.0, 12, 60, 5.0  # as in classify/mod.rs and score.rs
SIDE_MIN_AFTER_HEADLINE = 1.0


def grow(span, strong, stop, floor):
    """classify::score::grow_region: reach across short lines to strong blocks, never across a stop."""
    s, e = span
    while True:
        nxt = None
        for j in range(e, min(e + MAX_BRIDGE, len(strong))):
            if stop[j]:
                break
            if strong[j]:
                nxt = j
                break
        if nxt is None:
            break
        e = nxt + 1
    while True:
        nxt = None
        for j in range(s - 1, max(floor, s - MAX_BRIDGE) - 1, -1):
            if stop[j]:
                break
            if strong[j]:
                nxt = j
                break
        if nxt is None:
            break
        s = nxt
    return (s, e)


def segments(blocks, scores):
    """The body segments as classify::body_segments chooses them."""
    allowed = [b["allowed"] for b in blocks]
    core = region(scores, allowed)
    if not core:
        return []
    f = lambda b, name: b["features"][FEATURE[name]]
    strong = [s >= STRONG_BLOCK or (s > -STRONG_BLOCK and f(b, "prose")) for s, b in zip(scores, blocks)]
    stop = [not b["allowed"] or f(b, "furniture") or f(b, "repeated") or f(b, "template_suffix")
            or f(b, "comment_meta") for b in blocks]
    anchors = [i for i, b in enumerate(blocks) if f(b, "after_anchor")]
    anchor = anchors[0] - 1 if anchors else None
    floor = anchor + 1 if anchor is not None and anchor < core[0] else 0
    segs = [grow(core, strong, stop, floor)]
    n = len(blocks)
    while True:
        end = segs[-1][1]
        lo, hi = end, min(end + SIDE_REACH, n)
        found = region(scores[lo:hi], allowed[lo:hi])
        if not found or sum(scores[lo + found[0]:lo + found[1]]) < SIDE_MIN:
            break
        segs.append(grow((lo + found[0], lo + found[1]), strong, stop, floor))
    while True:
        start = segs[0][0]
        lo, hi = max(floor, start - SIDE_REACH), start
        found = region(scores[lo:hi], allowed[lo:hi])
        needed = SIDE_MIN_AFTER_HEADLINE if floor > 0 and lo == floor else SIDE_MIN
        if not found or sum(scores[lo + found[0]:lo + found[1]]) < needed:
            break
        segs.insert(0, grow((lo + found[0], lo + found[1]), strong, stop, floor))
    return segs


def evaluate(pages, scorer):
    """Body F1 (scrapinghub, macro P/R as the benchmark) and snippet F1 (trafilatura, micro)."""
    pr = collections.defaultdict(list)
    seg = collections.Counter()
    for corpus, _, blocks, _, t in pages:
        scores = list(scorer(blocks))
        body = " \n".join(b["text"] for s, e in segments(blocks, scores) for b in blocks[s:e])
        if "body" in t:
            a = collections.Counter(shingles_list(TOKEN.findall(t["body"])))
            g = collections.Counter(shingles_list(TOKEN.findall(body)))
            tp = sum((a & g).values()); fp = sum((g - a).values()); fn = sum((a - g).values())
            if tp + fp:
                pr[corpus + ":p"].append(tp / (tp + fp) if tp + fp else 0)
            pr[corpus + ":r"].append(tp / (tp + fn) if tp + fn else 0)
        else:
            flat = norm_ws(body)
            seg["tp"] += sum(norm_ws(w) in flat for w in t["with"])
            seg["fn"] += sum(norm_ws(w) not in flat for w in t["with"])
            seg["fp"] += sum(norm_ws(w) in flat for w in t["without"])
    result = {}
    for corpus in sorted({k.split(":")[0] for k in pr}):
        p = np.mean(pr[corpus + ":p"]) if pr[corpus + ":p"] else 0.0
        r = np.mean(pr[corpus + ":r"])
        result[corpus + " body F1"] = 2 * p * r / (p + r) if p + r else 0.0
    if seg:
        p = seg["tp"] / max(1, seg["tp"] + seg["fp"]); r = seg["tp"] / max(1, seg["tp"] + seg["fn"])
        result["trafilatura snippet F1"] = 2 * p * r / (p + r) if p + r else 0.0
    return result


def shingles_list(tokens, n=4):
    return [tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n]]


def linear_scorer(bias, weights):
    def score(blocks):
        x = np.array([b["features"] for b in blocks], dtype=float)
        return np.clip(bias + RECALL_SHIFT + x @ weights, -MAX_BLOCK_SCORE, MAX_BLOCK_SCORE)
    return score


def cross_validate(pages):
    ids = sorted({(c.replace("-wrapped", ""), p) for c, p, *_ in pages})
    fold_of = {key: i % FOLDS for i, key in enumerate(ids)}
    held = collections.defaultdict(list)
    for k in range(FOLDS):
        train = [pg for pg in pages if fold_of[(pg[0].replace("-wrapped", ""), pg[1])] != k]
        test = [pg for pg in pages if fold_of[(pg[0].replace("-wrapped", ""), pg[1])] == k]
        bias, weights = fit(*design(train))
        for name, value in evaluate(test, linear_scorer(bias, weights)).items():
            held[name].append(value)
    return {name: float(np.mean(v)) for name, v in held.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", default=os.path.join(ROOT, "..", "shared", "corpora"))
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet", "--features", "training", "--example", "dump_blocks"],
                   cwd=ROOT, check=True)
    names = subprocess.run([os.path.join(ROOT, "target", "release", "examples", "dump_blocks"), "--names"],
                           capture_output=True, text=True, check=True).stdout.split()
    FEATURE.update({name: i for i, name in enumerate(names)})
    lines = ["# Block model weights (logistic regression), one set per input format:",
             "# `format feature weight`, log-odds per unit of the feature (raw scale).",
             "# Written by tools/train_block_model.py; do not edit by hand.",
             f"# L2 {L2} on standardised features; trafilatura snippet labels weigh {SNIPPET_WEIGHT};",
             f"# the bias includes a recall shift of {RECALL_SHIFT}.",
             "# Cross-validation by page, 5 folds (held-out pages, body segments chosen as in the extractor):"]
    sets = {}
    for mode in ("text", "html"):
        pages = load(args.corpora, mode)
        current = evaluate(pages, lambda blocks: [b["score"] for b in blocks])
        cv = cross_validate(pages)
        print(f"{mode}: {len(pages)} pages")
        for name in sorted(cv):
            print(f"  {name:28} current weights {current.get(name, 0):.3f}   cross-validated fit {cv[name]:.3f}")
            lines.append(f"#   {mode}: {name} {cv[name]:.3f}")
        sets[mode] = fit(*design(pages))
    if args.write:
        lines.append("")
        for mode, (bias, weights) in sets.items():
            lines.append(f"{mode} bias {bias + RECALL_SHIFT:.5f}")
            for name, w in zip(names, weights):
                lines.append(f"{mode} {name} {w:.5f}")
            lines.append("")
        open(WEIGHTS, "w").write("\n".join(lines))
        print(f"wrote {WEIGHTS}")


if __name__ == "__main__":
    sys.exit(main())
