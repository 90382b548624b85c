#!/usr/bin/env python3
"""The oscillation task of Rate2Spike in NumPy: the comparison version for docs/performance.md.

The same method and default protocol as `java -jar target/rate2spike-cli.jar train --task oscillation`
(DePasquale, Churchland & Abbott 2016; docs/how-it-works.md), written as a careful NumPy user would:
float64 throughout, every per-neuron operation vectorised and in place on preallocated arrays, the
matrix-vector products in OpenBLAS. Only the loop over 1-ms steps is in Python (each step depends on the
last). Like the method's reference code, every phase runs the driven rate network afresh; this version
does not replay teacher trials (docs/performance.md, "Replaying teacher trials"), which is the project's
own saving, not part of the method.

Random numbers come from NumPy's generator, one stream per purpose, so results match the Java code's
in distribution (median test nMSE), not bit for bit.

    python3 bench/numpy/rate2spike_numpy.py --seed 1                       # default protocol
    python3 bench/numpy/rate2spike_numpy.py --seed 1 --trials 10,60,60,100,20
    OPENBLAS_NUM_THREADS=1 python3 bench/numpy/rate2spike_numpy.py ...     # BLAS on one thread

Needs only NumPy.
"""

import argparse
import time

import numpy as np

DT = 0.001  # s, the time step


def oscillation_trial(dt=DT):
    """Input: 0.5 for the first 50 ms. Output: sin at 1, 2, 3 and 5 Hz summed and divided by its max |.|. 1 s."""
    steps = int(round(1.0 / dt))
    t = np.arange(steps) * dt
    f_in = np.where(np.arange(steps) < int(round(0.05 / dt)), 0.5, 0.0)
    f_out = sum(np.sin(2 * np.pi * f * t) for f in (1, 2, 3, 5))
    f_out /= np.abs(f_out).max()
    return f_in, f_out


class RateNetwork:
    """tau dx/dt = -x + f_J + u_in f_in with f_J = J tanh(x) + u_out f_out, exact over each step (f_J held)."""

    def __init__(self, units, gain, tau, rng, f_in, f_out):
        self.J = gain / np.sqrt(units) * rng.standard_normal((units, units))
        u_out = rng.uniform(-1, 1, units)
        u_in = rng.uniform(-1, 1, units)
        self.x0 = rng.standard_normal(units)
        self.decay = np.exp(-DT / tau)
        # the drive of every step, once: rows u_out f_out(t) and u_out f_out(t) + u_in f_in(t)
        self.drive_out = np.outer(f_out, u_out)
        self.drive_all = self.drive_out + np.outer(f_in, u_in)
        self.u_in = u_in
        self.x = np.empty(units)
        self.r = np.empty(units)
        self.inf = np.empty(units)

    def reset(self):
        self.x[:] = self.x0
        np.tanh(self.x, out=self.r)

    def step(self, t, f_j):
        """Writes f_J of step t into f_j (the teacher, before the update), then advances x one step."""
        np.dot(self.J, self.r, out=f_j)
        inf = self.inf
        np.add(f_j, self.drive_all[t], out=inf)
        f_j += self.drive_out[t]
        x = self.x
        np.subtract(x, inf, out=x)  # x = inf + (x - inf) * decay
        x *= self.decay
        x += inf
        np.tanh(x, out=self.r)


def principal_components(cov, frac):
    """The fewest leading eigenvectors of the uncentred second moment whose eigenvalue fraction exceeds frac."""
    vals, vecs = np.linalg.eigh(cov)
    vals, vecs = np.clip(vals[::-1], 0, None), vecs[:, ::-1]
    keep = int(np.searchsorted(np.cumsum(vals) / vals.sum(), frac, side="right")) + 1
    pcs = vecs[:, :keep]
    # sign: each component's largest entry positive, as in the Java code (it does not change the method)
    pcs *= np.sign(pcs[np.abs(pcs).argmax(axis=0), np.arange(keep)])
    return np.ascontiguousarray(pcs.T)  # [pcs][units]


