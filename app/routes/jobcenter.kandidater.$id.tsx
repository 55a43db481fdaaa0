import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/ErrorPage";
import { CandidateAuditLog } from "~/components/jobcentre/candidate-profile/CandidateAuditLog";
import { CandidateConsents } from "~/components/jobcentre/candidate-profile/CandidateConsents";
import { CandidateCourses } from "~/components/jobcentre/candidate-profile/CandidateCourses";
import { CandidateDetails } from "~/components/jobcentre/candidate-profile/CandidateDetails";
import { CandidateEditSection } from "~/components/jobcentre/candidate-profile/CandidateEditSection";
import { CandidateMatches } from "~/components/jobcentre/candidate-profile/CandidateMatches";
import { handleCandidateAction } from "~/portals/jobcentre/candidate-actions.server";
import { loadCandidateProfile } from "~/portals/jobcentre/candidate-profile.server";
import { requireConsultant } from "~/portals/jobcentre/edge.server";
import { pageTitle } from "~/lib/meta";
import { readFormData } from "~/lib/form-body.server";

// The pseudonym, not the name: titles end up in browser history and tab lists.
export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? [{ title: `${data.candidate.pseudonym} – Jobbro` }] : pageTitle(matches, "consultant.candidates.title");

export const headers = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor } = await requireConsultant(request);
  return loadCandidateProfile(context.db, actor, params.id ?? "");
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireConsultant(request);
  const formData = await readFormData(request);
  return handleCandidateAction({ db: context.db, request, formData, candidateId: params.id ?? "", actor });
}

const SAVED_MESSAGES = {
  created: "consultant.candidates.created",
  updated: "consultant.candidateForm.saved",
  consent: "consultant.consents.recorded",
  withdrawn: "consultant.consents.withdrawn",
  course: "consultant.courses.recorded",
} as const;

export default function CandidateProfile() {
  const { candidate, matches, audit, reservations, companies, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const saved = params.get("saved") as keyof typeof SAVED_MESSAGES | null;

  return (
    <>
      <p>
        <Link to="/jobcenter/kandidater" className="back-link">
          {t("consultant.profile.backToList")}
        </Link>
      </p>
      <h1>
        {candidate.firstName} {candidate.lastName}
      </h1>
      <p className="font-lead">
        {t("consultant.profile.pseudonym", { pseudonym: candidate.pseudonym })} · <span className="badge">{t(`consultant.candidateStatus.${candidate.status}`)}</span>
      </p>
      <p className="form-hint">{t("consultant.profile.auditNote")}</p>
      {saved && SAVED_MESSAGES[saved] ? (
        <div className="alert alert-success" role="status">
          <p className="alert-text">{t(SAVED_MESSAGES[saved])}</p>
        </div>
      ) : null}

      <CandidateDetails candidate={candidate} />
      <CandidateMatches matches={matches} />
      <CandidateConsents consents={candidate.consents} companies={companies} lastResult={actionData?.intent === "recordConsent" ? actionData.result : null} />
      <CandidateCourses reservations={reservations} today={today} rejected={Boolean(actionData?.intent === "courseCompleted" && actionData.result)} />
      <CandidateEditSection
        candidate={candidate}
        lastResult={actionData?.intent === "candidate" ? actionData.result : null}
        skillOptions={actionData?.intent === "candidate" ? actionData.skillOptions : undefined}
      />
      <CandidateAuditLog audit={audit} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
