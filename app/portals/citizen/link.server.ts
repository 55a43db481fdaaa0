// Citizens have no login: their personal page opens through a link e-mailed to
// the address the jobcentre holds. The link proves whose page it is and until
// when: HMAC-SHA256 over (candidate id, purpose, expiry) under
// CITIZEN_LINK_SECRET (SESSION_SECRET when unset). Nothing is stored, so a
// link cannot be revoked before it expires; the lifetime is short for that
// reason (CITIZEN_LINK_TTL_HOURS, 24 h by default).
import { createHmac, timingSafeEqual } from "node:crypto";
import { getEnv } from "~/lib/env.server";

const VERSION = "jobbro-citizen-v1";
export const CITIZEN_LINK_PURPOSES = ["insight"] as const;
export type CitizenLinkPurpose = (typeof CITIZEN_LINK_PURPOSES)[number];

export interface CitizenLinkClaims {
  candidateId: string;
  purpose: CitizenLinkPurpose;
  expiresAt: Date;
}

export type CitizenLinkCheck = { ok: true; claims: CitizenLinkClaims } | { ok: false; reason: "invalid" | "expired" };

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_TOKEN_LENGTH = 400;

function signature(body: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(`${VERSION}:${body}`).digest();
}

export function createCitizenToken(claims: CitizenLinkClaims, secret: string): string {
  if (!ID.test(claims.candidateId)) throw new Error("A citizen link needs an id-shaped candidate id");
  const body = `${claims.candidateId}.${claims.purpose}.${Math.floor(claims.expiresAt.getTime() / 1000)}`;
  return `${Buffer.from(body, "utf8").toString("base64url")}.${signature(body, secret).toString("base64url")}`;
}

/** Checks the signature first (in constant time), then the expiry: a forged link learns nothing about ids or times. */
export function verifyCitizenToken(token: string, secret: string, now = new Date()): CitizenLinkCheck {
  if (typeof token !== "string" || token.length === 0 || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "invalid" };
  const parts = token.split(".");
  if (parts.length !== 2) return { ok: false, reason: "invalid" };
  const [encodedBody, given] = parts as [string, string];
  const body = Buffer.from(encodedBody, "base64url").toString("utf8");
  const expected = signature(body, secret);
  const actual = Buffer.from(given, "base64url");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return { ok: false, reason: "invalid" };
  const [candidateId, purpose, exp, ...rest] = body.split(".");
  const expSeconds = Number(exp);
  if (rest.length > 0 || !candidateId || !ID.test(candidateId) || !isPurpose(purpose) || !Number.isSafeInteger(expSeconds)) {
    return { ok: false, reason: "invalid" };
  }
  const expiresAt = new Date(expSeconds * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, claims: { candidateId, purpose, expiresAt } };
}

function isPurpose(value: unknown): value is CitizenLinkPurpose {
  return (CITIZEN_LINK_PURPOSES as readonly unknown[]).includes(value);
}

export function citizenLinkSecret(): string {
  const env = getEnv();
  return env.CITIZEN_LINK_SECRET ?? env.SESSION_SECRET;
}

/** A fresh link to the citizen's page, valid for CITIZEN_LINK_TTL_HOURS. */
export function citizenLinkUrl(candidateId: string, now = new Date()): { url: string; expiresAt: Date } {
  const env = getEnv();
  const expiresAt = new Date(now.getTime() + env.CITIZEN_LINK_TTL_HOURS * 3600 * 1000);
  const token = createCitizenToken({ candidateId, purpose: "insight", expiresAt }, citizenLinkSecret());
  return { url: new URL(`/borger/${token}`, env.APP_URL).toString(), expiresAt };
}

export function checkCitizenToken(token: string, now = new Date()): CitizenLinkCheck {
  return verifyCitizenToken(token, citizenLinkSecret(), now);
}
