/**
 * Which facts two articles share, which only one has, and which conflict (the same kind of fact
 * with a different value), plus meaning changes between two sentences aligned as one.
 */
import { TokenFlag, TokenKind, tokenize } from '../text/tokens.js';
import type { Fact, FactKind } from './extract.js';

export interface FactComparison {
  shared: Array<{ text: string; kind: FactKind; a: Fact; b: Fact }>;
  onlyA: Array<{ text: string; kind: FactKind; fact: Fact }>;
  onlyB: Array<{ text: string; kind: FactKind; fact: Fact }>;
  conflicts: Array<{ kind: FactKind; a: string; b: string; reason: string }>;
}

const NAME_KINDS = new Set<FactKind>(['person', 'organization', 'place', 'entity']);
const NUMERIC = new Set<FactKind>(['number', 'money', 'percent']);

/** One fact per key, the first mention kept. */
function distinct(facts: readonly Fact[]): Fact[] {
  const seen = new Map<string, Fact>();
  for (const f of facts) if (!seen.has(f.key)) seen.set(f.key, f);
  return [...seen.values()];
}

/**
 * Per-fact derived forms, memoised by identity: a fact is compared with every fact of the other
 * article, and recomputing its parts each time dominated comparing facts. Invisible to callers.
 */
const partsMemo = new WeakMap<Fact, string[]>();
const wordsMemo = new WeakMap<Fact, Set<string>>();

function nameParts(f: Fact): string[] {
  let parts = partsMemo.get(f);
  if (!parts) {
    parts = computeNameParts(f);
    partsMemo.set(f, parts);
  }
  return parts;
}

function computeNameParts(f: Fact): string[] {
  return f.text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[\s]+/)
    .map((p) => p.replace(/[^a-z0-9]/g, ''))
    .filter((p) => p && !['of', 'and', 'for', 'the'].includes(p));
}

function initials(f: Fact): string {
  return nameParts(f)
    .map((p) => p[0])
    .join('');
}

function sameName(a: Fact, b: Fact): boolean {
  if (a.key === b.key) return true;
  const ka = a.key.slice(5);
  const kb = b.key.slice(5);
  // Surname or shortened form: "Kakar" = "Anwaarul Haq Kakar", "Putin" = "Vladimir Putin".
  const pa = nameParts(a);
  const pb = nameParts(b);
  if (
    pa.length &&
    pb.length &&
    (a.kind === 'person' || b.kind === 'person' || a.kind === 'entity' || b.kind === 'entity')
  ) {
    const lastA = pa[pa.length - 1];
    const lastB = pb[pb.length - 1];
    if (
      lastA === lastB &&
      lastA.length > 2 &&
      (pa.length === 1 || pb.length === 1 || ka.endsWith(kb) || kb.endsWith(ka))
    ) {
      return true;
    }
  }
  // Acronyms: "BRF" = "Belt and Road Forum".
  if (/^[A-Z]{2,6}$/.test(a.text) && pb.length >= 2) return initials(b) === a.text.toLowerCase();
  if (/^[A-Z]{2,6}$/.test(b.text) && pa.length >= 2) return initials(a) === b.text.toLowerCase();
  // Longer names containing the other whole: "Third Belt and Road Forum for International Cooperation".
  return ka.length >= 6 && kb.length >= 6 && (ka.includes(kb) || kb.includes(ka));
}

function sameNumber(a: Fact, b: Fact): boolean {
  if (a.value === undefined || b.value === undefined) return false;
  const close = Math.abs(a.value - b.value) <= 1e-9 * Math.max(Math.abs(a.value), 1);
  if (!close) return false;
  const ordA = a.key.startsWith('ord:');
  const ordB = b.key.startsWith('ord:');
  if (ordA !== ordB) return false;
  if (!a.unit || !b.unit || a.unit === b.unit || ordA) return true;
  // "48,000 cars" = "48,000 vehicles": a counted noun is reworded freely; "5 km" ≠ "5 miles".
  return !(MEASURES.has(a.unit) && MEASURES.has(b.unit));
}

const MEASURES = new Set(
  `% percent km kilometer kilometre mile metre meter cm mm kg kilogram gram ton tonne pound ounce mw gw kw kwh
megawatt gigawatt kilowatt hectare acre liter litre gallon barrel degree celsius fahrenheit second minute hour day
week month year decade century usd eur gbp jpy cny inr pkr rub dollar euro pound yen yuan rupee ruble`.split(
    /\s+/,
  ),
);

