"""Node positions for big graphs, computed once at build time so the browser
draws at once with physics off.

networkx's spring_layout compares every pair of nodes (50 s for 5,000 nodes on
two cores) and, started from random positions, leaves big graphs folded. This
is the same Fruchterman-Reingold model made multilevel and fast:

- coarsen: leaves join their neighbour and the rest is paired along edges,
  level after level, until a few dozen nodes remain;
- lay out the coarsest graph, then each finer level starting from its parent's
  position, with a short, cooler run;
- repulsion is computed on a mesh: node mass is spread over an M x M grid and
  convolved with the k^2/d force kernel by FFT (particle-mesh), which costs
  O(n + m + M^2 log M) per step instead of O(n^2).

Start positions come from a fixed seed and results are rounded to whole
pixels, so the same graph gives the same layout. The same on any machine, too:
the layout makes no BLAS or LAPACK call (whose kernels OpenBLAS picks by CPU,
each summing in its own order), only elementwise arithmetic, which IEEE 754
rounds alike everywhere, sums in a fixed order (bincount, math.fsum) and
numpy's FFT, which is compiled once into numpy and not chosen per CPU. A step
amplifies any difference in the last bit until whole pixels move, so these
must be identical, not merely close."""
from __future__ import annotations

import math
from functools import lru_cache

import networkx as nx
import numpy as np

SEED = 20240601
EDGE_PX = 50.0          # the ideal edge length (k) in canvas pixels
COARSEST = 40           # stop coarsening at this many nodes
COARSE_STEPS = 300
SPECTRAL_MAX = 400
SPECTRAL_STEPS = 300    # power-iteration steps at most, per eigenvector
SPECTRAL_TOLERANCE = 1e-9
# Pull to the centre: at 1 it balances the repulsion of a disc of mass n at radius sqrt(n), which
# holds separate components together but bends everything into that disc; weaker lets shapes be.
GRAVITY = 0.15      # coarsest graphs up to this size start from a spectral layout
REFINE_STEPS = 40


def force_layout(graph: nx.Graph, order: list) -> dict:
    """{node: (x, y)} in canvas pixels for the nodes in `order`, integer-valued."""
    index = {node: i for i, node in enumerate(order)}
    pairs = np.array(sorted({(min(index[u], index[v]), max(index[u], index[v]))
                             for u, v in graph.edges() if u != v}), dtype=np.int64).reshape(-1, 2)
    return dict(zip(order, layout_positions(len(order), pairs)))


def layout_positions(n: int, pairs: np.ndarray) -> list[tuple[int, int]]:
    """[(x, y), ...] in canvas pixels for nodes 0..n-1, integer-valued; `pairs` are the linked
    (i, j) with i < j, sorted and without repeats."""
    if n == 0:
        return []
    pos = multilevel(n, pairs.reshape(-1, 2).astype(np.int64, copy=False))
    pos = (pos - pos.mean(axis=0)) * EDGE_PX
    return [(int(round(x)), int(round(y))) for x, y in pos.tolist()]


