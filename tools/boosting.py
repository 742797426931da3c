"""Gradient-boosted regression trees in numpy, for the trainers: binary
log-loss (the block model) and the conditional logit over a page's
candidates (a ranking). Histogram splits on at most NBINS thresholds a
feature; second-order leaf values (Newton steps), L2 on leaves.

The trees are written as `format tree 0:feature:threshold:1:2 1=v 2=w …`
lines (see src/classify/model.rs: a split goes left when the feature is at
most the threshold).
"""
import numpy as np

NBINS = 32


def thresholds(x, nbins=NBINS):
    """Candidate split points per feature: midpoints between distinct values,
    or between quantiles when a feature has many."""
    out = []
    for j in range(x.shape[1]):
        values = np.unique(x[:, j])
        if len(values) <= nbins:
            th = (values[:-1] + values[1:]) / 2
        else:
            qs = np.unique(np.quantile(x[:, j], np.linspace(0, 1, nbins + 1)))
            th = np.unique((qs[:-1] + qs[1:]) / 2)
        out.append(th.astype(np.float64))
    return out


def grow_tree(binned, ths, g, h, depth, lr, lam, min_hess):
    """One tree fitted to gradients g and hessians h; nodes in pre-order:
    (feature, threshold, left, right) or (None, value)."""
    tree = []

    def grow(idx, d):
        G, H = g[idx].sum(), h[idx].sum()
        node = len(tree)
        tree.append(None)
        best = None
        if d < depth and len(idx) > 1:
            for j, th in enumerate(ths):
                nb = len(th) + 1
                if nb < 2:
                    continue
                bj = binned[idx, j]
                gl = np.cumsum(np.bincount(bj, weights=g[idx], minlength=nb))[:-1]
                hl = np.cumsum(np.bincount(bj, weights=h[idx], minlength=nb))[:-1]
                gr, hr = G - gl, H - hl
                ok = (hl >= min_hess) & (hr >= min_hess)
                if not ok.any():
                    continue
                gain = gl ** 2 / (hl + lam) + gr ** 2 / (hr + lam) - G ** 2 / (H + lam)
                gain[~ok] = -np.inf
                k = int(np.argmax(gain))
                if gain[k] > 1e-9 and (best is None or gain[k] > best[0]):
                    best = (gain[k], j, k)
        if best is None:
            tree[node] = (None, -lr * G / (H + lam))
            return node
        _, j, k = best
        go_left = binned[idx, j] <= k
        left = grow(idx[go_left], d + 1)
        right = grow(idx[~go_left], d + 1)
        tree[node] = (j, float(ths[j][k]), left, right)
        return node

    grow(np.arange(len(g)), 0)
    return tree


def predict_tree(tree, x):
    out = np.zeros(len(x))
    stack = [(0, np.arange(len(x)))]
    while stack:
        node, idx = stack.pop()
        t = tree[node]
        if t[0] is None:
            out[idx] = t[1]
            continue
        j, thr, left, right = t
        go_left = x[idx, j] <= thr
        stack.append((left, idx[go_left]))
        stack.append((right, idx[~go_left]))
    return out


def _binned(x, ths):
    return np.stack([np.searchsorted(th, x[:, j], side="left") for j, th in enumerate(ths)], 1).astype(np.int32)


def fit_binary(x, y, w, base, rounds, depth, lr=0.1, lam=1.0, min_hess=5.0):
    """Trees for log-odds of y, starting from `base`."""
    x = x.astype(np.float64)
    w = w * (len(w) / w.sum())
    ths = thresholds(x)
    binned = _binned(x, ths)
    f = np.full(len(x), base)
    trees = []
    for _ in range(rounds):
        p = 1 / (1 + np.exp(-f))
        tree = grow_tree(binned, ths, w * (p - y), w * np.maximum(p * (1 - p), 1e-6), depth, lr, lam, min_hess)
        trees.append(tree)
        f += predict_tree(tree, x)
    return trees


def fit_ranker(pages, weights, rounds, depth, lr=0.1, lam=1.0, min_hess=1.0):
    """Trees for the conditional logit: pages is [(candidates x, positive indices)]."""
    x = np.vstack([p[0] for p in pages]).astype(np.float64)
    sizes = np.array([len(p[0]) for p in pages])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    page = np.repeat(np.arange(len(pages)), sizes)
    pos = np.zeros(len(x))
    for start, (_, positives) in zip(starts, pages):
        pos[start + np.array(positives)] = 1.0
    w = np.array(weights, float)
    wr = (w * (len(w) / w.sum()))[page]
    ths = thresholds(x)
    binned = _binned(x, ths)
    f = np.zeros(len(x))
    trees = []
    for _ in range(rounds):
        e = np.exp(f - np.maximum.reduceat(f, starts)[page])
        p_all = e / np.add.reduceat(e, starts)[page]
        f_pos = np.where(pos > 0, f, -np.inf)
        ep = np.exp(f_pos - np.maximum.reduceat(f_pos, starts)[page])
        p_pos = ep / np.add.reduceat(ep, starts)[page]
        tree = grow_tree(binned, ths, wr * (p_all - p_pos), wr * np.maximum(p_all * (1 - p_all), 1e-6),
                         depth, lr, lam, min_hess)
        trees.append(tree)
        f += predict_tree(tree, x)
    return trees


def tree_lines(mode, trees, names):
    """The weights-file lines of `trees` for input format `mode`."""
    lines = []
    for tree in trees:
        tokens = []
        for i, node in enumerate(tree):
            if node[0] is None:
                tokens.append(f"{i}={node[1]:.5f}")
            else:
                j, thr, left, right = node
                tokens.append(f"{i}:{names[j]}:{thr:.6g}:{left}:{right}")
        lines.append(f"{mode} tree " + " ".join(tokens))
    return lines
