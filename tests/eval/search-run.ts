// `npm run eval:search`: the Danish search evaluation against the local
// services, in a scratch database and index prefix that are removed afterwards
// (scratch.ts). Prints every case and ends with "top-3 accuracy: X". Exits 1
// below the target or when one of the 20 most common unskilled job titles fails.
import { runInScratch } from "./scratch";
import { SEARCH_CASES } from "./search-cases";

await runInScratch("evalsearch", async ({ db, admin, search, dataDir }) => {
  const { describeResult, prepareSearchEval, runSearchCases, summariseSearch, TARGET_ACCURACY } = await import("./search-evaluate");
  const started = Date.now();
  await prepareSearchEval(db, admin, dataDir);
  console.log(`Taxonomy imported and indexed from ${dataDir} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const results = await runSearchCases(SEARCH_CASES, { db, search });
  for (const r of results) console.log(describeResult(r));
  const s = summariseSearch(results);
  console.log(`\n${s.cases} queries, ${s.passed} with the expected concept in the top 3`);
  for (const [form, f] of Object.entries(s.byForm)) console.log(`  ${form.padEnd(13)} ${f.passed}/${f.cases}`);
  console.log(`common unskilled job titles failed: ${s.commonFailed.length ? s.commonFailed.join(", ") : "none"}`);
  console.log(`top-3 accuracy: ${s.accuracy.toFixed(3)}`);
  return s.accuracy < TARGET_ACCURACY || s.commonFailed.length > 0 ? 1 : 0;
});
