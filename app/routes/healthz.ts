// Readiness probe for load balancers and the dev orchestrator: 200 only when
// PostgreSQL, Redis and Meilisearch all answer.
import { checkHealth } from "~/modules/health/health.server";

export async function loader() {
  const { healthy, report } = await checkHealth();
  return new Response(JSON.stringify(report), {
    status: healthy ? 200 : 503,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}
