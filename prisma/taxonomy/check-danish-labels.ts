// npm run taxonomy:check-da [-- --dir <data dir>]
// Checks prisma/taxonomy/labels-da/ against the taxonomy in the data folder and
// prints every problem; exit code 1 when there is one.
import { parseArgs } from "node:util";
import { getEnv } from "~/lib/env.server";
import { checkDanishLabels } from "./danish-label-check";
import { ownDanishLabels } from "./danish-labels";
import { readSourceTaxonomy } from "./read-taxonomy";

const { values } = parseArgs({ options: { dir: { type: "string" } } });
const dataDir = values.dir ?? getEnv().JOBBRO_DATA_DIR;
const own = ownDanishLabels();
const source = readSourceTaxonomy(dataDir);
const { problems, counts } = checkDanishLabels(source, own);
for (const problem of problems) console.log(problem);
console.log(
  `Danish labels (skills ${own.skills.version ?? "?"}, occupations ${own.occupations.version ?? "?"}) against ${dataDir}:\n` +
    `  skills:      ${counts.skillsLabelled} of ${counts.skills} labelled, ${counts.skillAlternatives} alternatives\n` +
    `  occupations: ${counts.occupationsLabelled} of ${counts.occupations} labelled, ${counts.occupationAlternatives} alternative titles\n` +
    `  ${problems.length} problem${problems.length === 1 ? "" : "s"}`,
);
process.exit(problems.length === 0 ? 0 : 1);
