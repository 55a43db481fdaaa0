// Readiness probe for load balancers and the dev orchestrator: 200 only when
// PostgreSQL, Redis and Meilisearch all answer. The body also carries queue
// depths and the last nightly run for operators and monitoring; those never
// change the status (a long queue is not an outage), and are null when unknown.
import { checkHealthWithOperations } from "~/modules/health/health.server";

export async function loader() {
  const { healthy, report } = await checkHealthWithOperations();
  return new Response(JSON.stringify(report), {
    status: healthy ? 200 : 503,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}
