// zod schemas for one row of each accepted file. Column names are ESCO's and
// Statistics Denmark's own, so a schema reads like the file's header.
import { z } from "zod";

const text = z.string().default("");
const required = () => z.string().trim().min(1, "is empty");

/** An absolute http(s) URI without spaces, as ESCO concept URIs are. */
export const conceptUri = z
  .string()
  .trim()
  .refine((v) => /^https?:\/\/[^\s/]+\/\S*$/.test(v) && URL.canParse(v), "not a valid http(s) URI");

const iscoCode = z
  .string()
  .trim()
  .refine((v) => v === "" || /^\d{1,4}$/.test(v), "must be 1 to 4 digits");

export const relationType = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => v === "essential" || v === "optional", 'must be "essential" or "optional"')
  .transform((v) => (v === "essential" ? ("ESSENTIAL" as const) : ("OPTIONAL" as const)));

const skillType = z
  .string()
  .trim()
  .refine((v) => v === "" || v === "skill/competence" || v === "knowledge", 'must be "skill/competence" or "knowledge"');

export const occupationRow = z.object({
  conceptUri,
  iscoGroup: iscoCode,
  preferredLabel: required(),
  altLabels: text,
  description: text,
});
export const occupationColumns = ["conceptUri", "iscoGroup", "preferredLabel", "altLabels", "description"] as const;

export const iscoGroupRow = z.object({
  code: z.string().trim().regex(/^\d{1,4}$/, "must be 1 to 4 digits"),
  preferredLabel: required(),
});
export const iscoGroupColumns = ["code", "preferredLabel"] as const;

export const discoRow = z.object({
  KODE: z.string().trim().regex(/^\d{1,6}$/, "must be 1 to 6 digits"),
  TITEL: required(),
});
export const discoColumns = ["KODE", "NIVEAU", "TITEL"] as const;

/** Shared data: relations that name the skill by its English label only. */
export const labelRelationRow = z.object({
  occupationUri: conceptUri,
  relationType,
  skillLabel: required(),
});
export const labelRelationColumns = ["occupationUri", "occupationLabel", "iscoGroup", "relationType", "skillLabel"] as const;

/** ESCO skill collections (digital, green, transversal, …) and the official skills_xx.csv. */
export const skillRow = z.object({
  conceptUri,
  skillType,
  preferredLabel: required(),
  altLabels: text,
  description: text,
});
export const skillColumns = ["conceptUri", "skillType", "preferredLabel", "altLabels", "description"] as const;

/** Official release: occupationSkillRelations_xx.csv. */
export const uriRelationRow = z.object({
  occupationUri: conceptUri,
  relationType,
  skillType,
  skillUri: conceptUri,
});
export const uriRelationColumns = ["occupationUri", "relationType", "skillType", "skillUri"] as const;

const skillPillarType = z
  .string()
  .trim()
  .refine((v) => v === "KnowledgeSkillCompetence" || v === "SkillGroup", 'must be "KnowledgeSkillCompetence" or "SkillGroup"');

/** broaderRelationsSkillPillar_xx.csv: a skill or skill group and its broader skill or skill group. */
export const broaderSkillRow = z.object({
  conceptType: skillPillarType,
  conceptUri,
  broaderType: skillPillarType,
  broaderUri: conceptUri,
});
export const broaderSkillColumns = ["conceptType", "conceptUri", "broaderType", "broaderUri"] as const;

/** skillSkillRelations_xx.csv: relatedSkillUri is essential or optional for originalSkillUri. */
export const skillSkillRow = z.object({
  originalSkillUri: conceptUri,
  relationType,
  relatedSkillUri: conceptUri,
});
export const skillSkillColumns = ["originalSkillUri", "relationType", "relatedSkillUri"] as const;
