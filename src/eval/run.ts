/**
 * `npm run eval`: newstrace measured on real, third-party data in ../shared/eval/, each task with
 * the metric its authors used. Sections whose data is absent are skipped with a message.
 *
 *   node dist/eval/run.js [--only mrpc,meter,sentences,extraction,pages,stories,derived]
 *   (meter: pairwise, then the collection ingested as a corpus; pages: Dragnet's pages ingested
 *   as a crawl, their derived relations checked against the annotated article texts)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { articleFromText } from '../article/build.js';
import { compareArticles } from '../compare/compare.js';
import { defaultContext } from '../compare/context.js';
import { evalSentenceSplitting } from '../text/sentences.eval.js';
import { evalDerived, type Tally } from './derived.js';
import { newstraceExtractor, readabilityExtractor, readDragnet, scoreExtractor } from './extraction.js';
import { evalMeter } from './meter.js';
import { evalMeterCorpus } from './meter-corpus.js';
import { binaryScores, readMrpc } from './mrpc.js';
import { evalPageRelations } from './page-relations.js';
import { evalStories } from './stories.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
export const sharedDir = process.env.NEWSTRACE_SHARED ?? join(repo, '..', 'shared');

const paraphraseTypes = new Set(['duplicate', 'near-duplicate', 'rewrite']);

function runMrpc(): void {
  const ctx = defaultContext();
  const pairs = readMrpc(sharedDir, 'val');
  const started = performance.now();
  const predicted = pairs.map((p) =>
    paraphraseTypes.has(compareArticles(articleFromText(p.a), articleFromText(p.b), ctx).relation.type)
      ? 1
      : 0,
  );
  const ms = performance.now() - started;
  const { accuracy, f1 } = binaryScores(
    pairs.map((p) => p.label),
    predicted,
  );
  console.log(
    `MRPC val (${pairs.length} pairs, model trained on train): accuracy ${accuracy.toFixed(4)}  F1 ${f1.toFixed(4)}` +
      `   [${(pairs.length / (ms / 1000)).toFixed(0)} pairs/s through compare()]`,
  );
}

function runExtraction(): void {
  const pages = readDragnet(sharedDir);
  console.log(
    `Article extraction on Dragnet (${pages.length} pages), multisets of 4-word shingles, P and R averaged over pages, F1 of the two:`,
  );
  for (const [name, extract] of [
    ['newstrace', newstraceExtractor],
    ['Readability.js + linkedom', readabilityExtractor],
  ] as const) {
    const s = scoreExtractor(pages, extract);
    console.log(
      `  ${name.padEnd(26)} P ${s.precision.toFixed(4)}  R ${s.recall.toFixed(4)}  F1 ${s.f1.toFixed(4)}` +
        `   [${s.pagesPerSecond.toFixed(0)} pages/s]`,
    );
  }
}

function runMeter(): void {
  const r = evalMeter(sharedDir, defaultContext());
  console.log(
    `METER showbiz (${r.count} articles): 3-class macro-F1 ${r.macroF1.toFixed(4)}  ` +
      `derived-vs-non macro-F1 ${r.derivedF1.toFixed(4)}`,
  );
  console.log(
    `  F1 per class: ${Object.entries(r.classF1)
      .map(([label, f1]) => `${label} ${f1.toFixed(4)}`)
      .join('  ')}`,
  );
  console.log(`  confusion (gold → predicted): ${JSON.stringify(r.confusion)}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { only: { type: 'string' } },
  });
  const only = values.only ? new Set(values.only.split(',')) : undefined;
  const want = (name: string) => !only || only.has(name);
  const has = (rel: string) => {
    const ok = existsSync(join(sharedDir, 'eval', rel));
    if (!ok) console.log(`skipped ${rel}: ${join(sharedDir, 'eval', rel)} is absent`);
    return ok;
  };
  console.log(`newstrace eval on ${sharedDir}/eval\n`);
  if (want('mrpc') && has('paraphrase/mrpc')) runMrpc();
  if (want('meter') && has('reuse/meter-showbiz')) {
    runMeter();
    const r = await evalMeterCorpus(sharedDir, defaultContext());
    console.log(
      `METER showbiz as a corpus (its ${r.articles} texts ingested together; each article's strongest stored ` +
        `relation to its agency items): 3-class macro-F1 ${r.macroF1.toFixed(4)}  derived-vs-non ${r.derivedF1.toFixed(4)}; ` +
        `${r.storedPairs} of the ${r.derivedPairs} pairs compare() finds derived were stored`,
    );
  }
  if (want('extraction') && has('extraction/dragnet')) runExtraction();
  if (want('pages') && has('extraction/dragnet')) {
    const r = await evalPageRelations(sharedDir, defaultContext());
    console.log(
      `Relations among Dragnet's pages (${r.pages} HTML pages ingested as a crawl): ${r.derived} derived relations stored ` +
        `(${r.sameSite} within one site), ${r.supported} (${(r.supported / Math.max(r.derived, 1)).toFixed(3)}) ` +
        `supported by the annotated article texts of both pages; ${r.derived - r.supported} rest on page furniture kept`,
    );
  }
  if (want('stories') && has('stories/ecbplus-dev')) {
    const r = await evalStories(sharedDir, defaultContext());
    const f = (x: { precision: number; recall: number; f1: number }) =>
      `P ${x.precision.toFixed(4)}  R ${x.recall.toFixed(4)}  F1 ${x.f1.toFixed(4)}`;
    console.log(
      `Stories on ECB+ dev (${r.documents} documents, ${r.goldClusters} events; ${r.predictedClusters} stories found):\n` +
        `  BCubed   ${f(r.bcubed)}\n  pairwise ${f(r.pairwise)}`,
    );
  }
  if (want('derived')) {
    const r = await evalDerived(2000, defaultContext());
    const cells = (tally: Tally) =>
      Object.entries(tally)
        .map(([kind, [hit, all]]) => `${kind} ${(hit / all).toFixed(3)} (${hit}/${all})`)
        .join(', ');
    const reports = Object.entries(r.independent)
      .map(([type, n]) => `${type} ${n}`)
      .join(', ');
    console.log(
      `Derived pairs in a generated corpus (2,000 articles; the bench's generator):\n` +
        `  recall ${cells(r.recall)}\n` +
        `  precision ${r.precision.toFixed(3)} over ${r.stored} stored derived relations\n` +
        `  independent reports and their original, stored as: ${reports}\n` +
        `  in one story: ${cells(r.together)}`,
    );
  }
  if (want('sentences') && has('stories/ecbplus-dev')) {
    const r = await evalSentenceSplitting(sharedDir);
    console.log(
      `Sentence boundaries on ECB+ dev: precision ${r.precision.toFixed(4)}  recall ${r.recall.toFixed(4)}  F1 ${r.f1.toFixed(4)}`,
    );
  }
}

await main();
