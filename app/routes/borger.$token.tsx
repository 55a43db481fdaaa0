// "/borger/:token": the citizen's own page, opened through the signed link they
// were e-mailed (GDPR articles 15, 17 and 7(3)): what Jobbro holds about them,
// who has seen it, their consents with withdrawal, introductions to approve or
// decline, a JSON download and a request for erasure. Every view is written to
// the audit log. A tampered link answers 400, an expired one 410, never a 500.
import { ConceptLabel } from "~/components/ConceptLabel";
import { shownLabel } from "~/modules/taxonomy/label";
import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data";
import { CheckboxField, ValidatedForm } from "~/components/form";
import type { Language } from "~/i18n/config";
import { ConflictError, NotFoundError } from "~/lib/errors";
import { approveIntroduction, declineIntroduction, requestErasureAsCitizen, withdrawConsentAsCitizen } from "~/portals/citizen/decisions.server";
import { getCitizenInsight, type CitizenInsight } from "~/portals/citizen/insight.server";
import { checkCitizenToken } from "~/portals/citizen/link.server";
import { CITIZEN_AUDIT_REASON } from "~/portals/citizen/audit-reason";
import { CitizenActionSchema, ErasureConfirmSchema } from "~/portals/citizen/schema";
import { enqueueErasure } from "~/modules/erasure/request.server";
import { formatDate, formatDateTime } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";
import { readFormData } from "~/lib/form-body.server";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, "citizen.page.title"), { name: "robots", content: "noindex" }];

// The token is in the address: no caching anywhere, and no Referer to other sites.
const PRIVATE = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex" };
export const headers: HeadersFunction = () => PRIVATE;

type LinkProblem = "invalid" | "expired" | "gone";
const problemStatus: Record<LinkProblem, number> = { invalid: 400, expired: 410, gone: 410 };

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const check = checkCitizenToken(params.token ?? "");
  if (!check.ok) return data({ state: check.reason as LinkProblem }, { status: problemStatus[check.reason], headers: PRIVATE });
  const insight = await getCitizenInsight(context.db, check.claims.candidateId);
  if (!insight) return data({ state: "gone" as LinkProblem }, { status: problemStatus.gone, headers: PRIVATE });
  const confirmErasure = new URL(request.url).searchParams.get("slet") === "1";
  return data({ state: "ok" as const, insight, expiresAt: check.claims.expiresAt.toISOString(), confirmErasure }, { headers: PRIVATE });
}

type Done = "withdrawn" | "approved" | "declined" | "erasure";

export async function action({ params, request, context }: ActionFunctionArgs) {
  const check = checkCitizenToken(params.token ?? "");
  const submission = parseWithZod(await readFormData(request), { schema: CitizenActionSchema });
  if (!check.ok) {
    return data({ result: submission.reply({ formErrors: ["citizen.page.errors.invalid"] }), done: null, intent: null, problem: check.reason }, { status: problemStatus[check.reason], headers: PRIVATE });
  }
  if (submission.status !== "success") {
    const intent = submission.payload.intent === "erase" ? ("erase" as const) : null;
    return data({ result: submission.reply(), done: null, intent, problem: null }, { status: 400, headers: PRIVATE });
  }
  const db = context.db;
  const candidateId = check.claims.candidateId;
  const input = submission.value;
  try {
    let done: Done;
    switch (input.intent) {
      case "withdraw":
        await withdrawConsentAsCitizen(db, candidateId, input.consentId);
        done = "withdrawn";
        break;
      case "approve":
        await approveIntroduction(db, candidateId, input.requestId);
        done = "approved";
        break;
      case "decline":
        await declineIntroduction(db, candidateId, input.requestId);
        done = "declined";
        break;
      case "erase": {
        const request = await requestErasureAsCitizen(db, candidateId);
        await enqueueErasure(request.id);
        done = "erasure";
        break;
      }
    }
    return data({ result: submission.reply({ resetForm: true }), done, intent: input.intent, problem: null }, { headers: PRIVATE });
  } catch (error) {
    if (error instanceof NotFoundError) {
      return data({ result: submission.reply({ formErrors: ["citizen.page.errors.invalid"] }), done: null, intent: input.intent, problem: null }, { status: 404, headers: PRIVATE });
    }
    if (error instanceof ConflictError) {
      return data({ result: submission.reply({ formErrors: [error.message] }), done: null, intent: input.intent, problem: null }, { status: 409, headers: PRIVATE });
    }
    throw error;
  }
}

