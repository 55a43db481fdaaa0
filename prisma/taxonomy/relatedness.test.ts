// The relatedness computation on small hand-made taxonomies: each kind of
// evidence, its direction and strength, the thresholds and the top-K cut.
import { describe, expect, it } from "vitest";
import { skillKeyForLabel } from "./labels";
import {
  computeRelatedness,
  labelWords,
  MAX_SIBLINGS,
  MIN_SHARED_OCCUPATIONS,
  MIN_STRENGTH,
  STRENGTH,
  TOP_K,
  type RelatednessData,
  type RelatednessInput,
} from "./relatedness";
import type { RelationInput, SkillStructure } from "./types";

type Skill = RelatednessData["skills"][number];

const ESCO = "http://data.europa.eu/esco/skill/";

function skill(label: string, options: { uri?: string; alt?: string[] } = {}): Skill {
  const escoUri = options.uri ? ESCO + options.uri : null;
  return { key: escoUri ?? skillKeyForLabel(label), escoUri, labelEn: label, altLabelsEn: options.alt ?? [] };
}

function related(
  skills: Skill[],
  more: { relations?: RelationInput[]; structure?: Partial<SkillStructure> } = {},
): RelatednessInput[] {
  return computeRelatedness({
    skills,
    relations: more.relations ?? [],
    skillStructure: { broader: [], related: [], ...more.structure },
  });
}

/** "skill <= related: strength source", by label, for readable expectations. */
function pairs(skills: Skill[], result: RelatednessInput[]): string[] {
  const label = new Map(skills.map((s) => [s.key, s.labelEn]));
  return result.map((r) => `${label.get(r.skillKey)} <= ${label.get(r.relatedSkillKey)}: ${r.strength} ${r.source}`);
}

const round = (n: number) => Math.round(n * 1000) / 1000;

describe("labelWords", () => {
  it("keeps content words in order, without stopwords, possessives and plural s", () => {
    expect(labelWords("maintain personal hygiene standards when cleaning")).toEqual(["maintain", "personal", "hygiene", "standard", "cleaning"]);
    expect(labelWords("identify customer's needs")).toEqual(["identify", "customer", "need"]);
    expect(labelWords("carry out inspections of the process")).toEqual(["carry", "inspection", "process"]);
    expect(labelWords("types of batteries")).toEqual(["type", "battery"]);
  });
});

describe("label structure", () => {
  it("relates a label to the same label with more words, in both directions, the specific one counting more", () => {
    const skills = [skill("maintain personal hygiene standards"), skill("maintain personal hygiene standards when cleaning")];
    // 4 of the 5 content words ("when" is not one).
    expect(pairs(skills, related(skills))).toEqual([
      `maintain personal hygiene standards <= maintain personal hygiene standards when cleaning: ${round(STRENGTH.specificLabelForGeneral * 0.8)} label`,
      `maintain personal hygiene standards when cleaning <= maintain personal hygiene standards: ${round(STRENGTH.generalLabelForSpecific * 0.8)} label`,
    ]);

    const forklift = [skill("operate forklift"), skill("operate forklift truck")];
    expect(pairs(forklift, related(forklift))).toEqual([
      `operate forklift <= operate forklift truck: ${round((STRENGTH.specificLabelForGeneral * 2) / 3)} label`,
      `operate forklift truck <= operate forklift: ${round((STRENGTH.generalLabelForSpecific * 2) / 3)} label`,
    ]);
  });

  it("gives the same words in another order or number the highest strength", () => {
    const skills = [skill("ensure food safety"), skill("ensure safety of foods")];
    expect(related(skills).map((r) => [r.strength, r.source])).toEqual([
      [STRENGTH.sameLabel, "label"],
      [STRENGTH.sameLabel, "label"],
    ]);
    expect(STRENGTH.sameLabel).toBe(Math.max(...Object.values(STRENGTH)));
  });

  it("needs the same head word, and two words besides generic ones in the shorter label", () => {
    const skills = [
      skill("operate forklift"),
      skill("forklift operate safety"), // the words, but other heads
      skill("train staff to use tools"),
      skill("use tools"),
      skill("use tools for woodworking"),
      skill("manage staff"),
      skill("manage staff rota"),
      skill("use power tools"),
      skill("use power tools in construction"),
    ];
    expect(pairs(skills, related(skills))).toEqual([
      `use power tools <= use power tools in construction: ${round((STRENGTH.specificLabelForGeneral * 3) / 4)} label`,
      `use power tools in construction <= use power tools: ${round((STRENGTH.generalLabelForSpecific * 3) / 4)} label`,
    ]);
  });

  it("takes the last word as the head of a noun phrase: the knowledge and the skill that applies it", () => {
    const skills = [skill("data mining"), skill("perform data mining"), skill("mining engineering")];
    expect(pairs(skills, related(skills))).toEqual([
      `data mining <= perform data mining: ${round((STRENGTH.specificLabelForGeneral * 2) / 3)} label`,
      `perform data mining <= data mining: ${round((STRENGTH.generalLabelForSpecific * 2) / 3)} label`,
    ]);
  });

  it("scales by the share of words, so a short label inside a long one counts in one direction only, or not at all", () => {
    const skills = [skill("design buildings"), skill("design a domotic system in buildings"), skill("design buildings for hospital wards and operating theatres")];
    expect(pairs(skills, related(skills))).toEqual([
      `design buildings <= design a domotic system in buildings: 0.45 label`, // 0.9 × 2/4
      `design a domotic system in buildings <= design buildings: 0.375 label`, // 0.75 × 2/4
      // 2 of 6 words: 0.3 and 0.25, both under MIN_STRENGTH.
    ]);
    expect(0.3).toBeLessThan(MIN_STRENGTH);
  });

  it("relates a skill to one named among its ESCO alternative labels", () => {
    const skills = [skill("computer programming", { uri: "prog", alt: ["Visual Basic", "coding"] }), skill("Visual Basic", { uri: "vb" })];
    expect(pairs(skills, related(skills))).toEqual([
      `computer programming <= Visual Basic: ${STRENGTH.altLabelForOwner} label`,
      `Visual Basic <= computer programming: ${STRENGTH.ownerForAltLabel} label`,
    ]);
  });
});

