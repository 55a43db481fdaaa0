// New company accounts: registering a company (the organisation, its first user
// as ADMIN, served by the jobcentre of its municipality) and adding a user to an
// organisation. One transaction each; field errors carry translation keys.
import { InvalidInputError } from "~/lib/errors";
import { resolvePostalCode } from "~/modules/references/references.server";
import { hashPassword } from "~/modules/auth/password.server";
import { normaliseEmail } from "~/modules/auth/repository.server";
import type { Prisma } from "~/generated/prisma/client";
import type { MembershipRole } from "~/generated/prisma/enums";
import type { Db } from "~/lib/db.server";
import type { RegistrationInput } from "./registration-schema";
import {
  countUsersWithEmail,
  findJobcentreOfMunicipality,
  findMunicipalityOfPostalCode,
  findOrganisationByCvr,
  insertCompany,
  insertMember,
} from "./repository.server";

type Tx = Prisma.TransactionClient;

export async function emailTaken(tx: Tx | Db, email: string): Promise<boolean> {
  return (await countUsersWithEmail(tx, normaliseEmail(email))) > 0;
}

export async function createMember(
  tx: Tx,
  input: { organisationId: string; name: string; email: string; passwordHash: string; role: MembershipRole; locale?: string },
): Promise<{ id: string }> {
  return insertMember(tx, { ...input, email: normaliseEmail(input.email), locale: input.locale ?? "da" });
}

/** A unique violation on a column: the race between our check and our insert. */
export function uniqueViolationOn(error: unknown, column: string): boolean {
  if (typeof error !== "object" || error === null || (error as { code?: string }).code !== "P2002") return false;
  return JSON.stringify(error).includes(column);
}

export async function registerCompany(db: Db, input: RegistrationInput, locale = "da"): Promise<{ organisationId: string; userId: string }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const fields: Record<string, string> = {};
      if (await findOrganisationByCvr(tx, input.cvr)) fields.cvr = "company.register.errors.cvrTaken";
      if (await emailTaken(tx, input.email)) fields.email = "company.register.errors.emailTaken";
      const place = await resolvePostalCode(tx, input.postalCode).catch(() => {
        fields.postalCode = "forms.unknownPostalCode";
        return null;
      });
      if (Object.keys(fields).length > 0 || !place) throw new InvalidInputError(fields);

      const municipality = await findMunicipalityOfPostalCode(tx, place.postalCode);
      const jobcentre = municipality?.municipalityCode ? await findJobcentreOfMunicipality(tx, municipality.municipalityCode) : null;
      const organisation = await insertCompany(tx, {
        name: input.companyName,
        cvr: input.cvr,
        street: input.street,
        postalCode: place.postalCode,
        city: place.city,
        latitude: place.latitude,
        longitude: place.longitude,
        servedById: jobcentre?.id ?? null,
      });
      const user = await createMember(tx, { organisationId: organisation.id, name: input.name, email: input.email, passwordHash, role: "ADMIN", locale });
      return { organisationId: organisation.id, userId: user.id };
    });
  } catch (error) {
    if (uniqueViolationOn(error, "cvr")) throw new InvalidInputError({ cvr: "company.register.errors.cvrTaken" });
    if (uniqueViolationOn(error, "email")) throw new InvalidInputError({ email: "company.register.errors.emailTaken" });
    throw error;
  }
}
