// The story's reference data (tests/e2e/story.spec.ts), seeded by
// tests/e2e/serve.ts. Free of imports, so that the spec can read it without
// starting a server.

/**
 * The story's occupation and skills (tests/e2e/story.spec.ts): the vacancy
 * wizard proposes the skills, the candidates below have them, and the story's
 * course catalogue (tests/fixtures/catalogue/story.csv) teaches the forklift one.
 */
export const STORY_OCCUPATION = { labelDa: "lagermedarbejder", labelEn: "warehouse worker" };
export const STORY_SKILLS = [
  { key: "e2e-story:goods", labelDa: "håndtere varer på lager", labelEn: "handle goods in storage", relation: "ESSENTIAL" },
  { key: "e2e-story:forklift", labelDa: "køre gaffeltruck", labelEn: "operate forklift", relation: "ESSENTIAL" },
  { key: "e2e-story:scanner", labelDa: "bruge håndscanner", labelEn: "use hand-held scanner", relation: "OPTIONAL" },
] as const;
export type StorySkill = (typeof STORY_SKILLS)[number]["key"];

/** Candidates of Jobcenter Aarhus around Aarhus, with MATCHING consent: the story's vacancy finds them. */
export const STORY_CANDIDATES: { pseudonym: string; firstName: string; lastName: string; postalCode: string; skills: StorySkill[] }[] = [
  { pseudonym: "Kandidat LAGER-1", firstName: "Ida", lastName: "Lagerholm", postalCode: "8000", skills: ["e2e-story:goods", "e2e-story:forklift", "e2e-story:scanner"] },
  { pseudonym: "Kandidat LAGER-2", firstName: "Omar", lastName: "Pakhus", postalCode: "8200", skills: ["e2e-story:goods", "e2e-story:forklift"] },
  { pseudonym: "Kandidat LAGER-3", firstName: "Sanne", lastName: "Reol", postalCode: "8210", skills: ["e2e-story:goods", "e2e-story:scanner"] },
];