def multilevel(n: int, pairs: np.ndarray) -> np.ndarray:
    rng = np.random.default_rng(SEED)
    levels = [(n, pairs, np.ones(len(pairs)), np.ones(n))]     # (nodes, edges, edge weights, mass), finest first
    parents = []
    while levels[-1][0] > COARSEST:
        size, edges, weight, mass = levels[-1]
        parent, coarse = coarsen(size, edges)
        if coarse > 0.9 * size:
            break
        a, b = parent[edges[:, 0]], parent[edges[:, 1]]
        keep = a != b
        codes = np.minimum(a, b)[keep] * coarse + np.maximum(a, b)[keep]     # (low, high) as one number
        codes, inverse = np.unique(codes, return_inverse=True)              # sorted as the (low, high) rows
        cedges = np.stack([codes // coarse, codes % coarse], axis=1)
        cweight = np.bincount(inverse.ravel(), weights=weight[keep], minlength=len(cedges))
        levels.append((coarse, cedges, cweight, np.bincount(parent, weights=mass, minlength=coarse)))
        parents.append(parent)
    side = np.sqrt(n)                                # FR's area: n k^2, with k = 1
    size, edges, weight, mass = levels[-1]
    pos = simulate(_start(size, edges, side, rng), edges, weight, mass, COARSE_STEPS, side / 6)
    for (size, edges, weight, mass), parent in zip(reversed(levels[:-1]), reversed(parents)):
        pos = pos[parent] + (rng.random((size, 2)) - 0.5) * 0.5
        pos = simulate(pos, edges, weight, mass, REFINE_STEPS, side / 40)
    return pos


def _start(size: int, edges: np.ndarray, side: float, rng) -> np.ndarray:
    """Start positions for the coarsest graph: a spectral layout (unfolded, unlike random
    starts) where it is small enough, plus a little seeded noise."""
    noise = rng.random((size, 2))
    if not 2 < size <= SPECTRAL_MAX:
        return noise * side
    start = spectral(size, edges, rng)
    return (start - start.min(axis=0)) / max(float(np.ptp(start)), 1e-9) * side + noise * (side / 10)


def spectral(size: int, edges: np.ndarray, rng) -> np.ndarray:
    """(size, 2): the two leading non-trivial eigenvectors of the random-walk matrix
    (I + D^-1 A) / 2, found by power iteration with D-orthogonalisation (Koren, "Drawing graphs
    by eigenvectors", 2003). Products go through bincount and dot products through math.fsum,
    so every bit is the same whatever BLAS kernel or CPU the machine has (see the module doc)."""
    u, v = edges[:, 0], edges[:, 1]
    degree = np.maximum(np.bincount(edges.ravel(), minlength=size), 1).astype(float)

    def d_dot(a: np.ndarray, b: np.ndarray) -> float:
        return math.fsum((a * b * degree).tolist())

    found = [np.ones(size)]
    for _ in range(2):
        x = rng.random(size) - 0.5
        for _ in range(SPECTRAL_STEPS):
            for w in found:                                     # D-orthogonal to the vectors found
                x = x - w * (d_dot(x, w) / d_dot(w, w))
            walked = (np.bincount(u, x[v], size) + np.bincount(v, x[u], size)) / degree
            y = (x + walked) * 0.5
            norm = math.sqrt(math.fsum((y * y).tolist())) or 1.0
            y = y / norm
            x_norm = math.sqrt(math.fsum((x * x).tolist())) or 1.0
            settled = math.fsum((x * y).tolist()) / x_norm > 1 - SPECTRAL_TOLERANCE
            x = y
            if settled:
                break
        found.append(x)
    return np.stack(found[1:], axis=1)


def coarsen(n: int, edges: np.ndarray) -> tuple[np.ndarray, int]:
    """Group nodes: each leaf with its neighbour, then unmatched pairs along edges
    (lightest first). Returns (coarse id per node, number of coarse nodes)."""
    parent = [-1] * n
    coarse = 0
    degree = np.bincount(edges.ravel(), minlength=n) if len(edges) else np.zeros(n, dtype=np.int64)
    u, v = edges[:, 0], edges[:, 1]
    leaf_u, leaf_v = degree[u] == 1, degree[v] == 1     # a leaf is on one edge only
    neighbour = dict(zip(u[leaf_u].tolist(), v[leaf_u].tolist()))
    neighbour.update(zip(v[leaf_v].tolist(), u[leaf_v].tolist()))
    for leaf in sorted(neighbour):
        hub = neighbour[leaf]
        if parent[leaf] >= 0:
            continue
        if parent[hub] < 0:
            parent[hub] = coarse
            coarse += 1
        parent[leaf] = parent[hub]
    if len(edges):
        order = np.lexsort((v, u, degree[u] + degree[v]))
        for at in range(0, len(order), 1 << 16):           # a slice at a time: no list of every edge
            part = order[at:at + (1 << 16)]
            for a, b in zip(u[part].tolist(), v[part].tolist()):
                if parent[a] < 0 and parent[b] < 0:
                    parent[a] = parent[b] = coarse
                    coarse += 1
    out = np.array(parent, dtype=np.int64)
    single = np.flatnonzero(out < 0)
    out[single] = np.arange(coarse, coarse + len(single))
    return out, coarse + len(single)


def simulate(pos: np.ndarray, edges: np.ndarray, weight: np.ndarray, mass: np.ndarray, steps: int,
             temperature: float) -> np.ndarray:
    """Fruchterman-Reingold steps with k = 1: attraction w d^2 along edges of weight w, repulsion
    m_i m_j / d, and a weak pull to the centre that keeps separate components near.
    (The two axes are computed apart, which gives the same numbers as on (n, 2) arrays, faster.)"""
    pos = pos.copy()
    n = len(pos)
    src, dst = edges[:, 0].copy(), edges[:, 1].copy()
    total = mass.sum()
    cool = temperature / (steps + 1)
    pull_to_centre = (GRAVITY * mass)[:, None]
    for _ in range(steps):
        force = repulsion(pos, mass) * mass[:, None]
        if len(edges):                                  # in place where it can be: a few arrays per edge
            x, y = pos[:, 0].copy(), pos[:, 1].copy()
            dx = x.take(src)
            dx -= x.take(dst)
            dy = y.take(src)
            dy -= y.take(dst)
            w = dx * dx
            w += dy * dy
            np.sqrt(w, out=w)
            w *= weight
            dx *= w
            dy *= w
            force[:, 0] += np.bincount(dst, dx, n) - np.bincount(src, dx, n)
            force[:, 1] += np.bincount(dst, dy, n) - np.bincount(src, dy, n)
        centre = (pos * mass[:, None]).sum(axis=0) / total
        force += (centre - pos) * pull_to_centre
        length = np.sqrt((force ** 2).sum(axis=1)) + 1e-12
        pos += force * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cool
    return pos


def repulsion(pos: np.ndarray, mass: np.ndarray) -> np.ndarray:
    """The field sum_j m_j (x - x_j) / |x - x_j|^2 at every node, through a mass mesh and an FFT convolution."""
    n = len(pos)
    mesh = int(np.clip(np.ceil(1.5 * np.sqrt(n)), 16, 256))
    lo = pos.min(axis=0)
    span = max(float((pos.max(axis=0) - lo).max()), 1e-6) * (1 + 1e-9)
    h = span / (mesh - 1)
    g = (pos - lo) / h                                  # mesh coordinates in [0, mesh-1]
    i0 = np.minimum(np.floor(g).astype(np.int64), mesh - 2)
    f = g - i0
    fx0, fy0 = f[:, 0], f[:, 1]
    corners = ((0, (1 - fx0) * (1 - fy0)), (mesh, fx0 * (1 - fy0)), (1, (1 - fx0) * fy0), (mesh + 1, fx0 * fy0))
    cell = i0[:, 0] * mesh + i0[:, 1]
    density = np.zeros(mesh * mesh)
    for offset, w in corners:
        density += np.bincount(cell + offset, w * mass, mesh * mesh)
    density = density.reshape(mesh, mesh)
    size = 2 * mesh
    kx, ky = _kernel_spectra(mesh)
    spectrum = np.fft.rfft2(density, s=(size, size))
    fx = np.fft.irfft2(spectrum * kx, s=(size, size)).ravel()    # the first mesh x mesh corner is the field
    fy = np.fft.irfft2(spectrum * ky, s=(size, size)).ravel()
    at = i0[:, 0] * size + i0[:, 1]
    force = np.zeros_like(pos)
    for (_, w), offset in zip(corners, (0, size, 1, size + 1)):
        force[:, 0] += w * (fx.take(at + offset) / h)
        force[:, 1] += w * (fy.take(at + offset) / h)
    return force


@lru_cache(maxsize=8)
def _kernel_spectra(mesh: int) -> tuple[np.ndarray, np.ndarray]:
    """FFTs of the force kernel r / |r|^2 on a (2 mesh)^2 grid of unit spacing; spacing h divides it by h."""
    size = 2 * mesh
    off = np.arange(size)
    off = np.where(off < mesh, off, off - size).astype(float)
    ox, oy = np.meshgrid(off, off, indexing="ij")
    r2 = np.maximum(ox ** 2 + oy ** 2, 0.25)
    r2[0, 0] = np.inf                                   # no force from a node's own cell centre
    return np.fft.rfft2(ox / r2), np.fft.rfft2(oy / r2)
