// "/borger": a citizen asks for the personal link to their data. The answer is
// the same whether or not Jobbro knows the address (no enumeration); requests
// are rate limited per address (app/portals/citizen/request-link.server.ts).
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type HeadersFunction, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextField } from "~/components/form";
import { requestCitizenLink } from "~/portals/citizen/request-link.server";
import { LinkRequestSchema } from "~/portals/citizen/schema";
import { getEnv } from "~/lib/env.server";
import { pageTitle } from "~/lib/meta";
import { QueueUnavailableError } from "~/lib/queue.server";
import { readFormData } from "~/lib/form-body.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "citizen.request.title");

const NO_STORE = { "Cache-Control": "no-store" };
export const headers: HeadersFunction = () => NO_STORE;

export function loader() {
  return data({ hours: getEnv().CITIZEN_LINK_TTL_HOURS }, { headers: NO_STORE });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readFormData(request), { schema: LinkRequestSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), outcome: null, retryMinutes: null }, { status: 400, headers: NO_STORE });
  }
  let outcome;
  try {
    outcome = await requestCitizenLink(context.db, { email: submission.value.email, clientAddress: context?.clientAddress ?? null });
  } catch (error) {
    if (!(error instanceof QueueUnavailableError)) throw error;
    return data({ result: submission.reply(), outcome: "unavailable" as const, retryMinutes: null }, { status: 503, headers: NO_STORE });
  }
  if (outcome.status === "limited") {
    return data(
      { result: submission.reply(), outcome: "limited" as const, retryMinutes: Math.ceil(outcome.retryAfterSeconds / 60) },
      { status: 429, headers: { ...NO_STORE, "Retry-After": String(outcome.retryAfterSeconds) } },
    );
  }
  // The form is emptied: the address is not shown back, and a second person at the same screen does not see it.
  return data({ result: submission.reply({ resetForm: true }), outcome: "sent" as const, retryMinutes: null }, { headers: NO_STORE });
}

export default function CitizenRequestPage() {
  const { t } = useTranslation();
  const { hours } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(LinkRequestSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LinkRequestSchema }),
  });
  return (
    <div className="row">
      <div className="col-12 col-md-10 col-lg-8">
        <h1>{t("citizen.request.title")}</h1>
        <p className="font-lead">{t("citizen.request.lead")}</p>
        {actionData?.outcome === "sent" ? (
          <div className="alert alert-success" role="status">
            <p className="alert-text">{t("citizen.request.sent")}</p>
          </div>
        ) : null}
        {actionData?.outcome === "limited" ? (
          <div className="alert alert-warning" role="alert">
            <p className="alert-text">{t("citizen.request.limited", { minutes: actionData.retryMinutes })}</p>
          </div>
        ) : null}
        {actionData?.outcome === "unavailable" ? (
          <div className="alert alert-error" role="alert">
            <p className="alert-text">{t("citizen.request.unavailable")}</p>
          </div>
        ) : null}
        <ErrorSummary form={form} fields={[{ field: fields.email, label: t("citizen.request.email") }]} />
        <p>{t("citizen.request.how", { hours })}</p>
        <Form method="post" {...getFormProps(form)} noValidate>
          <TextField field={fields.email} label={t("citizen.request.email")} hint={t("citizen.request.emailHint")} type="email" autoComplete="email" />
          <button type="submit" className="button button-primary">
            {t("citizen.request.submit")}
          </button>
        </Form>
        <p className="mt-7">{t("citizen.request.noEmail")}</p>
      </div>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ErrorPage";
