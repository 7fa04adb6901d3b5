/**
 * Scores of a clustering against a gold one, as story-clustering papers report them: pairwise
 * precision / recall / F1 over item pairs, and BCubed (per item, averaged).
 */

export interface ClusterScores {
  pairwise: { precision: number; recall: number; f1: number };
  bcubed: { precision: number; recall: number; f1: number };
  goldClusters: number;
  predictedClusters: number;
}

/** Pairwise and BCubed precision/recall/F1 of a predicted clustering against a gold one. */
export function clusterScores(
  gold: ReadonlyMap<string, string>,
  predicted: ReadonlyMap<string, string | number>,
): ClusterScores {
  const ids = [...gold.keys()];
  const members = (m: ReadonlyMap<string, string | number>) => {
    const out = new Map<string | number, Set<string>>();
    for (const id of ids) {
      const c = m.get(id) ?? `alone:${id}`;
      const set = out.get(c) ?? new Set<string>();
      set.add(id);
      out.set(c, set);
    }
    return out;
  };
  const goldSets = members(gold);
  const predSets = members(predicted);
  const goldOf = (id: string) => goldSets.get(gold.get(id) as string) as Set<string>;
  const predOf = (id: string) => predSets.get(predicted.get(id) ?? `alone:${id}`) as Set<string>;

  let bp = 0;
  let br = 0;
  let both = 0;
  for (const id of ids) {
    const g = goldOf(id);
    const p = predOf(id);
    let common = 0;
    for (const x of p) if (g.has(x)) common++;
    bp += common / p.size;
    br += common / g.size;
    both += common - 1; // ordered pairs (id, x≠id) in the same cluster in both
  }
  const pairs = (sets: Map<string | number, Set<string>>) => {
    let n = 0;
    for (const s of sets.values()) n += s.size * (s.size - 1);
    return n;
  };
  const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
  const pp = pairs(predSets) ? both / pairs(predSets) : 1;
  const pr = pairs(goldSets) ? both / pairs(goldSets) : 1;
  const bP = bp / ids.length;
  const bR = br / ids.length;
  return {
    pairwise: { precision: pp, recall: pr, f1: f1(pp, pr) },
    bcubed: { precision: bP, recall: bR, f1: f1(bP, bR) },
    goldClusters: goldSets.size,
    predictedClusters: predSets.size,
  };
}
