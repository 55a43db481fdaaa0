import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data";
import { listOrganisationsByKind } from "~/portals/operator/dashboard.server";
import { requireRole } from "~/modules/auth/guards.server";
import { formatNumber } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "operator.heading", { name: data?.organisationName ?? "" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "OPERATOR");
  const groups = await listOrganisationsByKind(context.db);
  return { organisationName: user.organisation.name, groups };
}

export default function OperatorHome() {
  const { organisationName, groups } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <h1>{t("operator.heading", { name: organisationName })}</h1>
      <nav aria-labelledby="operations-tools">
        <h2 id="operations-tools">{t("operations.homeHeading")}</h2>
        <ul>
          <li>
            <Link to="/drift/koersler">{t("operations.runsLink")}</Link>
          </li>
          <li>
            {/* Bull Board is served by Express, not Remix: a full page load. */}
            <a href="/admin/queues">{t("operations.queuesLink")}</a>
          </li>
        </ul>
      </nav>
      <h2>{t("operator.organisationsHeading")}</h2>
      {groups.map((group) => (
        <section key={group.kind} aria-labelledby={`kind-${group.kind}`}>
          <h3 id={`kind-${group.kind}`}>
            {t("operator.kindHeading", { kind: t(`roles.${group.kind}`), total: formatNumber(group.count, language) })}
          </h3>
          <DataTable
            rows={group.organisations}
            rowKey={(organisation) => organisation.id}
            label={t(`roles.${group.kind}`)}
            empty={t("operator.emptyKind")}
            paramPrefix={group.kind.toLowerCase()}
            columns={[
              { header: t("operator.columns.name"), sort: { key: "name", value: (o) => o.name }, cell: (o) => o.name },
              { header: t("operator.columns.members"), numeric: true, sort: { key: "members", value: (o) => o.members }, cell: (o) => formatNumber(o.members, language) },
            ]}
          />
        </section>
      ))}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ErrorPage";
