// The company's introduction requests with their status; for accepted ones the
// candidate's name and contact details, while the citizen's consent to share
// with this company stands (each reveal audited, modules/introductions).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/ErrorPage";
import { revealContacts } from "~/modules/introductions/company-contact.server";
import { listCompanyRequests } from "~/modules/introductions/request.server";
import { requireRole } from "~/modules/auth/guards.server";
import { getDb } from "~/lib/db.server";
import { formatDate } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "company.requests.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "COMPANY");
  const db = getDb();
  const rows = await listCompanyRequests(db, user.organisation.id);
  const accepted = rows.filter((r) => r.status === "ACCEPTED").map((r) => r.candidateId);
  const contacts = await revealContacts(db, { organisationId: user.organisation.id, userId: user.id }, accepted);
  return {
    requests: rows.map((row) => ({
      id: row.id,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
      pseudonym: row.candidate.pseudonym,
      vacancy: row.vacancy,
      contact: row.status === "ACCEPTED" ? (contacts.get(row.candidateId) ?? null) : null,
    })),
  };
}

export default function CompanyRequests() {
  const { requests } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <h1>{t("company.requests.title")}</h1>
      <p className="font-lead">{t("company.requests.lead")}</p>
      {requests.length === 0 ? (
        <p>{t("company.requests.empty")}</p>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("company.requests.columns.candidate")}</th>
                <th scope="col">{t("company.requests.columns.vacancy")}</th>
                <th scope="col">{t("company.requests.columns.sent")}</th>
                <th scope="col">{t("company.requests.columns.status")}</th>
                <th scope="col">{t("company.requests.columns.contact")}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((request) => (
                <tr key={request.id}>
                  <th scope="row">{request.contact ? request.contact.name : request.pseudonym}</th>
                  <td>
                    <Link to={`/virksomhed/stillinger/${request.vacancy.id}`}>{request.vacancy.title}</Link>
                  </td>
                  <td>{formatDate(request.createdAt, language)}</td>
                  <td>{t(`company.requestStatus.${request.status}`)}</td>
                  <td>
                    {request.contact ? (
                      <>
                        {request.contact.email ? <a href={`mailto:${request.contact.email}`}>{request.contact.email}</a> : null}
                        {request.contact.email && request.contact.phone ? <br /> : null}
                        {request.contact.phone ? <a href={`tel:${request.contact.phone.replace(/\s+/g, "")}`}>{request.contact.phone}</a> : null}
                      </>
                    ) : (
                      <span className="form-hint">{t("company.requests.noContact")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
