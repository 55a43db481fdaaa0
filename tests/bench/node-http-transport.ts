// The benchmark's comparison of transports: the client as the app builds it
// (search/http-transport.ts, node:http) against the client library's default
// (Node's built-in fetch), so the difference stays a measured figure.
import { Meilisearch } from "meilisearch";
import { nodeHttpClient } from "../../search/http-transport";

/** A client with the same host and key as `like`, sending requests through node:http. */
export function withNodeHttpTransport(like: Meilisearch): Meilisearch {
  return new Meilisearch({ host: like.config.host, apiKey: like.config.apiKey, httpClient: nodeHttpClient });
}

/** A client with the same host and key as `like`, sending requests through the built-in fetch. */
export function withFetchTransport(like: Meilisearch): Meilisearch {
  return new Meilisearch({ host: like.config.host, apiKey: like.config.apiKey });
}
