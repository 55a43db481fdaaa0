import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/ErrorPage";
import { PipelineStage } from "~/components/jobcentre/vacancy-pipeline/PipelineStage";
import { VacancySummary } from "~/components/jobcentre/vacancy-pipeline/VacancySummary";
import { PIPELINE_CHOICES } from "~/portals/jobcentre/schema";
import { readPipeline } from "~/modules/pipeline/service.server";
import { or404, requireConsultant } from "~/portals/jobcentre/edge.server";
import { handlePipelineAction } from "~/portals/jobcentre/pipeline-actions.server";
import { pageTitle } from "~/lib/meta";
import { readFormData } from "~/lib/form-body.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? [{ title: `${data.vacancy.title} – Jobbro` }] : pageTitle(matches, "consultant.vacancies.title");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor } = await requireConsultant(request);
  return or404(() => readPipeline(context.db, actor.organisationId, params.id ?? ""));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireConsultant(request);
  const formData = await readFormData(request);
  return handlePipelineAction({ db: context.db, formData, vacancyId: params.id ?? "", actor });
}

export default function VacancyPipeline() {
  const { vacancy, matches } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const moved = params.get("moved") ?? params.get("unchanged");
  const errorText = (key: string) => (i18n.exists(key) ? t(key as ParseKeys) : key);
  const submitting = navigation.state !== "idle" ? navigation.formData?.get("matchId") : null;
  const busyMatchId = typeof submitting === "string" ? submitting : null;
  const error = actionData ? { matchId: actionData.matchId, text: errorText(actionData.error) } : null;

  return (
    <>
      <p>
        <Link to="/jobcenter/stillinger" className="back-link">
          {t("consultant.vacancies.title")}
        </Link>
      </p>
      <h1>{vacancy.title}</h1>
      {moved && (PIPELINE_CHOICES as readonly string[]).includes(moved) ? (
        <div className="alert alert-success" role="status">
          <p className="alert-text">
            {t(params.get("moved") ? "consultant.vacancy.moved" : "consultant.vacancy.unchanged", {
              status: t(`consultant.pipelineStatus.${moved as (typeof PIPELINE_CHOICES)[number]}`),
            })}
          </p>
        </div>
      ) : null}
      {params.get("reserved") ? (
        <div className="alert alert-success" role="status">
          <p className="alert-text">{t("consultant.vacancy.reservedMessage")}</p>
        </div>
      ) : null}
      <VacancySummary vacancy={vacancy} />

      <h2>{t("consultant.vacancy.pipelineHeading")}</h2>
      <p>{t("consultant.vacancy.pipelineLead")}</p>
      {matches.length === 0 ? <p>{t("consultant.vacancy.empty")}</p> : null}
      {PIPELINE_CHOICES.map((status) => {
        const inStatus = matches.filter((m) => m.status === status);
        if (inStatus.length === 0) return null;
        return <PipelineStage key={status} status={status} matches={inStatus} busyMatchId={busyMatchId} error={error} />;
      })}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
