// GET /soeg/kompetencer?q=svejs&lang=da → [{ id, label }]: the skill picker's
// suggestions, for any logged-in user (401 JSON otherwise: fetch() callers want no redirect).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { suggest } from "../../search/queries/taxonomy-suggest.server";
import { getOptionalUser } from "~/modules/auth/guards.server";
import { jsonResponse } from "~/lib/json.server";
import { getLanguage } from "~/lib/language.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!(await getOptionalUser(request))) return jsonResponse({ error: "unauthorized" }, 401);
  return jsonResponse(await suggest(context.db, "skills", new URL(request.url).searchParams, await getLanguage(request)));
}