function words(f: Fact): Set<string> {
  let w = wordsMemo.get(f);
  if (!w) {
    w = new Set(f.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
    wordsMemo.set(f, w);
  }
  return w;
}

function sameQuote(a: Fact, b: Fact): boolean {
  const wa = words(a);
  const wb = words(b);
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / (wa.size + wb.size - common || 1) >= 0.6;
}

function matches(a: Fact, b: Fact): boolean {
  if (a.kind === 'quote' || b.kind === 'quote') return a.kind === b.kind && sameQuote(a, b);
  if (NUMERIC.has(a.kind) && NUMERIC.has(b.kind)) return sameNumber(a, b);
  if (NAME_KINDS.has(a.kind) && NAME_KINDS.has(b.kind)) return sameName(a, b);
  return a.kind === b.kind && a.key === b.key;
}

export function compareFacts(a: readonly Fact[], b: readonly Fact[]): FactComparison {
  const da = distinct(a);
  const db = distinct(b);
  const matchedB = new Set<number>();
  const shared: FactComparison['shared'] = [];
  const onlyA: FactComparison['onlyA'] = [];
  for (const fa of da) {
    const j = db.findIndex((fb) => matches(fa, fb));
    if (j >= 0) {
      matchedB.add(j);
      // Mark every B fact this one matches (a full name matches the surname too).
      db.forEach((fb, k) => {
        if (k !== j && matches(fa, fb)) matchedB.add(k);
      });
      shared.push({ text: fa.text, kind: fa.kind, a: fa, b: db[j] });
    } else onlyA.push({ text: fa.text, kind: fa.kind, fact: fa });
  }
  const onlyB = db
    .filter((_, k) => !matchedB.has(k))
    .map((fact) => ({ text: fact.text, kind: fact.kind, fact }));
  // A surname on A's side matched by a full name on B's counts as shared, not as only-A.
  const sharedA = onlyA.filter((x) => !shared.some((s) => matches(x.fact, s.b)));
  return { shared, onlyA: sharedA, onlyB, conflicts: conflictsOf(sharedA, onlyB) };
}

/**
 * Two unmatched numbers of the same unit — "500 people killed" vs "50 people killed" — conflict.
 * Conservative: the unit must be a real noun on both sides and the values must differ.
 */
function conflictsOf(
  onlyA: FactComparison['onlyA'],
  onlyB: FactComparison['onlyB'],
): FactComparison['conflicts'] {
  const out: FactComparison['conflicts'] = [];
  for (const x of onlyA) {
    const fa = x.fact;
    if (!NUMERIC.has(fa.kind) || !fa.unit || fa.key.startsWith('ord:')) continue;
    for (const y of onlyB) {
      const fb = y.fact;
      if (fb.kind !== fa.kind || fb.unit !== fa.unit || fb.key.startsWith('ord:')) continue;
      if (fa.value !== fb.value) {
        out.push({
          kind: fa.kind,
          a: fa.text,
          b: fb.text,
          reason: `different ${fa.unit === '%' ? 'percentage' : fa.unit} figures`,
        });
      }
    }
  }
  return out;
}

/**
 * Meaning changes between two passages aligned as saying the same thing: a negation present on
 * one side only, or a number that differs.
 */
export function meaningChanges(a: string, b: string): Array<{ kind: 'negation' | 'number'; detail: string }> {
  const ta = tokenize(a);
  const tb = tokenize(b);
  const out: Array<{ kind: 'negation' | 'number'; detail: string }> = [];
  const negations = (t: ReturnType<typeof tokenize>) => {
    let n = 0;
    for (let k = 0; k < t.count; k++) if (t.flags[k] & TokenFlag.Negation) n++;
    return n;
  };
  const na = negations(ta);
  const nb = negations(tb);
  if (na > 0 !== nb > 0) {
    out.push({ kind: 'negation', detail: na > 0 ? 'A negates what B affirms' : 'B negates what A affirms' });
  }
  const numbers = (t: ReturnType<typeof tokenize>, text: string) => {
    const m = new Map<number, string>();
    for (let k = 0; k < t.count; k++) {
      if (t.kind[k] === TokenKind.Number && /\d/.test(text.slice(t.start[k], t.end[k]))) {
        m.set(t.value[k], text.slice(t.start[k], t.end[k]));
      }
    }
    return m;
  };
  const xa = numbers(ta, a);
  const xb = numbers(tb, b);
  const missingA = [...xa].filter(([v]) => !xb.has(v));
  const missingB = [...xb].filter(([v]) => !xa.has(v));
  if (missingA.length && missingB.length) {
    out.push({
      kind: 'number',
      detail: `${missingA.map(([, s]) => s).join(', ')} in A, ${missingB.map(([, s]) => s).join(', ')} in B`,
    });
  }
  return out;
}
