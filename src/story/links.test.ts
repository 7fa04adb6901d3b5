import { describe, expect, it } from 'vitest';
import type { StoredRelation } from '../store/store.js';
import { linkFeatureNames, linkFeatures } from './links.js';

const rel = (
  a: string,
  b: string,
  type: StoredRelation['type'] = 'same-story',
  similarity = 0.4,
): StoredRelation => ({
  a,
  b,
  type,
  direction: 'unknown',
  coverageA: 0.2,
  coverageB: 0.5,
  similarity,
  evidence: [],
});

const feature = (row: number[], name: (typeof linkFeatureNames)[number]) =>
  row[linkFeatureNames.indexOf(name)];

describe('linkFeatures', () => {
  // a, b, c report one event and are all related; d is tied to c alone.
  const relations = [
    rel('a', 'b', 'rewrite'),
    rel('a', 'c'),
    rel('b', 'c'),
    rel('c', 'd', 'partial-reuse', 0.3),
  ];
  const rows = linkFeatures(relations);

  it('describes the pair itself', () => {
    expect(rows[0]).toHaveLength(linkFeatureNames.length);
    expect(feature(rows[0], 'derived')).toBe(1);
    expect(feature(rows[3], 'partialReuse')).toBe(1);
    expect(feature(rows[3], 'similarity')).toBe(0.3);
    expect(feature(rows[0], 'coverageMin')).toBe(0.2);
    expect(feature(rows[0], 'coverageMax')).toBe(0.5);
    expect(feature(rows[0], 'log coverageMax')).toBeCloseTo(Math.log(1.5));
  });

  it('scores pairs whose other relations coincide above pairs whose do not', () => {
    // a–b share their one other neighbour (c); c–d share none.
    expect(feature(rows[0], 'neighbourJaccard')).toBe(1);
    expect(feature(rows[0], 'weightedJaccard')).toBe(1);
    expect(feature(rows[0], 'neighbourCosine')).toBeCloseTo(1);
    expect(feature(rows[3], 'neighbourJaccard')).toBe(0);
    expect(feature(rows[3], 'log adamicAdar')).toBe(0);
    expect(feature(rows[3], 'log degreeMin')).toBeCloseTo(Math.log(2));
    expect(feature(rows[3], 'log degreeMax')).toBeCloseTo(Math.log(4));
    expect(linkFeatureNames).not.toContain('degreeMax');
  });
});