const formatMoment = (value: string, language: Language) => formatDateTime(value, language, { dateStyle: "medium", timeStyle: "short" });

export default function CitizenPage() {
  const loaderData = useLoaderData<typeof loader>();
  if (loaderData.state !== "ok") return <LinkProblemPage problem={loaderData.state} />;
  return <Insight insight={loaderData.insight} expiresAt={loaderData.expiresAt} confirmErasure={loaderData.confirmErasure} />;
}

function LinkProblemPage({ problem }: { problem: LinkProblem }) {
  const { t } = useTranslation();
  const [title, text] =
    problem === "expired"
      ? [t("citizen.link.expiredTitle"), t("citizen.link.expiredText")]
      : problem === "gone"
        ? [t("citizen.link.goneTitle"), t("citizen.link.goneText")]
        : [t("citizen.link.invalidTitle"), t("citizen.link.invalidText")];
  return (
    <section data-testid="citizen-link-problem" data-problem={problem}>
      <h1>{title}</h1>
      <p className="font-lead">{text}</p>
      <p>
        <Link to="/borger" className="button button-primary">
          {t("citizen.link.newLink")}
        </Link>
      </p>
    </section>
  );
}

function ActionMessages() {
  const { t, i18n } = useTranslation();
  const actionData = useActionData<typeof action>();
  if (!actionData) return null;
  if (actionData.done) {
    return (
      <div className="alert alert-success" role="status">
        <p className="alert-text">{t(`citizen.page.done.${actionData.done}`)}</p>
      </div>
    );
  }
  const formError = actionData.intent !== "erase" ? actionData.result.error?.[""]?.[0] : undefined;
  if (!formError && actionData.intent !== "erase") {
    return (
      <div className="alert alert-error" role="alert">
        <p className="alert-text">{t("citizen.page.errors.invalid")}</p>
      </div>
    );
  }
  if (!formError) return null;
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-text">{i18n.exists(formError) ? t(formError as ParseKeys) : t("citizen.page.errors.invalid")}</p>
    </div>
  );
}

