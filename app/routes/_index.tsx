import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getOptionalUser, homePathForUser } from "~/modules/auth/guards.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "meta.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (user) throw redirect(homePathForUser(user));
  return null;
}

export default function Landing() {
  const { t } = useTranslation();
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <h1>{t("landing.title")}</h1>
        <p className="font-lead">{t("landing.lead")}</p>
        <ul>
          <li>{t("landing.companies")}</li>
          <li>{t("landing.jobcentres")}</li>
          <li>{t("landing.institutions")}</li>
        </ul>
        <p>{t("landing.privacy")}</p>
        <p>
          <Link to="/login" className="button button-primary">
            {t("landing.loginButton")}
          </Link>
          {" "}
          <Link to="/registrer" className="button button-secondary">
            {t("company.register.landingLink")}
          </Link>
        </p>
      </div>
    </div>
  );
}
