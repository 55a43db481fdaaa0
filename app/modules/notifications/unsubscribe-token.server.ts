// Unsubscribe links work without logging in, so the link itself must prove
// whose e-mail it turns off: the user id signed with HMAC-SHA256 under
// SESSION_SECRET. Nothing is stored; the token never expires (an old e-mail's
// link must still work), and all it can ever do is turn e-mail off or on again.
import { createHmac, timingSafeEqual } from "node:crypto";

const PURPOSE = "jobbro-unsubscribe-v1";

function signature(userId: string, secret: string): string {
  return createHmac("sha256", secret).update(`${PURPOSE}:${userId}`).digest("base64url");
}

export function createUnsubscribeToken(userId: string, secret: string): string {
  return `${Buffer.from(userId, "utf8").toString("base64url")}.${signature(userId, secret)}`;
}

/** The user id the token was made for, or null when it is malformed or forged. */
export function verifyUnsubscribeToken(token: string, secret: string): string | null {
  const [encodedId, given, ...rest] = token.split(".");
  if (!encodedId || !given || rest.length > 0 || token.length > 300) return null;
  const userId = Buffer.from(encodedId, "base64url").toString("utf8");
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(userId)) return null;
  const expected = Buffer.from(signature(userId, secret));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? userId : null;
}

export function unsubscribeUrl(appUrl: string, userId: string, secret: string): string {
  return new URL(`/afmeld/${createUnsubscribeToken(userId, secret)}`, appUrl).toString();
}
