// Readiness probe for load balancers and the dev orchestrator: 200 only when
// PostgreSQL, Redis and Meilisearch all answer, 503 otherwise. The body also
// says whether Jobbro is doing its job: `status` is "ok", "degraded" or "down",
// with `reasons` (a missing job scheduler, outbox rows waiting too long, no
// worker heartbeat, a Redis that may evict jobs), plus queue depths, outbox lag,
// workers and the last nightly run for operators and monitoring. "degraded"
// keeps the 200: taking the web process out of a load balancer would not bring
// a scheduler back (docs/decisions/024-self-healing-when-redis-loses-data.md).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { checkHealthWithOperations } from "~/portals/operator/health/health.server";

// Reads nothing of the request: only the load context's database client.
export async function loader({ context }: Pick<LoaderFunctionArgs, "context">) {
  const { healthy, report } = await checkHealthWithOperations(context.db);
  return new Response(JSON.stringify(report), {
    status: healthy ? 200 : 503,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}
