// Accepting an invitation: the invited person chooses a name and a password and
// is logged in. A link that expired answers 410, one that was used 410 too,
// one we do not know 404 – each with a page that says what to do.
import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormGroup, summaryFields, TextField, ValidatedForm } from "~/components/form";
import { InvalidInputError } from "~/lib/errors";
import { createSession, deleteSession } from "~/modules/auth/session.server";
import { acceptInvitation, lookUpInvitation } from "~/portals/company/invitations.server";
import { InvitationAcceptSchema } from "~/portals/company/registration-schema";
import { pageTitle } from "~/lib/meta";
import { readSessionId, serializeSessionCookie } from "~/modules/auth/session-cookie.server";
import { readFormData } from "~/lib/form-body.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "company.invitation.title");

type Unusable = "expired" | "used" | "unknown";
const STATUS: Record<Unusable, number> = { expired: 410, used: 410, unknown: 404 };

function unusable(state: Unusable) {
  return data({ state, email: null, organisationName: null, result: null }, { status: STATUS[state] });
}

export async function loader({ params, context }: LoaderFunctionArgs) {
  const found = await lookUpInvitation(context.db, params.token ?? "");
  if (found.state !== "valid") return unusable(found.state);
  return data({ state: "valid" as const, email: found.invitation.email, organisationName: found.invitation.organisationName, result: null });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const db = context.db;
  const token = params.token ?? "";
  const found = await lookUpInvitation(db, token);
  if (found.state !== "valid") return unusable(found.state);
  const submission = parseWithZod(await readFormData(request), { schema: InvitationAcceptSchema });
  const again = (result: ReturnType<typeof submission.reply>) =>
    data({ state: "valid" as const, email: found.invitation.email, organisationName: found.invitation.organisationName, result }, { status: 400 });
  if (submission.status !== "success") return again(submission.reply({ hideFields: ["password"] }));
  try {
    const accepted = await acceptInvitation(db, token, submission.value);
    if ("state" in accepted) return unusable(accepted.state);
    const previous = await readSessionId(request);
    if (previous) await deleteSession(db, previous);
    const session = await createSession(db, accepted.userId);
    // "/" sends a logged-in user to the home of their organisation's kind.
    return redirect("/", { headers: { "Set-Cookie": await serializeSessionCookie(session.id, session.expiresAt) } });
  } catch (error) {
    if (error instanceof InvalidInputError) return again(submission.reply({ formErrors: ["company.colleagues.errors.alreadyMember"], hideFields: ["password"] }));
    throw error;
  }
}

export default function AcceptInvitation() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const view = actionData ?? loaderData;
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: actionData?.result ?? undefined,
    constraint: getZodConstraint(InvitationAcceptSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InvitationAcceptSchema }),
  });
  const labels = { name: t("company.invitation.name"), password: t("company.invitation.password") };

  if (view.state !== "valid") {
    const [title, text] =
      view.state === "expired"
        ? [t("company.invitation.expiredTitle"), t("company.invitation.expiredText")]
        : view.state === "used"
          ? [t("company.invitation.usedTitle"), t("company.invitation.usedText")]
          : [t("company.invitation.unknownTitle"), t("company.invitation.unknownText")];
    return (
      <section className="error-page" data-status={STATUS[view.state]}>
        <h1>{title}</h1>
        <p className="font-lead">{text}</p>
        <p>
          <Link to="/login" className="button button-primary">
            {t("company.invitation.toLogin")}
          </Link>
        </p>
      </section>
    );
  }

  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t("company.invitation.title")}</h1>
        <p className="font-lead">{t("company.invitation.lead", { organisation: view.organisationName })}</p>
        <ValidatedForm form={form} summary={summaryFields(fields, labels)}>
          <FormGroup inputId="invitation-email" label={t("company.invitation.email")}>
            <input className="form-input" id="invitation-email" type="email" value={view.email ?? ""} readOnly autoComplete="username" />
          </FormGroup>
          <TextField field={fields.name} label={labels.name} autoComplete="name" />
          <TextField field={fields.password} type="password" label={labels.password} hint={t("company.invitation.passwordHint")} autoComplete="new-password" />
          <button type="submit" className="button button-primary" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? t("forms.working") : t("company.invitation.submit")}
          </button>
        </ValidatedForm>
      </div>
    </div>
  );
}
