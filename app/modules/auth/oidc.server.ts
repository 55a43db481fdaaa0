// Single sign-on with OpenID Connect (a MitID Erhverv broker): authorization
// code flow with PKCE, state and nonce. The three secrets of one login attempt
// travel in a short-lived, signed, HttpOnly cookie; nothing is kept in the
// server between the two legs. See docs/decisions/014-single-sign-on.md.
import { createCookie, type Cookie } from "@remix-run/node";
import * as client from "openid-client";
import type { Db } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { safeRedirectPath } from "./home";
import { findOidcUser, linkOidcIdentity, recordLogin, findSessionUser, type SessionUser } from "./repository.server";
import { createSession, deleteSession, type SessionRecord } from "./session.server";

/** Long enough to log in at the broker with MitID, short enough that a leaked cookie is soon useless. */
export const OIDC_FLOW_MAX_AGE_SECONDS = 10 * 60;
export const OIDC_CALLBACK_PATH = "/login/sso/callback";

export function isOidcEnabled(): boolean {
  const env = getEnv();
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID);
}

let discovered: { key: string; config: Promise<client.Configuration> } | undefined;

/** The provider's metadata, discovered once per issuer and client (a failed discovery is retried next time). */
export function oidcConfiguration(): Promise<client.Configuration> {
  const env = getEnv();
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID) throw new Error("OIDC_ISSUER and OIDC_CLIENT_ID must be set for single sign-on");
  const key = `${env.OIDC_ISSUER}|${env.OIDC_CLIENT_ID}|${env.OIDC_CLIENT_SECRET ?? ""}`;
  if (discovered?.key === key) return discovered.config;
  const issuer = new URL(env.OIDC_ISSUER);
  // Plain HTTP only for a provider on this machine outside production (the tests' provider).
  const insecure = issuer.protocol === "http:" && env.NODE_ENV !== "production";
  const config = client
    .discovery(issuer, env.OIDC_CLIENT_ID, undefined, env.OIDC_CLIENT_SECRET ? client.ClientSecretPost(env.OIDC_CLIENT_SECRET) : client.None(), {
      execute: insecure ? [client.allowInsecureRequests] : [],
    })
    .catch((error: unknown) => {
      discovered = undefined;
      throw error;
    });
  discovered = { key, config };
  return config;
}

interface FlowState {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectTo: string | null;
}

function flowCookie(): Cookie {
  const env = getEnv();
  const production = env.NODE_ENV === "production";
  return createCookie(production ? "__Host-jobbro_oidc" : "jobbro_oidc", {
    path: "/",
    httpOnly: true,
    // Lax: the broker sends the browser back with a top-level GET, which carries it.
    sameSite: "lax",
    secure: production,
    secrets: [env.SESSION_SECRET],
    maxAge: OIDC_FLOW_MAX_AGE_SECONDS,
  });
}

function callbackUrl(): string {
  return new URL(OIDC_CALLBACK_PATH, getEnv().APP_URL).href;
}

/** Where to send the browser to log in, and the cookie that remembers this attempt. */
export async function startOidcLogin(redirectTo: unknown): Promise<{ url: string; setCookie: string }> {
  const config = await oidcConfiguration();
  const flow: FlowState = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
    redirectTo: safeRedirectPath(redirectTo),
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrl(),
    scope: "openid email profile",
    response_type: "code",
    code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
    code_challenge_method: "S256",
    state: flow.state,
    nonce: flow.nonce,
  });
  return { url: url.href, setCookie: await flowCookie().serialize(flow) };
}

export function clearOidcFlowCookie(): Promise<string> {
  return flowCookie().serialize("", { maxAge: 0, expires: new Date(0) });
}

export type OidcOutcome =
  | { kind: "logged-in"; user: SessionUser; session: SessionRecord; redirectTo: string | null }
  /** The provider vouched for someone Jobbro does not know as a company user. */
  | { kind: "no-user" }
  /** The flow itself failed: no or stale cookie, state mismatch, provider error. */
  | { kind: "failed"; reason: string };

async function readFlow(request: Request): Promise<FlowState | null> {
  const value: unknown = await flowCookie().parse(request.headers.get("Cookie"));
  if (!value || typeof value !== "object") return null;
  const flow = value as Partial<FlowState>;
  if (typeof flow.state !== "string" || typeof flow.nonce !== "string" || typeof flow.codeVerifier !== "string") return null;
  return { state: flow.state, nonce: flow.nonce, codeVerifier: flow.codeVerifier, redirectTo: safeRedirectPath(flow.redirectTo) };
}

interface Identity {
  issuer: string;
  subject: string;
  email: string | null;
}

/** Exchanges the code (checking state, nonce and PKCE) and reads who logged in. */
async function identityFrom(request: Request, flow: FlowState): Promise<Identity> {
  const config = await oidcConfiguration();
  // The callback URL as registered, with the provider's parameters: behind a
  // proxy request.url may name an internal host.
  const current = new URL(callbackUrl());
  current.search = new URL(request.url).search;
  const tokens = await client.authorizationCodeGrant(config, current, {
    pkceCodeVerifier: flow.codeVerifier,
    expectedState: flow.state,
    expectedNonce: flow.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error("no ID token");
  let email = verifiedEmail(claims);
  if (email === null && tokens.access_token) email = verifiedEmail(await client.fetchUserInfo(config, tokens.access_token, claims.sub));
  return { issuer: claims.iss, subject: claims.sub, email };
}

/** Only an e-mail the provider says it verified may link an account. */
function verifiedEmail(claims: Record<string, unknown>): string | null {
  return typeof claims.email === "string" && claims.email_verified === true ? claims.email : null;
}

export async function completeOidcLogin(db: Db, request: Request, previousSessionId: string | null, now = new Date()): Promise<OidcOutcome> {
  const flow = await readFlow(request);
  if (!flow) return { kind: "failed", reason: "no login in progress" };
  const params = new URL(request.url).searchParams;
  if (params.get("error")) return { kind: "failed", reason: `provider answered ${params.get("error")}` };
  let identity: Identity;
  try {
    identity = await identityFrom(request, flow);
  } catch (error) {
    return { kind: "failed", reason: error instanceof Error ? error.message : String(error) };
  }
  const userId = (await findOidcUser(db, identity.issuer, identity.subject)) ?? (identity.email ? await linkOidcIdentity(db, identity) : null);
  const user = userId ? await findSessionUser(db, userId) : null;
  // Single sign-on is for companies (MitID Erhverv); disabled users are refused here too.
  if (!user || user.organisation.kind !== "COMPANY") return { kind: "no-user" };
  if (previousSessionId) await deleteSession(db, previousSessionId);
  const session = await createSession(db, user.id, now);
  await recordLogin(db, user.id, now);
  return { kind: "logged-in", user, session, redirectTo: flow.redirectTo };
}
