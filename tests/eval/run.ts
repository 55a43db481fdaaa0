// `npm run eval:matching`: the labelled matching cases against the local
// services, then the ESCO-grounded relevance evaluation (esco-relevance.ts) in
// the same scratch database and index prefix, both removed afterwards. Prints
// each case, each ESCO vacancy and the totals; ends with the two lines
// "pairwise accuracy: X" and "ndcg@10: Y". Exits 1 when any exclusion fails
// (or when an ESCO vacancy's pool was not cleaned up).
import { EVAL_CASES } from "./cases";
import { runInScratch } from "./scratch";

await runInScratch("eval", async ({ db, admin, search: searchClient, dataDir }) => {
  const { setupIndexes } = await import("../../search/setup");
  const { runCase, seedEvalTaxonomy, summarise } = await import("./evaluate");
  const { describePool, describeSummary, prepareEscoEval, runEscoEval } = await import("./esco-relevance");
  let exitCode = 0;
  await setupIndexes(admin);
  await seedEvalTaxonomy(db, admin);
  const search = await searchClient();
  const labels = new Map<string, string>();
  const results = [];
  for (const c of EVAL_CASES) {
    const r = await runCase(c, { db, admin, search, labels });
    results.push(r);
    const ok = r.problems.length === 0;
    console.log(`${ok ? "✔" : "✘"} ${c.name}  (orderings ${r.pairsCorrect}/${r.pairs}, rules ${r.exclusionsHeld}/${r.exclusions})`);
    for (const p of r.problems) console.log(`    ${p}`);
  }
  const s = summarise(results);
  console.log(`\n${s.cases} cases; expected orderings ${s.pairsCorrect}/${s.pairs}; exclusions and upskilling rules held ${s.exclusionsHeld}/${s.exclusions}`);
  if (s.exclusionsHeld < s.exclusions) exitCode = 1;

  // The ESCO evaluation imports the whole taxonomy into the same database; the
  // cases above have removed their worlds, so their eval skills may go.
  const escoStarted = Date.now();
  await prepareEscoEval(db, admin, dataDir);
  console.log(`\nESCO relevance evaluation (taxonomy from ${dataDir} imported in ${((Date.now() - escoStarted) / 1000).toFixed(1)} s)`);
  const esco = await runEscoEval({ db, admin, search }, { onPool: (r) => console.log(describePool(r)) });
  console.log(`ESCO evaluation took ${((Date.now() - escoStarted) / 1000).toFixed(1)} s\n`);
  for (const line of describeSummary(esco.summary)) console.log(line);
  console.log(`pairwise accuracy: ${s.accuracy.toFixed(3)}`);
  console.log(`ndcg@10: ${esco.summary.ndcg10.toFixed(3)}`);
  // A pool left behind would leak into the next ones: the figures cannot be trusted.
  if (!esco.summary.allCleanedUp) exitCode = 1;
  return exitCode;
});
