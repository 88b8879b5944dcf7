import { percentile } from '../scripts/percentiles.js';
import type { CategoryRow, Share } from './scoring.js';
import { NOISE, TARGETS, type Target } from './thresholds.js';

/** What one run measured; null where that part was not run. */
export interface Measurements {
  /** Per-category rows, then "all". */
  dev: CategoryRow[] | null;
  holdout: CategoryRow[] | null;
  metamorphic: { variants: number; stable: number } | null;
  /** Milliseconds of every answer of dev and holdout. */
  latencyMs: number[] | null;
}

export interface Verdict {
  targetId: string;
  /** The target's label, with the category where the target is per category. */
  label: string;
  unit: 'share' | 'points' | 'ms';
  value: number | null;
  threshold: number;
  direction: 'atLeast' | 'atMost';
  /** How far on the good side of the threshold (negative: below it). */
  margin: number | null;
  /** The smallest margin that is not noise for this measurement. */
  noise: number | null;
  status: 'met' | 'NOT MET' | 'not run';
  gating: boolean;
  inNoise: boolean;
}

interface Reading {
  label: string;
  value: number;
  /** How many cases (or variants) the value is over; null for latencies. */
  of: number | null;
}

function readingsOf(target: Target, m: Measurements): Reading[] | null {
  const measure = target.measure;
  if (measure.of === 'metamorphic') {
    if (!m.metamorphic || m.metamorphic.variants === 0) return null;
    return [{ label: target.label, value: m.metamorphic.stable / m.metamorphic.variants, of: m.metamorphic.variants }];
  }
  if (measure.of === 'latency') {
    if (!m.latencyMs?.length) return null;
    return [{ label: target.label, value: percentile(m.latencyMs, measure.metric === 'p50' ? 50 : 99), of: null }];
  }
  const rows = measure.of === 'dev' ? m.dev : m.holdout;
  if (!rows) return null;
  const picked = measure.scope === 'all' ? rows.filter((r) => r.category === 'all') : rows.filter((r) => r.category !== 'all');
  return picked.flatMap((row): Reading[] => {
    const label = measure.scope === 'all' ? target.label : `${target.label} [${row.category}]`;
    if (measure.metric === 'recallAt3OverBaseline') {
      if (!row.retrieval || !row.baselineRetrieval) return [];
      return [{ label, value: row.retrieval.recallAt3 - row.baselineRetrieval.recallAt3, of: row.retrieval.cases }];
    }
    if (measure.metric === 'recallAt3') {
      return row.retrieval ? [{ label, value: row.retrieval.recallAt3, of: row.retrieval.cases }] : [];
    }
    const s: Share | null = row[measure.metric];
    return s ? [{ label, value: s.value, of: s.of }] : [];
  });
}

/** Every target's verdict(s) on a run, with its margin and whether that margin is inside the noise. Pure. */
export function evaluateTargets(m: Measurements, options: { gateAll?: boolean } = {}, targets: readonly Target[] = TARGETS): Verdict[] {
  return targets.flatMap((target): Verdict[] => {
    const direction = 'atLeast' in target.bound ? 'atLeast' : 'atMost';
    const threshold = 'atLeast' in target.bound ? target.bound.atLeast : target.bound.atMost;
    const unit = target.measure.of === 'latency' ? 'ms' : target.measure.metric === 'recallAt3OverBaseline' ? 'points' : 'share';
    const gating = target.gating || options.gateAll === true;
    const readings = readingsOf(target, m);
    if (!readings || readings.length === 0) {
      return [{ targetId: target.id, label: target.label, unit, value: null, threshold, direction, margin: null, noise: null, status: 'not run', gating, inNoise: false }];
    }
    return readings.map((r) => {
      const margin = direction === 'atLeast' ? r.value - threshold : threshold - r.value;
      const noise = r.of === null ? threshold * NOISE.latencyFraction : Math.max(NOISE.minimumShare, 1 / r.of);
      // Float dust (0.97 - 0.97) must not read as a miss.
      const met = margin >= -1e-9;
      return {
        targetId: target.id, label: r.label, unit, value: r.value, threshold, direction, margin, noise,
        status: met ? 'met' : 'NOT MET', gating, inNoise: met && margin < noise - 1e-9,
      };
    });
  });
}

/** The verdicts that fail the gate (gating and not met); empty: the gate passes. */
export function gateFailures(verdicts: readonly Verdict[]): Verdict[] {
  return verdicts.filter((v) => v.gating && v.status === 'NOT MET');
}

const fixed = (v: number, digits: number) => (Math.abs(v) < 5e-10 ? 0 : v).toFixed(digits);

/** "97.4%", "+2.6 pts", "1.8 ms" as the report prints a verdict's numbers. */
export function formatValue(unit: Verdict['unit'], v: number | null): string {
  if (v === null) return '–';
  if (unit === 'ms') return `${fixed(v, 1)} ms`;
  if (unit === 'points') return `${v >= 0 ? '+' : '−'}${fixed(Math.abs(v) * 100, 1)} pts`;
  return `${fixed(v * 100, 1)}%`;
}

export function formatMargin(v: Verdict): string {
  if (v.margin === null) return '–';
  const sign = v.margin >= 0 ? '+' : '−';
  const size = Math.abs(v.margin);
  return v.unit === 'ms' ? `${sign}${fixed(size, 1)} ms` : `${sign}${fixed(size * 100, 1)} pts`;
}

/** One line for a verdict, e.g. "dev numeric exact-match 97.0% < 100.0% (NOT MET, gating)". */
export function describeVerdict(v: Verdict): string {
  const op = v.direction === 'atLeast' ? (v.status === 'NOT MET' ? '<' : '≥') : (v.status === 'NOT MET' ? '>' : '≤');
  if (v.status === 'not run') return `${v.label}: not run`;
  return `${v.label} ${formatValue(v.unit, v.value)} ${op} ${formatValue(v.unit === 'points' ? 'points' : v.unit, v.threshold)}`;
}

/** The flag column: why a met target is still fragile, or that a miss is only reported. */
export function verdictFlag(v: Verdict): string {
  if (v.status === 'not run') return '';
  if (v.status === 'NOT MET') return v.gating ? 'FAILS THE GATE' : 'NOT MET (reported, not yet gating)';
  if (!v.inNoise) return '';
  if (v.margin !== null && v.margin <= 1e-9 && v.direction === 'atLeast' && v.threshold >= 1) return 'at the ceiling: one miss fails';
  return `margin inside the noise (< ${v.unit === 'ms' ? `${fixed(v.noise ?? 0, 1)} ms` : `${fixed((v.noise ?? 0) * 100, 1)} pts`})`;
}
