// This process's heartbeat row in PostgreSQL (WorkerHeartbeat), renewed every
// WORKER_HEARTBEAT_EVERY_MS. /healthz reports "degraded" when no worker has
// renewed one for HEALTH_WORKER_STALE_MS. PostgreSQL, not a Redis key, because
// a Redis that lost its keys (or is down) must not make live workers look dead,
// nor hide dead ones (ADR 024).
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { recordHeartbeat, removeHeartbeat, type WorkerIdentity } from "~/portals/operator/worker-heartbeats.server";
import type { Db } from "~/lib/db.server";
import type { Logger } from "~/lib/logger.server";
import { startLoop } from "./loop";

export interface Heartbeat {
  identity: WorkerIdentity;
  /** Resolves once the first heartbeat is written (or has failed and been logged). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export function startHeartbeat({ db, everyMs, log }: { db: Db; everyMs: number; log: Logger }): Heartbeat {
  const host = hostname();
  const identity: WorkerIdentity = { id: `${host}-${process.pid}-${randomBytes(3).toString("hex")}`, hostname: host, pid: process.pid };
  const loop = startLoop({ name: "heartbeat", everyMs, log, immediately: true, tick: () => recordHeartbeat(db, identity) });
  return {
    identity,
    ready: loop.runNow(),
    async stop() {
      await loop.stop();
      await removeHeartbeat(db, identity.id).catch((error: Error) => log.warn({ err: error.message }, "heartbeat row not removed"));
    },
  };
}
