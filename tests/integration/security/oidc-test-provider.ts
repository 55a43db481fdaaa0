// A real OpenID Provider (oidc-provider) on a free port, standing in for the
// MitID Erhverv broker. Its login step is ours: the interaction page logs in
// whichever account the test chose and grants the requested scopes at once.
import { createServer, type Server } from "node:http";
import Provider from "oidc-provider";

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Claims of each account the provider knows, by subject. */
  accounts: Map<string, { email?: string; email_verified?: boolean; name?: string }>;
  /** The account the next interaction logs in. */
  loginAs(subject: string): void;
  close(): Promise<void>;
}

export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
  const accounts: TestProvider["accounts"] = new Map();
  let next: string | null = null;
  // The issuer names the port, so the provider is made once the server listens.
  const holder: { provider?: Provider } = {};
  const server: Server = createServer((req, res) => {
    const provider = holder.provider;
    if (!provider) return void res.writeHead(503).end();
    if (req.url?.startsWith("/interaction/")) {
      void finishInteraction(provider, req, res).catch((error: Error) => res.writeHead(500).end(error.message));
      return;
    }
    provider.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  async function finishInteraction(p: Provider, req: Parameters<Provider["interactionDetails"]>[0], res: Parameters<Provider["interactionDetails"]>[1]) {
    const details = await p.interactionDetails(req, res);
    if (!next) throw new Error("the test did not choose an account to log in");
    const grant = new p.Grant({ accountId: next, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await p.interactionFinished(req, res, { login: { accountId: next }, consent: { grantId } }, { mergeWithLastSubmission: false });
  }

  const clientId = "jobbro-test";
  const clientSecret = "jobbro-test-client-secret-0123456789abcdef";
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    scopes: ["openid", "email", "profile"],
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    cookies: { keys: ["jobbro-test-provider-cookie-key"] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    findAccount: (_ctx: unknown, sub: string) => {
      const claims = accounts.get(sub);
      return claims ? { accountId: sub, claims: async () => ({ sub, ...claims }) } : undefined;
    },
  });
  // The provider warns about its development keys and cookies over HTTP; not the tests' concern.
  provider.on("server_error", (_ctx, error) => console.warn("oidc-provider server_error", error));
  holder.provider = provider;

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    loginAs(subject) {
      next = subject;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * A browser in miniature: follows redirects one at a time across origins,
 * keeping each origin's cookies (enough for these two servers; paths ignored).
 */
export class Browser {
  private jar = new Map<string, Map<string, string>>();
  /** Every URL requested, in order. */
  readonly visited: string[] = [];

  cookies(origin: string): Map<string, string> {
    let cookies = this.jar.get(origin);
    if (!cookies) this.jar.set(origin, (cookies = new Map()));
    return cookies;
  }

  async get(url: string): Promise<Response> {
    const target = new URL(url);
    this.visited.push(target.href);
    const cookies = this.cookies(target.origin);
    const response = await fetch(target, {
      redirect: "manual",
      headers: { Cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; "), "Sec-Fetch-Site": "none" },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === "") cookies.delete(name);
      else cookies.set(name, value);
    }
    return response;
  }

  /** Follows redirects until a response that is not one; at most 10 hops. */
  async follow(url: string): Promise<Response> {
    let current = url;
    for (let hop = 0; hop < 10; hop += 1) {
      const response = await this.get(current);
      const location = response.headers.get("Location");
      if (response.status < 300 || response.status >= 400 || !location) return response;
      current = new URL(location, current).href;
    }
    throw new Error(`too many redirects from ${url}`);
  }
}
