// Use cases around API tokens: issue one (operator CLI), authenticate a request.
import type { OrganisationKind } from "~/generated/prisma/enums";
import type { Db } from "~/lib/db.server";
import { ForbiddenError, InvalidInputError, NotFoundError, UnauthorizedError } from "../../lib/errors";
import { findOrganisationByRef, findTokenByHash, insertToken, revokeToken, touchToken } from "./repository.server";
import { generateToken, hashToken, parseBearer } from "./token";

/** Who is calling: always one organisation, never a person. */
export interface ApiPrincipal {
  tokenId: string;
  organisationId: string;
  kind: OrganisationKind;
}

export interface IssuedToken {
  id: string;
  /** The only time the secret exists outside the caller: print it, never store it. */
  token: string;
  prefix: string;
  organisation: { id: string; name: string; kind: OrganisationKind };
}

export async function issueApiToken(db: Db, args: { organisationRef: string; name: string }): Promise<IssuedToken> {
  const name = args.name.trim();
  if (!name || name.length > 100) throw new InvalidInputError({ name: "Give the token a name of 1–100 characters" });
  const ref = args.organisationRef.trim();
  if (!ref) throw new InvalidInputError({ org: "Give an organisation id or CVR number" });
  const organisation = await findOrganisationByRef(db, ref);
  if (!organisation) throw new NotFoundError(`Organisation "${ref}"`);
  if (organisation.kind === "OPERATOR") throw new InvalidInputError({ org: "Operators do not use the integration API" });
  const generated = generateToken();
  const row = await insertToken(db, { organisationId: organisation.id, name, tokenHash: generated.hash, prefix: generated.prefix });
  return { id: row.id, token: generated.token, prefix: row.prefix, organisation };
}

export async function revokeApiToken(db: Db, organisationId: string, tokenId: string, now = new Date()): Promise<void> {
  if (!(await revokeToken(db, organisationId, tokenId, now))) throw new NotFoundError("Token");
}

/** The calling organisation, or 401 for a missing, malformed, unknown or revoked token. */
export async function authenticateApiRequest(db: Db, request: Request, now = new Date()): Promise<ApiPrincipal> {
  const token = parseBearer(request.headers.get("Authorization"));
  if (!token) throw new UnauthorizedError();
  const row = await findTokenByHash(db, hashToken(token));
  // One message for unknown and revoked tokens alike: the caller learns nothing about which.
  if (!row || row.revokedAt) throw new UnauthorizedError("The bearer token is invalid or revoked");
  await touchToken(db, row.id, now);
  return { tokenId: row.id, organisationId: row.organisationId, kind: row.organisation.kind };
}

export function requireKind(principal: ApiPrincipal, ...kinds: OrganisationKind[]): void {
  if (!kinds.includes(principal.kind)) {
    throw new ForbiddenError(`This endpoint is for ${kinds.join(" or ")} tokens; this token belongs to a ${principal.kind}`);
  }
}