describe("ESCO hierarchy and skill–skill relations", () => {
  const broader = (uri: string, broaderUri: string, broaderIsGroup = false) => ({ uri: ESCO + uri, broaderUri: ESCO + broaderUri, broaderIsGroup });

  it("relates parent and child, the child counting more for the parent than the other way round", () => {
    const skills = [skill("query languages", { uri: "ql" }), skill("SQL", { uri: "sql" })];
    expect(pairs(skills, related(skills, { structure: { broader: [broader("sql", "ql")] } }))).toEqual([
      `query languages <= SQL: ${STRENGTH.narrowerForBroader} hierarchy`,
      `SQL <= query languages: ${STRENGTH.broaderForNarrower} hierarchy`,
    ]);
  });

  it("relates siblings under a broader skill or a small skill group, even when the parent is not imported", () => {
    const skills = [skill("SQL", { uri: "sql" }), skill("SPARQL", { uri: "sparql" }), skill("LDAP", { uri: "ldap" }), skill("XQuery", { uri: "xq" })];
    const structure = { broader: [broader("sql", "ql"), broader("sparql", "ql"), broader("ldap", "group", true), broader("xq", "group", true)] };
    expect(pairs(skills, related(skills, { structure }))).toEqual([
      `SQL <= SPARQL: ${STRENGTH.siblingUnderSkill} hierarchy`,
      `SPARQL <= SQL: ${STRENGTH.siblingUnderSkill} hierarchy`,
      `LDAP <= XQuery: ${STRENGTH.siblingInGroup} hierarchy`,
      `XQuery <= LDAP: ${STRENGTH.siblingInGroup} hierarchy`,
    ]);
  });

  it(`ignores siblings in families of more than ${MAX_SIBLINGS} imported skills, and skills without a URI`, () => {
    const family = Array.from({ length: MAX_SIBLINGS + 1 }, (_, i) => skill(`tool ${i}`, { uri: `t${i}` }));
    const structure = { broader: family.map((_, i) => broader(`t${i}`, "big")) };
    expect(related(family, { structure })).toEqual([]);
    // A label-keyed skill has no URI, so ESCO's rows cannot reach it.
    expect(related([skill("tool a"), skill("tool b", { uri: "b" })], { structure: { broader: [broader("b", "x"), broader("a", "x")] } })).toEqual([]);
  });

  it("turns ESCO's essential and optional skill relations into evidence both ways", () => {
    const skills = [skill("manage forests", { uri: "mf" }), skill("sustainable forest management", { uri: "sfm" }), skill("forestry", { uri: "fo" })];
    const structure = {
      related: [
        { uri: ESCO + "mf", relatedUri: ESCO + "sfm", relation: "ESSENTIAL" as const },
        { uri: ESCO + "mf", relatedUri: ESCO + "fo", relation: "OPTIONAL" as const },
        { uri: ESCO + "mf", relatedUri: ESCO + "not-imported", relation: "ESSENTIAL" as const },
      ],
    };
    expect(pairs(skills, related(skills, { structure }))).toEqual([
      `manage forests <= sustainable forest management: ${STRENGTH.essentialForSkill} esco-relation`,
      `manage forests <= forestry: ${STRENGTH.optionalForSkill} esco-relation`,
      `sustainable forest management <= manage forests: ${STRENGTH.skillForItsEssential} esco-relation`,
      `forestry <= manage forests: ${STRENGTH.skillForItsOptional} esco-relation`,
    ]);
  });
});

