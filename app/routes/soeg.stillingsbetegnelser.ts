// GET /soeg/stillingsbetegnelser?q=svejser&lang=da → [{ id, label }]: the occupation picker's
// suggestions, for any logged-in user (401 JSON otherwise: fetch() callers want no redirect).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { suggest } from "../../search/queries/taxonomy-suggest.server";
import { getOptionalUser } from "~/modules/auth/guards.server";
import { jsonResponse } from "~/lib/json.server";
import { getLanguage } from "~/lib/language.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!(await getOptionalUser(request))) return jsonResponse({ error: "unauthorized" }, 401);
  return jsonResponse(await suggest(context.db, "occupations", new URL(request.url).searchParams, await getLanguage(request)));
}
