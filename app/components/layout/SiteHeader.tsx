// DKFDS header: portal bar (logo, user, log in/out) and the solution bar.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import type { OrganisationKind } from "~/generated/prisma/enums";
import { LanguageSwitch } from "./LanguageSwitch";
import { PortalNav } from "./PortalNav";

export interface HeaderUser {
  name: string;
  organisationName: string;
  organisationKind: OrganisationKind;
}

function UserBlock({ user }: { user: HeaderUser | null }) {
  const { t } = useTranslation();
  if (!user) {
    return (
      <Link to="/login" className="button button-secondary">
        {t("layout.login")}
      </Link>
    );
  }
  return (
    <>
      <p className="user">
        <span className="sr-only">{t("layout.loggedInAs")} </span>
        <span className="username weight-semibold">{user.name}</span>
        <br />
        <span className="weight-normal">{user.organisationName}</span>
      </p>
      <Form method="post" action="/logout" className="log-off" reloadDocument>
        <button type="submit" className="button button-secondary d-print-none">
          {t("layout.logout")}
        </button>
      </Form>
    </>
  );
}

export function SiteHeader({ user, language }: { user: HeaderUser | null; language: Language }) {
  const { t } = useTranslation();
  return (
    <header className="header">
      <div className="portal-info">
        <div className="portal-info-inner container">
          <span className="logo" role="img" aria-label={t("layout.portalLogo")}></span>
          <div className="portal-user">
            <UserBlock user={user} />
          </div>
        </div>
      </div>
      {/* DKFDS hides .portal-user on small screens and expects a JS menu; this
          block shows the same without JavaScript below the breakpoint. */}
      <div className="portal-info-mobile">
        <UserBlock user={user} />
        <LanguageSwitch current={language} />
      </div>
      <div className="solution-info">
        <div className="solution-info-inner container">
          <div className="solution-heading">
            <Link to="/" aria-label={t("layout.frontPage")}>
              {t("layout.solutionName")}
            </Link>
          </div>
          <div className="additional-info">
            <p className="authority-name">{t("layout.authority")}</p>
            <LanguageSwitch current={language} />
          </div>
        </div>
      </div>
      {user ? <PortalNav kind={user.organisationKind} /> : null}
    </header>
  );
}
