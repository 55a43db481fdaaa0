// Checks that the ids and codes an input refers to exist, answering with the
// exact field path of each one that does not ("requiredSkillIds.2"). Shared by
// the vacancy, candidate and course services; run inside their transaction.
import type { Prisma } from "~/generated/prisma/client";
import { InvalidInputError, type FieldErrors } from "../../lib/errors";
import { existingSkillIds, findOccupationIdByRef, findPostalCode } from "./repository.server";

type Tx = Prisma.TransactionClient;

export interface Place {
  postalCode: string;
  city: string;
  latitude: number;
  longitude: number;
}

export async function resolvePostalCode(tx: Tx, code: string, field = "postalCode"): Promise<Place> {
  const row = await findPostalCode(tx, code);
  if (!row) throw new InvalidInputError({ [field]: `Unknown postal code ${code}` });
  // Matching measures distances from these coordinates: a place without them cannot be matched.
  if (row.latitude === null || row.longitude === null) throw new InvalidInputError({ [field]: `Postal code ${code} has no known location` });
  return { postalCode: row.code, city: row.name, latitude: row.latitude, longitude: row.longitude };
}

/** Unknown skill ids as field errors, e.g. { "skillIds.1": "Unknown skill id" }; empty when all exist. */
export async function unknownSkills(tx: Tx, lists: Record<string, string[]>): Promise<FieldErrors> {
  const all = [...new Set(Object.values(lists).flat())];
  if (all.length === 0) return {};
  const found = await existingSkillIds(tx, all);
  const fields: FieldErrors = {};
  for (const [field, ids] of Object.entries(lists)) {
    ids.forEach((id, index) => {
      if (!found.has(id)) fields[`${field}.${index}`] = "Unknown skill id";
    });
  }
  return fields;
}

export async function assertSkillsExist(tx: Tx, lists: Record<string, string[]>): Promise<void> {
  const fields = await unknownSkills(tx, lists);
  if (Object.keys(fields).length) throw new InvalidInputError(fields);
}

/** Our id for an occupation named by our id or by its ESCO concept URI (integrators hold URIs). */
export async function resolveOccupationId(tx: Tx, ref: string, field = "occupationId"): Promise<string> {
  const id = await findOccupationIdByRef(tx, ref);
  if (!id) throw new InvalidInputError({ [field]: "Unknown occupation id or ESCO URI" });
  return id;
}

/**
 * Runs checks that each may throw InvalidInputError and reports all their fields
 * at once. One after another: queries inside one transaction share a connection.
 */
export async function collectInvalid(checks: (() => Promise<unknown>)[]): Promise<void> {
  const fields: FieldErrors = {};
  for (const check of checks) {
    try {
      await check();
    } catch (error) {
      if (error instanceof InvalidInputError && error.fields) Object.assign(fields, error.fields);
      else throw error;
    }
  }
  if (Object.keys(fields).length) throw new InvalidInputError(fields);
}
