// API bearer tokens: 256 random bits, shown to a person once. Only the SHA-256
// of the token is stored; a plain hash (no salt, no argon2) is enough because
// the token itself has full entropy, and it allows lookup by hash in one query.
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_SCHEME = "jbo_";
/** Characters kept for display: the scheme plus 8 of the random part. */
export const TOKEN_PREFIX_LENGTH = TOKEN_SCHEME.length + 8;
const TOKEN_PATTERN = /^jbo_[A-Za-z0-9_-]{43}$/;

export interface GeneratedToken {
  token: string;
  hash: string;
  prefix: string;
}

export function generateToken(): GeneratedToken {
  const token = `${TOKEN_SCHEME}${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX_LENGTH) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The token from an `Authorization: Bearer …` header, or null when absent or not token-shaped. */
export function parseBearer(header: string | null): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return null;
  return TOKEN_PATTERN.test(match[1]) ? match[1] : null;
}
