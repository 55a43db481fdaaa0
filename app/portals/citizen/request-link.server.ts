// "Send me my link" on /borger. The answer never says whether Jobbro knows the
// address (no enumeration): the same words, status and work (a rate-limit
// round trip to Redis) either way; only a known address gets a job, which the
// worker turns into an e-mail (payload: the candidate id, never the address).
//
// Rate limits count per e-mail address and per client address, under keys that
// are HMACs of those values: Redis never holds an address (the Redis PII test
// scans for them).
import { createHmac } from "node:crypto";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { JOBS } from "~/lib/queues/registry";
import type { Db } from "~/lib/db.server";
import type { Redis } from "ioredis";
import { enqueue, ensureQueueConnection } from "~/lib/queue.server";
import { citizenLinkSecret } from "./link.server";
import { candidateIdsWithEmail } from "./repository.server";

/** Per e-mail address: a few links an hour is plenty for a person, little for a spammer. */
export const LINKS_PER_EMAIL_PER_HOUR = 3;
/** Per client address: a household or office behind one address may ask for several people. */
export const LINKS_PER_CLIENT_PER_HOUR = 20;

export type LinkRequestResult = { status: "accepted" } | { status: "limited"; retryAfterSeconds: number };

type Limiters = { email: RateLimiterRedis; client: RateLimiterRedis };
// One pair per connection: the producer connection is replaced after closeQueues().
let limiters = new WeakMap<Redis, Limiters>();

async function getLimiters(): Promise<Limiters> {
  // Fails fast (QueueUnavailableError) when Redis is down: no link is sent without the limit.
  const redis = await ensureQueueConnection();
  let pair = limiters.get(redis);
  if (!pair) {
    pair = {
      email: new RateLimiterRedis({ storeClient: redis, keyPrefix: "jobbro:rl:citizen-link:email", points: LINKS_PER_EMAIL_PER_HOUR, duration: 3600 }),
      client: new RateLimiterRedis({ storeClient: redis, keyPrefix: "jobbro:rl:citizen-link:client", points: LINKS_PER_CLIENT_PER_HOUR, duration: 3600 }),
    };
    limiters.set(redis, pair);
  }
  return pair;
}

function pseudonymousKey(kind: string, value: string): string {
  return createHmac("sha256", citizenLinkSecret()).update(`rate-limit:${kind}:${value}`).digest("base64url");
}

async function consume(limiter: RateLimiterRedis, key: string): Promise<number | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw error; // Redis down: the route answers with an error page, never a silent "sent"
  }
}

export async function requestCitizenLink(db: Db, input: { email: string; clientAddress: string | null }): Promise<LinkRequestResult> {
  const email = input.email.trim().toLowerCase();
  const { email: byEmail, client: byClient } = await getLimiters();
  const waits = await Promise.all([
    consume(byEmail, pseudonymousKey("email", email)),
    input.clientAddress ? consume(byClient, pseudonymousKey("client", input.clientAddress)) : Promise.resolve(null),
  ]);
  const wait = Math.max(...waits.map((w) => w ?? 0));
  if (wait > 0) return { status: "limited", retryAfterSeconds: wait };
  for (const candidateId of await candidateIdsWithEmail(db, email)) {
    // One link mail per candidate at a time: a double click sends one mail.
    await enqueue(JOBS.citizenLink, { candidateId }, { deduplication: { id: `citizen-link:${candidateId}`, ttl: 60_000 } });
  }
  return { status: "accepted" };
}

/** For tests: forget the limiters so a new Redis connection is used. */
export function resetCitizenLinkLimiters(): void {
  limiters = new WeakMap();
}
