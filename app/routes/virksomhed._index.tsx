import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listCompanyVacancies } from "~/modules/dashboard/company.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formatDate, formatNumber } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { useLanguage } from "~/utils/use-language";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "company.heading", { name: data?.organisationName ?? "" });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "COMPANY");
  const vacancies = await listCompanyVacancies(getDb(), user.organisation.id);
  return { organisationName: user.organisation.name, vacancies };
}

export default function CompanyHome() {
  const { organisationName, vacancies } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <h1>{t("company.heading", { name: organisationName })}</h1>
      <h2>{t("company.vacanciesHeading")}</h2>
      {vacancies.length === 0 ? (
        <p>{t("company.empty")}</p>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("company.columns.title")}</th>
                <th scope="col">{t("company.columns.status")}</th>
                <th scope="col">{t("company.columns.startDate")}</th>
                <th scope="col" className="align-text-right">{t("company.columns.matches")}</th>
              </tr>
            </thead>
            <tbody>
              {vacancies.map((vacancy) => (
                <tr key={vacancy.id}>
                  <td>{vacancy.title}</td>
                  <td>{t(`vacancyStatus.${vacancy.status}`)}</td>
                  <td>{formatDate(vacancy.startDate, language)}</td>
                  <td className="align-text-right">{formatNumber(vacancy.currentMatches, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
