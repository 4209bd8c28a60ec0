"""Gradient-boosted regression trees for a binary label (log loss), in pure
Python (no numpy here): second-order (Newton) leaf values, L2 on the
leaves, candidate thresholds at the features' quantiles. Used by
fit_boiler.py to learn, on top of the logistic regression's margin, the
interactions a linear model cannot express ("short AND after the last
paragraph", "sentence-like BUT full of subscription words").

A tree is a list of nodes; a node is (feature, threshold, left, right) for a
split (x[feature] <= threshold goes left) or (-1, value, 0, 0) for a leaf;
node 0 is the root. The C evaluator (filter/lib/boiler_trees.c) reads the
same shape from rules/boiler.trees."""
import math
import random


def sigmoid(z):
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def thresholds(xs, j, bins):
    """Up to bins-1 cut points of feature j: midpoints between distinct quantile values."""
    vals = sorted(set(x[j] for x in xs))
    if len(vals) <= 1:
        return []
    if len(vals) > bins:
        vals = sorted(set(vals[int(k * (len(vals) - 1) / (bins - 1))] for k in range(bins)))
    return [(a + b) / 2 for a, b in zip(vals, vals[1:])]


def bin_columns(xs, cuts):
    """For each feature, each row's bin: the number of cut points below its value."""
    cols = []
    for j, cj in enumerate(cuts):
        col = []
        for x in xs:
            v, b = x[j], 0
            lo, hi = 0, len(cj)
            while lo < hi:  # first cut >= v
                mid = (lo + hi) // 2
                if cj[mid] < v:
                    lo = mid + 1
                else:
                    hi = mid
            b = lo
            col.append(b)
        cols.append(col)
    return cols


def best_split(idx, g, h, cols, cuts, lam, min_hess, feats):
    """(gain, feature, bin) of the best split of the rows idx, or None."""
    gs, hs = sum(g[i] for i in idx), sum(h[i] for i in idx)
    parent = gs * gs / (hs + lam)
    best = None
    for j in feats:
        nb = len(cuts[j]) + 1
        if nb < 2:
            continue
        G, H = [0.0] * nb, [0.0] * nb
        col = cols[j]
        for i in idx:
            b = col[i]
            G[b] += g[i]
            H[b] += h[i]
        gl = hl = 0.0
        for b in range(nb - 1):
            gl += G[b]
            hl += H[b]
            hr = hs - hl
            if hl < min_hess or hr < min_hess:
                continue
            gr = gs - gl
            gain = gl * gl / (hl + lam) + gr * gr / (hr + lam) - parent
            if best is None or gain > best[0]:
                best = (gain, j, b)
    return best


def grow(idx, g, h, cols, cuts, depth, p, nodes, feats):
    """Appends the subtree of rows idx to nodes; returns its index."""
    k = len(nodes)
    nodes.append(None)
    sp = best_split(idx, g, h, cols, cuts, p["lam"], p["min_hess"], feats) if depth > 0 else None
    if sp is None or sp[0] <= p["min_gain"]:
        gs, hs = sum(g[i] for i in idx), sum(h[i] for i in idx)
        nodes[k] = (-1, -p["rate"] * gs / (hs + p["lam"]), 0, 0)
        return k
    _gain, j, b = sp
    col = cols[j]
    left = [i for i in idx if col[i] <= b]
    right = [i for i in idx if col[i] > b]
    lk = grow(left, g, h, cols, cuts, depth - 1, p, nodes, feats)
    rk = grow(right, g, h, cols, cuts, depth - 1, p, nodes, feats)
    nodes[k] = (j, cuts[j][b], lk, rk)
    return k


def tree_value(nodes, x):
    k = 0
    while nodes[k][0] >= 0:
        j, t, lk, rk = nodes[k]
        k = lk if x[j] <= t else rk
    return nodes[k][1]


def fit_trees(xs, ys, ws, base, rounds=150, depth=3, rate=0.1, lam=1.0, min_hess=2.0, bins=24,
              colsample=1.0, seed=1):
    """Trees boosting the margins base (one per row) towards the labels ys."""
    p = {"lam": lam, "min_hess": min_hess, "min_gain": 1e-6, "rate": rate}
    cuts = [thresholds(xs, j, bins) for j in range(len(xs[0]))]
    cols = bin_columns(xs, cuts)
    z = list(base)
    rnd = random.Random(seed)
    nf = len(xs[0])
    trees = []
    idx = list(range(len(xs)))
    for _ in range(rounds):
        g, h = [], []
        for zi, y, w in zip(z, ys, ws):
            q = sigmoid(zi)
            g.append((q - y) * w)
            h.append(max(q * (1 - q), 1e-6) * w)
        feats = [j for j in range(nf) if colsample >= 1 or rnd.random() < colsample]
        nodes = []
        grow(idx, g, h, cols, cuts, depth, p, nodes, feats)
        trees.append(nodes)
        for i, x in enumerate(xs):
            z[i] += tree_value(nodes, x)
    return trees


def trees_margin(trees, x):
    return sum(tree_value(t, x) for t in trees)
