// A transport for the Meilisearch client (its `httpClient` option) built on
// node:http with a keep-alive agent. Through Node 20's built-in fetch, which the
// client uses by default, searches took ~40 ms longer than Meilisearch spent on
// them (a p50 of 52 ms against 9 ms of processing); through node:http, 11 ms
// (tests/bench/RESULTS.md). Matching sends several searches per vacancy, so this
// decides how long a full run takes. Errors keep the client's own classes.
import http from "node:http";
import https from "node:https";
import { MeilisearchApiError, MeilisearchRequestError } from "meilisearch";

const REQUEST_TIMEOUT_MS = 15_000;
const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 64 });

export async function nodeHttpClient(input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]): Promise<unknown> {
  const url = new URL(input instanceof Request ? input.url : input.toString());
  const headers: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
  const body = typeof init?.body === "string" ? init.body : undefined;
  if (init?.body != null && body === undefined) throw new Error("nodeHttpClient sends string bodies only");
  if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(url, { method: init?.method ?? "GET", headers, agent: url.protocol === "https:" ? httpsAgent : httpAgent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let parsed: unknown;
        try {
          parsed = text === "" ? undefined : JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        const status = res.statusCode ?? 500;
        if (status >= 400) reject(new MeilisearchApiError(new Response(text, { status }), parsed as never));
        else resolve(parsed);
      });
    });
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`Meilisearch did not answer within ${REQUEST_TIMEOUT_MS} ms`)));
    req.on("error", (error) => reject(new MeilisearchRequestError(url.toString(), error)));
    req.end(body);
  });
}

/**
 * The Meilisearch API error behind `error`, if any. With a custom transport the
 * client wraps whatever the transport throws in a MeilisearchRequestError, so the
 * API error (status, code) is found as its cause.
 */
export function meiliApiError(error: unknown): MeilisearchApiError | null {
  if (error instanceof MeilisearchApiError) return error;
  if (error instanceof Error && error.cause instanceof MeilisearchApiError) return error.cause;
  return null;
}