function Insight({ insight, expiresAt, confirmErasure }: { insight: CitizenInsight; expiresAt: string; confirmErasure: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { token } = useParams();
  const pending = insight.introductions.filter((r) => r.status === "PROPOSED");
  return (
    <>
      <h1>{t("citizen.page.title")}</h1>
      <p className="font-lead">{t("citizen.page.lead", { jobcentre: insight.profile.jobcentre })}</p>
      <p className="form-hint">{t("citizen.page.expires", { at: formatMoment(expiresAt, lang) })}</p>
      <ActionMessages />
      {insight.erasureRequestedAt ? (
        <div className="alert alert-info" role="status">
          <p className="alert-text">{t("citizen.page.erasureRequested", { at: formatMoment(insight.erasureRequestedAt, lang) })}</p>
        </div>
      ) : null}
      {pending.length > 0 ? <PendingIntroductions pending={pending} /> : null}
      <p>
        <a href={`/borger/${token}/data`} className="button button-secondary" download data-testid="citizen-download" aria-describedby="download-hint">
          {t("citizen.page.download")}
        </a>
        <span className="form-hint d-block" id="download-hint">
          {t("citizen.page.downloadHint")}
        </span>
      </p>
      <Profile insight={insight} />
      <Consents insight={insight} />
      <Introductions insight={insight} />
      <Matches insight={insight} />
      <AccessLog insight={insight} />
      <Erasure requested={insight.erasureRequestedAt !== null} confirm={confirmErasure} />
    </>
  );
}

function PendingIntroductions({ pending }: { pending: CitizenInsight["introductions"] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="pending-heading" className="mb-7">
      <h2 id="pending-heading">{t("citizen.page.pending")}</h2>
      {pending.map((r) => (
        <div className="card mb-5" key={r.id} data-testid="pending-introduction">
          <div className="card-content">
            <p>{t("citizen.page.pendingLead", { company: r.company, vacancy: r.vacancy })}</p>
            <Form method="post" className="d-inline-block mr-4">
              <input type="hidden" name="requestId" value={r.id} />
              <button type="submit" name="intent" value="approve" className="button button-primary">
                {t("citizen.page.approve", { company: r.company })}
              </button>
            </Form>
            <Form method="post" className="d-inline-block">
              <input type="hidden" name="requestId" value={r.id} />
              <button type="submit" name="intent" value="decline" className="button button-secondary">
                {t("citizen.page.decline")}
              </button>
            </Form>
          </div>
        </div>
      ))}
    </section>
  );
}

function Profile({ insight }: { insight: CitizenInsight }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const p = insight.profile;
  const rows: [string, string][] = [
    [t("citizen.page.name"), `${p.firstName} ${p.lastName}`],
    [t("citizen.page.email"), p.email ?? t("citizen.page.none")],
    [t("citizen.page.phone"), p.phone ?? t("citizen.page.none")],
    [t("citizen.page.address"), [p.postalCode, p.city].filter(Boolean).join(" ")],
    [t("citizen.page.pseudonym"), p.pseudonym],
    [t("citizen.page.status"), t(`citizen.statuses.${p.status}`)],
    [t("citizen.page.availableFrom"), formatDate(p.availableFrom, lang)],
    [t("citizen.page.commute"), t("citizen.page.commuteKm", { km: p.commuteRadiusKm })],
    [t("citizen.page.drivingLicence"), p.hasDrivingLicence ? t("citizen.page.yes") : t("citizen.page.no")],
    [t("citizen.page.languages"), p.languages.length ? p.languages.join(", ") : t("citizen.page.none")],
    [t("citizen.page.hours"), p.desiredHoursPerWeek?.toString() ?? t("citizen.page.none")],
    [t("citizen.page.lastActivity"), formatMoment(p.lastActivityAt, lang)],
  ];
  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t("citizen.page.profile")}</h2>
      <DataTable
        rows={rows}
        rowKey={([label]) => label}
        label={t("citizen.page.profile")}
        variant="borderless"
        testId="citizen-profile"
        showHeader={false}
        columns={[
          { header: null, rowHeader: true, cell: ([label]) => label },
          { header: null, cell: ([, value]) => value },
        ]}
      />
      <p className="form-hint">{t("citizen.page.pseudonymHint")}</p>
      <h3>{t("citizen.page.skills")}</h3>
      {insight.skills.length ? (
        <ul>
          {insight.skills.map((s) => (
            <li key={s.id}>
              <ConceptLabel {...shownLabel(s, lang)} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("citizen.page.noSkills")}</p>
      )}
    </section>
  );
}

function usePurpose() {
  const { t } = useTranslation();
  return (purpose: CitizenInsight["consents"][number]["purpose"], company: string | null) =>
    t(`citizen.purposes.${purpose}`, { company: company ?? t("citizen.page.unknownOrganisation") });
}

function Consents({ insight }: { insight: CitizenInsight }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const purpose = usePurpose();
  return (
    <section aria-labelledby="consents-heading" className="mt-7">
      <h2 id="consents-heading">{t("citizen.page.consents")}</h2>
      <p>{t("citizen.page.consentsLead")}</p>
      <DataTable
        rows={insight.consents}
        rowKey={(c) => c.id}
        rowProps={(c) => ({ "data-consent-purpose": c.purpose, "data-active": c.active })}
        label={t("citizen.page.consents")}
        variant="zebra"
        testId="citizen-consents"
        empty={t("citizen.page.noConsents")}
        columns={[
          { header: t("citizen.page.consentPurpose"), cell: (c) => purpose(c.purpose, c.company) },
          { header: t("citizen.page.consentChannel"), cell: (c) => t(`citizen.channels.${c.channel}`) },
          { header: t("citizen.page.consentGiven"), cell: (c) => formatMoment(c.givenAt, lang) },
          {
            header: t("citizen.page.consentState"),
            cell: (c) =>
              c.active ? (
                <Form method="post">
                  <span className="d-block mb-2">{t("citizen.page.consentActive")}</span>
                  <input type="hidden" name="consentId" value={c.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="withdraw"
                    className="button button-secondary button-small"
                    aria-label={t("citizen.page.withdrawLabel", { purpose: purpose(c.purpose, c.company) })}
                  >
                    {t("citizen.page.withdraw")}
                  </button>
                </Form>
              ) : (
                t("citizen.page.consentWithdrawn", { at: formatMoment(c.withdrawnAt!, lang) })
              ),
          },
        ]}
      />
    </section>
  );
}

function Introductions({ insight }: { insight: CitizenInsight }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <section aria-labelledby="introductions-heading" className="mt-7">
      <h2 id="introductions-heading">{t("citizen.page.introductions")}</h2>
      <DataTable
        rows={insight.introductions}
        rowKey={(r) => r.id}
        label={t("citizen.page.introductions")}
        variant="zebra"
        testId="citizen-introductions"
        empty={t("citizen.page.noIntroductions")}
        columns={[
          { header: t("citizen.page.company"), cell: (r) => r.company },
          { header: t("citizen.page.vacancy"), cell: (r) => r.vacancy },
          { header: t("citizen.page.requested"), cell: (r) => formatMoment(r.createdAt, lang) },
          { header: t("citizen.page.status"), cell: (r) => t(`citizen.requestStatuses.${r.status}`) },
          { header: t("citizen.page.decided"), cell: (r) => (r.decidedAt ? formatMoment(r.decidedAt, lang) : "–") },
        ]}
      />
    </section>
  );
}

function Matches({ insight }: { insight: CitizenInsight }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="matches-heading" className="mt-7">
      <h2 id="matches-heading">{t("citizen.page.matches")}</h2>
      <p>{t("citizen.page.matchesLead")}</p>
      <DataTable
        rows={insight.matches}
        rowKey={(m) => m.id}
        label={t("citizen.page.matches")}
        variant="zebra"
        testId="citizen-matches"
        empty={t("citizen.page.noMatches")}
        columns={[
          { header: t("citizen.page.vacancy"), cell: (m) => m.vacancy },
          { header: t("citizen.page.company"), cell: (m) => m.company },
          { header: t("citizen.page.matchKind"), cell: (m) => t(`citizen.matchKinds.${m.kind}`) },
          { header: t("citizen.page.matchStatus"), cell: (m) => t(`citizen.pipeline.${m.status}`) },
          { header: t("citizen.page.matchCurrent"), cell: (m) => (m.current ? t("citizen.page.yes") : t("citizen.page.no")) },
        ]}
      />
    </section>
  );
}