describe("co-occurrence in occupations", () => {
  const occupations = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `http://data.europa.eu/esco/occupation/o${from + i}`);
  const essential = (s: Skill, occ: string[], relation: RelationInput["relation"] = "ESSENTIAL"): RelationInput[] =>
    occ.map((occupationUri) => ({ occupationUri, skillKey: s.key, relation }));

  it("relates skills essential to the same occupations, both ways, but not to a skill essential nearly everywhere", () => {
    const till = skill("operate cash register");
    const refunds = skill("process refunds");
    const hub = skill("manage staff");
    const relations = [...essential(till, occupations(3)), ...essential(refunds, occupations(4)), ...essential(hub, occupations(12))];
    // 3 shared; smoothed cosine 3 / √((3 + 2)(4 + 2)).
    const strength = round((STRENGTH.coOccurrence * 3) / Math.sqrt(5 * 6));
    expect(pairs([till, refunds, hub], related([till, refunds, hub], { relations }))).toEqual([
      `operate cash register <= process refunds: ${strength} co-occurrence`,
      `process refunds <= operate cash register: ${strength} co-occurrence`,
      // Every occupation of the till skill needs staff management too, but so do 12 others: 3 / √(5 · 14) gives 0.23.
    ]);
  });

  it(`needs ${MIN_SHARED_OCCUPATIONS} shared occupations, and counts essential skills only`, () => {
    const a = skill("prune trees");
    const b = skill("fell trees");
    const c = skill("climb trees");
    const relations = [
      ...essential(a, occupations(2)),
      ...essential(b, occupations(2)), // two rare skills sharing 2 occupations
      ...essential(c, occupations(3, 10)),
      ...essential(a, occupations(3, 10), "OPTIONAL"),
    ];
    expect(related([a, b, c], { relations })).toEqual([]);
  });
});

describe("combining evidence", () => {
  it("keeps the strongest evidence per pair, and the more direct source on a tie", () => {
    const skills = [skill("SQL", { uri: "sql" }), skill("SQL queries", { uri: "sqlq" })];
    const structure = { broader: [{ uri: ESCO + "sqlq", broaderUri: ESCO + "sql", broaderIsGroup: false }] };
    // Hierarchy gives 0.8 / 0.6; the label gives 0.9 × 1/2 = 0.45 and 0.375; the stronger wins each way.
    expect(pairs(skills, related(skills, { structure }))).toEqual([
      `SQL <= SQL queries: ${STRENGTH.narrowerForBroader} hierarchy`,
      `SQL queries <= SQL: ${STRENGTH.broaderForNarrower} hierarchy`,
    ]);
  });

  it(`keeps each skill's ${TOP_K} strongest, ties by key, the same pairs whatever the input order`, () => {
    const general = skill("operate crane");
    const names = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo".split(" ").slice(0, TOP_K + 3);
    const specific = names.map((name, i) => skill(`operate crane ${name}${i < 2 ? " extra" : ""}`));
    const all = [general, ...specific];
    const result = related(all).filter((r) => r.skillKey === general.key);
    expect(result).toHaveLength(TOP_K);
    // The two 4-word labels cover less of themselves, so they rank last and are cut.
    expect(result.map((r) => r.relatedSkillKey)).toEqual(specific.slice(2, 2 + TOP_K).map((s) => s.key));
    expect(result.every((r, i) => i === 0 || r.strength <= result[i - 1].strength)).toBe(true);
    const byKeys = (a: RelatednessInput, b: RelatednessInput) => (a.skillKey + a.relatedSkillKey).localeCompare(b.skillKey + b.relatedSkillKey);
    expect(related([...all].reverse()).sort(byKeys)).toEqual(related(all).sort(byKeys));
  });

  it("keeps every strength within [MIN_STRENGTH, 1] and never relates a skill to itself", () => {
    const skills = [skill("operate forklift", { alt: ["operate forklift"] }), skill("operate forklifts"), skill("operate forklift truck")];
    const result = related(skills);
    expect(result.length).toBeGreaterThan(0);
    for (const r of result) {
      expect(r.strength).toBeGreaterThanOrEqual(MIN_STRENGTH);
      expect(r.strength).toBeLessThanOrEqual(1);
      expect(r.skillKey).not.toBe(r.relatedSkillKey);
    }
  });
});
