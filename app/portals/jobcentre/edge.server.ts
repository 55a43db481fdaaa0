// The consultant portal's route edge: who is acting, and domain errors as the
// responses the error boundaries show (404 never reveals that a record exists).
import { NotFoundError } from "~/lib/errors";
import { requireRole } from "../../modules/auth/guards.server";

export async function requireConsultant(request: Request) {
  const user = await requireRole(request, "JOBCENTRE");
  return { user, actor: { organisationId: user.organisation.id, userId: user.id } };
}

export function notFound(): Response {
  return new Response("Not Found", { status: 404, statusText: "Not Found" });
}

/** Runs `fn`; a NotFoundError becomes a thrown 404 response. */
export async function or404<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof NotFoundError) throw notFound();
    throw error;
  }
}
