// The DKFDS navigation menu under the header: the logged-in portal's main pages.
// Rendered as plain links, so it works without JavaScript and wraps on small screens.
import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { OrganisationKind } from "~/generated/prisma/enums";
import { NAVIGATION } from "./navigation";

export function PortalNav({ kind }: { kind: OrganisationKind }) {
  const { t } = useTranslation();
  const items = NAVIGATION[kind];
  return (
    <nav className="navigation-menu portal-nav" aria-label={t("nav.label")}>
      <div className="navigation-menu-inner container">
        <div className="nav">
          <ul className="mainmenu">
            {items.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  // A portal's overview ("/virksomhed") is current only on itself.
                  end={item.to.split("/").length <= 2}
                  reloadDocument={item.reloadDocument}
                  className={({ isActive }) => (isActive ? "current" : undefined)}
                >
                  <span>{t(item.label)}</span>
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </nav>
  );
}