function AccessLog({ insight }: { insight: CitizenInsight }) {
  const { t, i18n } = useTranslation();
  const lang = useLanguage();
  const resource = (name: string) => (i18n.exists(`citizen.resources.${name}`) ? t(`citizen.resources.${name}` as ParseKeys) : t("citizen.resources.other", { resource: name }));
  const action = (name: string) => (i18n.exists(`citizen.actions.${name}`) ? t(`citizen.actions.${name}` as ParseKeys) : name);
  return (
    <section aria-labelledby="access-heading" className="mt-7">
      <h2 id="access-heading">{t("citizen.page.accessLog")}</h2>
      <p>{t("citizen.page.accessLogLead")}</p>
      <DataTable
        rows={insight.accessLog.map((e, i) => ({ ...e, key: `${e.at}-${i}` }))}
        rowKey={(e) => e.key}
        label={t("citizen.page.accessLog")}
        variant="zebra"
        testId="citizen-access-log"
        empty={t("citizen.page.noAccess")}
        columns={[
          { header: t("citizen.page.when"), cell: (e) => formatMoment(e.at, lang) },
          { header: t("citizen.page.who"), cell: (e) => (e.byCitizen ? t("citizen.page.you") : (e.organisation ?? t("citizen.page.unknownOrganisation"))) },
          { header: t("citizen.page.what"), cell: (e) => `${action(e.action)} ${resource(e.resource)}` },
          { header: t("citizen.page.why"), cell: (e) => (e.byCitizen && e.reason === CITIZEN_AUDIT_REASON ? t("citizen.page.ownInsight") : e.reason) },
        ]}
      />
    </section>
  );
}

function Erasure({ requested, confirm }: { requested: boolean; confirm: boolean }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.intent === "erase" ? actionData.result : undefined,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ErasureConfirmSchema }),
  });
  if (requested) return null;
  const showConfirm = confirm || (actionData?.intent === "erase" && !actionData.done);
  return (
    <section aria-labelledby="erasure-heading" className="mt-7" id="slet">
      <h2 id="erasure-heading">{t("citizen.page.erasure")}</h2>
      <p>{t("citizen.page.erasureLead")}</p>
      {showConfirm ? (
        <ValidatedForm form={form} summary={[{ field: fields.confirm, label: t("citizen.page.erasureConfirmHeading") }]}>
          <fieldset>
            <legend className="h3">{t("citizen.page.erasureConfirmHeading")}</legend>
            <CheckboxField field={fields.confirm} label={t("citizen.page.erasureConfirmLabel")} />
          </fieldset>
          <button type="submit" name="intent" value="erase" className="button button-primary mr-4">
            {t("citizen.page.erasureConfirm")}
          </button>
          <Link to="." className="button button-secondary">
            {t("citizen.page.erasureCancel")}
          </Link>
        </ValidatedForm>
      ) : (
        <Link to="?slet=1#slet" className="button button-secondary" data-testid="erasure-start">
          {t("citizen.page.erasureStart")}
        </Link>
      )}
    </section>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ErrorPage";
