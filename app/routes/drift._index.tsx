import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listOrganisationsByKind } from "~/portals/operator/dashboard.server";
import { requireRole } from "~/modules/auth/guards.server";
import { getDb } from "~/lib/db.server";
import { formatNumber } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "operator.heading", { name: data?.organisationName ?? "" });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "OPERATOR");
  const groups = await listOrganisationsByKind(getDb());
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
          {group.organisations.length === 0 ? (
            <p>{t("operator.emptyKind")}</p>
          ) : (
            <div className="table--responsive-scroll">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t("operator.columns.name")}</th>
                    <th scope="col" className="align-text-right">{t("operator.columns.members")}</th>
                  </tr>
                </thead>
                <tbody>
                  {group.organisations.map((organisation) => (
                    <tr key={organisation.id}>
                      <td>{organisation.name}</td>
                      <td className="align-text-right">{formatNumber(organisation.members, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </>
  );
}
