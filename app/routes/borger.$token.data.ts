// "/borger/:token/data": everything on the citizen's page as one JSON file
// (GDPR article 20), as a download. The download is written to the audit log.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportCitizenData } from "~/portals/citizen/insight.server";
import { checkCitizenToken } from "~/portals/citizen/link.server";

const PRIVATE = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex" };

function problem(status: number, code: string): Response {
  return Response.json({ error: { code } }, { status, headers: PRIVATE });
}

export async function loader({ params, context }: LoaderFunctionArgs) {
  const check = checkCitizenToken(params.token ?? "");
  if (!check.ok) return problem(check.reason === "expired" ? 410 : 400, check.reason === "expired" ? "link_expired" : "link_invalid");
  const now = new Date();
  const exported = await exportCitizenData(context.db, check.claims.candidateId, now);
  if (!exported) return problem(410, "no_data");
  return new Response(JSON.stringify(exported, null, 2), {
    headers: {
      ...PRIVATE,
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="jobbro-data-${now.toISOString().slice(0, 10)}.json"`,
    },
  });
}
