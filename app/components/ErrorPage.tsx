// The body of an error boundary: 404, 403 or a general error, inside the layout.
// Pages export RouteErrorBoundary as their own (`export { RouteErrorBoundary as
// ErrorBoundary } from "~/components/ErrorPage"`): one line instead of a function
// in every route, and the error is answered by the page that failed.
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function ErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, text] =
    status === 404
      ? [t("errors.notFoundTitle"), t("errors.notFoundText")]
      : status === 403
        ? [t("errors.forbiddenTitle"), t("errors.forbiddenText")]
        : [t("errors.serverTitle"), t("errors.serverText")];
  return (
    <section className="error-page" data-status={status}>
      <h1>{title}</h1>
      <p className="font-lead">{text}</p>
      <p>
        <Link to="/" className="button button-primary">
          {t("errors.backToFront")}
        </Link>
      </p>
    </section>
  );
}

export function RouteErrorBoundary() {
  return <ErrorPage />;
}
