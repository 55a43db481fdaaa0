import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getJobcentreOverview } from "~/modules/dashboard/jobcentre.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formatNumber } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { useLanguage } from "~/utils/use-language";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "jobcentre.heading", { name: data?.organisationName ?? "" });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "JOBCENTRE");
  const overview = await getJobcentreOverview(getDb(), user.organisation.id);
  return { organisationName: user.organisation.name, overview };
}

export default function JobcentreHome() {
  const { organisationName, overview } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const language = useLanguage();
  const figures = [
    { key: "activeCandidates", label: t("jobcentre.activeCandidates"), value: overview.activeCandidates },
    { key: "openVacancies", label: t("jobcentre.openVacancies"), value: overview.openVacancies },
    { key: "openContactRequests", label: t("jobcentre.openContactRequests"), value: overview.openContactRequests },
  ];
  return (
    <>
      <h1>{t("jobcentre.heading", { name: organisationName })}</h1>
      <h2>{t("jobcentre.overviewHeading")}</h2>
      <dl className="figures">
        {figures.map((figure) => (
          <div key={figure.key} data-figure={figure.key}>
            <dt>{figure.label}</dt>
            <dd className="h2">{formatNumber(figure.value, language)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