class Spiking:
    """N LIF neurons, tau_m dV/dt = -V + V_inf, with the factor feedback, global fast inhibition and input."""

    def __init__(self, p, pcs, rate, rng):
        n, units = p.neurons, pcs.shape[1]
        q, _ = np.linalg.qr(rng.uniform(-1, 1, (n, units)))  # orthonormal columns (N >= units)
        u = p.gz * q
        self.feedback_w = np.ascontiguousarray(u @ pcs.T)  # U uPC, [N][pcs]
        self.input_w = u @ rate.u_in  # U u_in, [N]
        self.trained = np.sort(rng.permutation(n)[: int(round(p.trained_fraction * n))])
        self.position = np.full(n, -1)
        self.position[self.trained] = np.arange(len(self.trained))
        self.v0 = p.v_init * rng.standard_normal(n)
        self.m = len(self.trained)
        self.decay_m = np.exp(-DT / p.tau_m)
        self.decay_f = np.exp(-DT / p.tau_f)
        # one decay per trace: slow traces first, then fast
        self.decay_s = np.concatenate([np.full(self.m, np.exp(-DT / p.tau_s)), np.full(self.m, self.decay_f)])
        self.inh_per_spike = p.mu_f / (p.tau_f * n)
        self.reset_to = p.v_threshold + p.v_reset
        self.threshold = p.v_threshold
        self.v = np.empty(n)
        self.v_inf = np.empty(n)
        self.fb = np.empty(n)
        self.s = np.empty(2 * self.m)
        self.mean_input = np.zeros(n)
        self.inh = 0.0

    def reset(self):
        self.v[:] = self.v0
        self.fb[:] = 0
        self.s[:] = 0
        self.inh = 0.0

    def step(self, input_drive_t):
        """One step with last step's feedback; returns the indices of the neurons that spiked."""
        v, v_inf = self.v, self.v_inf
        np.subtract(self.fb, self.mean_input, out=v_inf)
        v_inf += self.inh
        v_inf += input_drive_t
        np.subtract(v, v_inf, out=v)  # v = v_inf + (v - v_inf) * decay
        v *= self.decay_m
        v += v_inf
        spikes = np.flatnonzero(v >= self.threshold)
        v[spikes] = self.reset_to
        self.s *= self.decay_s
        k = self.position[spikes]
        k = k[k >= 0]
        self.s[k] += 1
        self.s[k + self.m] += 1
        self.inh = self.inh * self.decay_f + self.inh_per_spike * len(spikes)
        return spikes

    def feedback(self, z_hat):
        np.dot(self.feedback_w, z_hat, out=self.fb)


