import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";
import { ListPage } from "~/components/ListPage";
import type { ContactRequestStatus } from "~/generated/prisma/enums";
import { DomainError } from "~/lib/errors";
import { InboxActionSchema } from "~/portals/jobcentre/schema";
import { countInbox, declineRequest, listInbox, proposeToCitizen, recordCitizenApproval } from "~/modules/introductions/broker.server";
import { INBOX_STATUSES } from "~/modules/introductions/schema";
import { or404, requireConsultant } from "~/portals/jobcentre/edge.server";
import { formatDate } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";
import { readFormData } from "~/lib/form-body.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "consultant.inbox.title");

function statusOf(url: URL): ContactRequestStatus {
  const value = url.searchParams.get("status");
  return (INBOX_STATUSES as readonly string[]).includes(value ?? "") ? (value as ContactRequestStatus) : "OPEN";
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireConsultant(request);
  const status = statusOf(new URL(request.url));
  const db = context.db;
  const [requests, counts] = await Promise.all([listInbox(db, actor.organisationId, status), countInbox(db, actor.organisationId)]);
  return { status, requests, counts };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireConsultant(request);
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: InboxActionSchema });
  const requestId = String(formData.get("requestId") ?? "");
  if (submission.status !== "success") return data({ requestId, error: "consultant.inbox.errors.channel" }, { status: 400 });
  const db = context.db;
  const back = new URL(request.url).searchParams.get("status") ?? "OPEN";
  try {
    const input = submission.value;
    if (input.intent === "propose") await or404(() => proposeToCitizen(db, actor, input.requestId));
    else if (input.intent === "approve") await or404(() => recordCitizenApproval(db, actor, input.requestId, input.channel));
    else await or404(() => declineRequest(db, actor, input.requestId));
    return redirect(`/jobcenter/henvendelser?status=${back}&done=${input.intent}`);
  } catch (error) {
    if (error instanceof DomainError && error.status === 409) return data({ requestId, error: error.message }, { status: 409 });
    throw error;
  }
}

const DONE = { propose: "consultant.inbox.proposed", approve: "consultant.inbox.approved", decline: "consultant.inbox.declined" } as const;

export default function Inbox() {
  const { status, requests, counts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const done = params.get("done") as keyof typeof DONE | null;
  return (
    <ListPage title={t("consultant.inbox.title")} lead={t("consultant.inbox.lead")} notice={done && DONE[done] ? t(DONE[done]) : null}>
      <nav aria-label={t("consultant.inbox.tabsLabel")}>
        <ul className="inline-list">
          {INBOX_STATUSES.map((s) => (
            <li key={s}>
              <Link to={`?status=${s}`} aria-current={s === status ? "page" : undefined} className={s === status ? "button button-primary" : "button button-secondary"}>
                {t(`consultant.requestStatus.${s}`)} ({counts[s]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {requests.length === 0 ? <p>{t("consultant.inbox.empty")}</p> : null}
      <ul className="nobullet-list" data-testid="inbox">
        {requests.map((r) => {
          const busy = navigation.state !== "idle" && navigation.formData?.get("requestId") === r.id;
          const error = actionData && actionData.requestId === r.id ? actionData.error : null;
          return (
            <li key={r.id} className="card card-body" data-request-id={r.id}>
              <h2 className="h4">
                {r.company.name}: {r.vacancy.title}
              </h2>
              <dl className="summary-list">
                <dt>{t("consultant.inbox.candidate")}</dt>
                <dd>
                  <Link to={`/jobcenter/kandidater/${r.candidate.id}`}>{r.candidate.pseudonym}</Link>
                </dd>
                <dt>{t("consultant.inbox.vacancy")}</dt>
                <dd>
                  <Link to={`/jobcenter/stillinger/${r.vacancy.id}`}>{r.vacancy.title}</Link>
                </dd>
                <dt>{t("consultant.inbox.message")}</dt>
                <dd className="prewrap">{r.message || t("consultant.inbox.noMessage")}</dd>
              </dl>
              <p className="form-hint">
                {t("consultant.inbox.received", { date: formatDate(r.createdAt, language) })}
                {r.requestedBy ? ` · ${t("consultant.inbox.requestedBy", { name: r.requestedBy })}` : null}
                {r.proposedAt ? ` · ${t("consultant.inbox.proposedAt", { date: formatDate(r.proposedAt, language) })}` : null}
                {r.decidedAt ? ` · ${t("consultant.inbox.decidedAt", { date: formatDate(r.decidedAt, language) })}` : null}
              </p>
              {error ? (
                <div className="alert alert-error" role="alert">
                  <p className="alert-text">{i18n.exists(error) ? t(error as ParseKeys) : error}</p>
                </div>
              ) : null}
              {r.status === "OPEN" || r.status === "PROPOSED" ? (
                <div className="inbox-actions">
                  {r.status === "OPEN" ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="propose" />
                      <input type="hidden" name="requestId" value={r.id} />
                      <p className="form-hint">{t("consultant.inbox.proposeHint")}</p>
                      <button type="submit" className="button button-primary" disabled={busy}>
                        {t("consultant.inbox.propose")}
                      </button>
                    </Form>
                  ) : null}
                  <Form method="post">
                    <input type="hidden" name="intent" value="approve" />
                    <input type="hidden" name="requestId" value={r.id} />
                    <fieldset>
                      <legend className="form-label">{t("consultant.inbox.approveChannel")}</legend>
                      <ul className="nobullet-list">
                        {(["IN_PERSON", "PHONE"] as const).map((c, i) => (
                          <li key={c}>
                            <input className="form-radio" type="radio" id={`channel-${r.id}-${c}`} name="channel" value={c} defaultChecked={i === 0} />
                            <label htmlFor={`channel-${r.id}-${c}`}>{t(`consultant.consentChannel.${c}`)}</label>
                          </li>
                        ))}
                      </ul>
                    </fieldset>
                    <button type="submit" className="button button-secondary" disabled={busy}>
                      {t("consultant.inbox.approve")}
                    </button>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="intent" value="decline" />
                    <input type="hidden" name="requestId" value={r.id} />
                    <button type="submit" className="button button-tertiary" disabled={busy}>
                      {t("consultant.inbox.decline")}
                    </button>
                  </Form>
                </div>
              ) : (
                <p>
                  <span className="badge">{t(`consultant.requestStatus.${r.status}`)}</span>
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </ListPage>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ErrorPage";
