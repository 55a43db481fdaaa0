// The company's introduction requests with their status; for accepted ones the
// candidate's name and contact details, while the citizen's consent to share
// with this company stands (each reveal audited, modules/introductions).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable, timeOf } from "~/components/data";
import { ListPage } from "~/components/ListPage";
import { revealContacts } from "~/modules/introductions/company-contact.server";
import { listCompanyRequests } from "~/modules/introductions/request.server";
import { requireRole } from "~/modules/auth/guards.server";
import { formatDate } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "company.requests.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "COMPANY");
  const db = context.db;
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
  const name = (request: (typeof requests)[number]) => (request.contact ? request.contact.name : request.pseudonym);
  return (
    <ListPage title={t("company.requests.title")} lead={t("company.requests.lead")}>
      <DataTable
        rows={requests}
        rowKey={(request) => request.id}
        label={t("company.requests.title")}
        empty={t("company.requests.empty")}
        pageSize={50}
        columns={[
          { header: t("company.requests.columns.candidate"), rowHeader: true, sort: { key: "candidate", value: name }, cell: name },
          {
            header: t("company.requests.columns.vacancy"),
            sort: { key: "vacancy", value: (request) => request.vacancy.title },
            cell: (request) => <Link to={`/virksomhed/stillinger/${request.vacancy.id}`}>{request.vacancy.title}</Link>,
          },
          { header: t("company.requests.columns.sent"), sort: { key: "sent", value: (request) => timeOf(request.createdAt) }, cell: (request) => formatDate(request.createdAt, language) },
          {
            header: t("company.requests.columns.status"),
            sort: { key: "status", value: (request) => t(`company.requestStatus.${request.status}`) },
            cell: (request) => t(`company.requestStatus.${request.status}`),
          },
          { header: t("company.requests.columns.contact"), cell: (request) => <Contact contact={request.contact} /> },
        ]}
      />
    </ListPage>
  );
}

function Contact({ contact }: { contact: { email: string | null; phone: string | null } | null }) {
  const { t } = useTranslation();
  if (!contact) return <span className="form-hint">{t("company.requests.noContact")}</span>;
  return (
    <>
      {contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : null}
      {contact.email && contact.phone ? <br /> : null}
      {contact.phone ? <a href={`tel:${contact.phone.replace(/\s+/g, "")}`}>{contact.phone}</a> : null}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ErrorPage";
