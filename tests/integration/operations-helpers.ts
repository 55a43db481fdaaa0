// Shared by the operations tests: users with real sessions, a unique BullMQ
// prefix per file, and a port nothing listens on (to play "Redis is down").
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import type { OrganisationKind } from "~/generated/prisma/enums";
import { createSession } from "~/modules/auth/session.server";
import type { Db } from "~/lib/db.server";
import { createRedis } from "~/lib/redis.server";
import { serializeSessionCookie } from "~/modules/auth/session-cookie.server";

export async function addUser(db: Db, kind: OrganisationKind, label: string) {
  const org = await db.organisation.create({ data: { kind, name: `${label} org` }, select: { id: true } });
  const user = await db.user.create({
    data: { email: `${label}-${randomBytes(3).toString("hex")}@example.dk`, name: `Bruger ${label}`, passwordHash: "x", memberships: { create: { organisationId: org.id } } },
    select: { id: true },
  });
  const session = await createSession(db, user.id);
  const cookie = (await serializeSessionCookie(session.id, session.expiresAt)).split(";")[0]!;
  return { id: user.id, cookie };
}

/** Points the web process's queue producers at a prefix of this test's own. */
export function useUniqueQueuePrefix(): string {
  const prefix = `test_ops_${randomBytes(4).toString("hex")}`;
  process.env.WORKER_QUEUE_PREFIX = prefix;
  return prefix;
}

export async function deleteQueueKeys(prefix: string): Promise<void> {
  const redis = createRedis("worker");
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

/** A port nothing listens on: bind one, note it, close it. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
