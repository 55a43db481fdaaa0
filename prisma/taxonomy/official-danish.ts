// ESCO's official Danish files, when a municipality has dropped them into the
// data folder (skills_da.csv, occupations_da.csv, keyed by concept URI), give
// Danish labels even where the rest of the data is the shared English set.
// They win over Jobbro's own translations (ADR 021). The official release read
// with all its Danish files already carries them; this adds the case where only
// the Danish label files are present.
import { existsSync } from "node:fs";
import { readOccupations } from "./read-occupations";
import { readSkills } from "./read-official-format";
import { escoFile, type LocatedSources } from "./source-files";
import type { TaxonomyData } from "./types";

export function withOfficialDanishLabels(located: LocatedSources, data: TaxonomyData): TaxonomyData {
  const files = [...data.files];
  const skillsFile = escoFile(located, "skills_da.csv");
  const occupationsFile = escoFile(located, "occupations_da.csv");
  let { skills, occupations } = data;

  if (existsSync(skillsFile.path) && !files.includes(skillsFile.displayName)) {
    const byUri = readSkills(skillsFile);
    files.push(skillsFile.displayName);
    skills = skills.map((s) => {
      const da = s.escoUri && !s.labelDa ? byUri.get(s.escoUri) : undefined;
      return da ? { ...s, labelDa: da.label, altLabelsDa: da.altLabels } : s;
    });
  }
  if (existsSync(occupationsFile.path) && !files.includes(occupationsFile.displayName)) {
    const byUri = readOccupations(occupationsFile);
    files.push(occupationsFile.displayName);
    occupations = occupations.map((o) => {
      const da = o.labelDa ? undefined : byUri.get(o.escoUri);
      return da ? { ...o, labelDa: da.label, altLabelsDa: da.altLabels } : o;
    });
  }
  return { ...data, files, skills, occupations };
}