def run(args):
    trials = dict(zip(("init", "pca", "demean", "rls", "test"), map(int, args.trials.split(","))))
    seeds = np.random.SeedSequence(args.seed).spawn(4)
    rate_rng, spike_rng, coin_rng, _ = (np.random.default_rng(s) for s in seeds)
    f_in, f_out = oscillation_trial()
    steps = len(f_out)
    rate = RateNetwork(args.rate_units, args.rate_gain, args.tau_rate, rate_rng, f_in, f_out)
    units = args.rate_units
    f_j = np.empty(units)
    times = {}

    # 1. PCA phase: the rate network only; Σ f_J f_Jᵀ over the counted trials, one GEMM per trial
    t0 = time.perf_counter()
    rate.reset()
    rows = np.empty((steps, units))
    cov = np.zeros((units, units))
    block = np.empty((units, units))
    for trial in range(trials["init"] + trials["pca"]):
        for t in range(steps):
            rate.step(t, rows[t])
        if trial >= trials["init"]:
            np.dot(rows.T, rows, out=block)
            cov += block
    pcs = principal_components(cov, args.frac_pca)
    factors = len(pcs)
    times["PCA"] = time.perf_counter() - t0

    net = Spiking(args, pcs, rate, spike_rng)
    input_drive = np.outer(f_in, net.input_w)  # U u_in f_in(t), [steps][N]
    two_m = 2 * net.m
    f_pc = np.empty(factors)
    out_all = np.empty(factors + 1)  # [z_hat; z]
    weights = np.zeros((factors + 1, two_m))  # [W; w]
    p_mat = np.eye(two_m) / args.rls_alpha
    ps = np.empty(two_m)
    outer = np.empty((two_m, two_m))
    err = np.empty(factors + 1)

    def phase(name, counted, teach_counted, learn, demean):
        """Settling trials with teacher forcing, then counted ones; returns nMSE per counted trial and spikes."""
        start = time.perf_counter()
        rate.reset()
        net.reset()
        mean_sum = np.zeros(args.neurons)
        mean_steps = 0
        nmse = []
        spikes_total = 0
        for trial in range(trials["init"] + counted):
            is_counted = trial >= trials["init"]
            teach = not is_counted or teach_counted
            need_teacher = not is_counted or name != "test"
            updates = coin_rng.random(steps) < 1.0 / args.dt_rls if (learn and is_counted) else None
            e_sum = t_sum = 0.0
            for t in range(steps):
                if need_teacher:
                    rate.step(t, f_j)
                    np.dot(pcs, f_j, out=f_pc)
                spikes = net.step(input_drive[t])
                if teach:
                    out_all[:factors] = f_pc
                    out_all[factors] = f_out[t]
                else:
                    np.dot(weights, net.s, out=out_all)
                net.feedback(out_all[:factors])
                if not is_counted:
                    continue
                spikes_total += len(spikes)
                e = out_all[factors] - f_out[t]
                e_sum += e * e
                t_sum += f_out[t] * f_out[t]
                if demean:
                    mean_sum += net.fb
                    mean_steps += 1
                if updates is not None and updates[t]:
                    # RLS: k = P s / (1 + sᵀ P s), P -= (P s) kᵀ, [W; w] -= e kᵀ
                    np.dot(p_mat, net.s, out=ps)
                    c = 1.0 / (1.0 + net.s @ ps)
                    np.subtract(out_all[:factors], f_pc, out=err[:factors])
                    err[factors] = e
                    k = c * ps  # the gain
                    np.outer(ps, k, out=outer)  # in place: two passes over P, no temporaries
                    np.subtract(p_mat, outer, out=p_mat)
                    np.subtract(weights, np.outer(err, k), out=weights)
            if is_counted:
                nmse.append(e_sum / t_sum)
                if demean:  # the running mean, applied from the next trial on
                    np.divide(mean_sum, mean_steps, out=net.mean_input)
        times[name] = time.perf_counter() - start
        return np.array(nmse), spikes_total

    phase("demean", trials["demean"], True, False, True)
    phase("RLS", trials["rls"], False, True, False)
    test, spikes = phase("test", trials["test"], False, False, False)
    rate_hz = spikes / (args.neurons * trials["test"] * steps * DT)
    return test, rate_hz, factors, times


def main():
    a = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    a.add_argument("--seed", type=int, default=1)
    a.add_argument("--trials", default="50,300,300,500,100", help="init,pca,demean,rls,test")
    a.add_argument("--neurons", type=int, default=500)
    a.add_argument("--rate-units", dest="rate_units", type=int, default=500)
    a.add_argument("--rate-gain", dest="rate_gain", type=float, default=1.4)
    a.add_argument("--tau-rate", dest="tau_rate", type=float, default=0.01)
    a.add_argument("--frac-pca", dest="frac_pca", type=float, default=0.999)
    a.add_argument("--gz", type=float, default=6.0)
    a.add_argument("--mu-f", dest="mu_f", type=float, default=-0.3)
    a.add_argument("--trained-fraction", dest="trained_fraction", type=float, default=0.4)
    a.add_argument("--tau-m", dest="tau_m", type=float, default=0.01)
    a.add_argument("--tau-s", dest="tau_s", type=float, default=0.1)
    a.add_argument("--tau-f", dest="tau_f", type=float, default=0.005)
    a.add_argument("--v-threshold", dest="v_threshold", type=float, default=0.0)
    a.add_argument("--v-reset", dest="v_reset", type=float, default=-10.0)
    a.add_argument("--v-init", dest="v_init", type=float, default=0.001)
    a.add_argument("--dt-rls", dest="dt_rls", type=float, default=10.0)
    a.add_argument("--rls-alpha", dest="rls_alpha", type=float, default=1.0)
    args = a.parse_args()
    if args.neurons < args.rate_units:
        a.error("this version needs --neurons >= --rate-units (Q with orthonormal columns)")
    start = time.perf_counter()
    test, rate_hz, factors, times = run(args)
    print("phases (wall s): " + ", ".join(f"{k} {v:.2f}" for k, v in times.items()))
    print(f"PCs: {factors}, wall {time.perf_counter() - start:.2f} s")
    print(f"test nMSE median / mean / p90: {np.median(test):.5f} / {test.mean():.5f} / {np.percentile(test, 90):.4f}")
    print(f"median test nMSE: {np.median(test):.5f}, mean firing rate: {rate_hz:.2f} Hz")


if __name__ == "__main__":
    main()
