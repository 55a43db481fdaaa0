// Any other path under /api/v1: a JSON 404 (not the web app's HTML page), so
// integrations always get the same error shape.
import { jsonResponse } from "~/portals/api/respond.server";

const notFound = () => jsonResponse({ error: { code: "not_found", message: "No such endpoint in /api/v1" } }, 404);

export const loader = async () => notFound();
export const action = async () => notFound();
