// Login rate limits in Redis, shared by every web process. Two counters of
// failed attempts: per e-mail + address (small: guessing one account's
// password) and per address (larger: spraying many accounts). No counter is
// per account alone, so nobody can lock someone else out from elsewhere; a
// successful login clears its own e-mail + address counter.
// See docs/decisions/013-web-security.md.
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { getEnv } from "~/lib/env.server";
import { getProducerRedis } from "~/lib/redis.server";
import { normaliseEmail } from "./repository.server";

export interface LoginAttempt {
  email: string;
  /** The client's address; "unknown" when the server could not tell (it then shares one counter). */
  address: string | undefined;
}

interface Limiters {
  pair: RateLimiterAbstract;
  address: RateLimiterAbstract;
}

let cached: { key: string; limiters: Limiters } | undefined;

/**
 * Counters belong to one Jobbro database (its accounts), so the Redis key
 * prefix names it: instances and test runs that share a Redis never share counts.
 */
function keyPrefix(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `jobbro:login-limit:${url.host}${url.pathname}`;
}

function limiters(): Limiters {
  const env = getEnv();
  const prefix = keyPrefix(env.DATABASE_URL);
  const key = [prefix, env.LOGIN_LIMIT_PAIR_FAILURES, env.LOGIN_LIMIT_PAIR_WINDOW_SECONDS, env.LOGIN_LIMIT_ADDRESS_FAILURES, env.LOGIN_LIMIT_ADDRESS_WINDOW_SECONDS].join("|");
  if (cached?.key === key) return cached.limiters;
  const make = (name: string, points: number, duration: number) =>
    new RateLimiterRedis({
      storeClient: getProducerRedis(),
      keyPrefix: `${prefix}:${name}`,
      points,
      duration,
      // The producer connection fails fast when Redis is down; this process then
      // still limits on its own rather than letting every guess through.
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration }),
    });
  cached = {
    key,
    limiters: {
      pair: make("pair", env.LOGIN_LIMIT_PAIR_FAILURES, env.LOGIN_LIMIT_PAIR_WINDOW_SECONDS),
      address: make("address", env.LOGIN_LIMIT_ADDRESS_FAILURES, env.LOGIN_LIMIT_ADDRESS_WINDOW_SECONDS),
    },
  };
  return cached.limiters;
}

/**
 * The limiters once the shared Redis connection has settled. A process's first
 * login opens that connection; counting while it is still connecting would go to
 * the in-memory insurance limiter and later ones to Redis, splitting one
 * person's attempts over two counters. So a connecting client is given up to its
 * connect timeout; a Redis that is really down still falls back at once after that.
 */
async function settledLimiters(): Promise<Limiters> {
  const redis = getProducerRedis();
  if (redis.status === "connecting" || redis.status === "wait" || redis.status === "connect") {
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        redis.off("ready", done);
        redis.off("error", done);
        resolve();
      };
      const timer = setTimeout(done, 2_000);
      redis.once("ready", done);
      redis.once("error", done);
    });
  }
  return limiters();
}

const addressKey = (attempt: LoginAttempt) => attempt.address || "unknown";
const pairKey = (attempt: LoginAttempt) => `${normaliseEmail(attempt.email)}|${addressKey(attempt)}`;

/** Seconds until another attempt is allowed, or null when one is allowed now. */
export async function loginBlockedFor(attempt: LoginAttempt): Promise<number | null> {
  const env = getEnv();
  const { pair, address } = await settledLimiters();
  const [pairState, addressState] = await Promise.all([pair.get(pairKey(attempt)), address.get(addressKey(attempt))]);
  const waits = [
    pairState && pairState.consumedPoints >= env.LOGIN_LIMIT_PAIR_FAILURES ? pairState.msBeforeNext : 0,
    addressState && addressState.consumedPoints >= env.LOGIN_LIMIT_ADDRESS_FAILURES ? addressState.msBeforeNext : 0,
  ];
  const wait = Math.max(...waits);
  return wait > 0 ? Math.ceil(wait / 1000) : null;
}

/** Counts a failed attempt on both counters. Going over a limit is not an error here: the next attempt is refused. */
export async function recordLoginFailure(attempt: LoginAttempt): Promise<void> {
  const { pair, address } = await settledLimiters();
  await Promise.all(
    [pair.consume(pairKey(attempt)), address.consume(addressKey(attempt))].map((p) =>
      p.catch((error: unknown) => {
        if (!(error instanceof RateLimiterRes)) throw error;
      }),
    ),
  );
}

export async function recordLoginSuccess(attempt: LoginAttempt): Promise<void> {
  await (await settledLimiters()).pair.delete(pairKey(attempt));
}

/** For tests: forget the counters of one attempt. */
export async function resetLoginLimits(attempt: LoginAttempt): Promise<void> {
  const { pair, address } = limiters();
  await Promise.all([pair.delete(pairKey(attempt)), address.delete(addressKey(attempt))]);
}
