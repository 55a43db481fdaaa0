// The operator's user accounts: list, create in an organisation with an initial
// password, disable/enable (disabling ends every session at once), end sessions.
// Staff accounts only: citizens (candidates) have no account and never appear here.
import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable, timeOf } from "~/components/data";
import { RadioGroupField, SelectField, summaryFields, TextField, ValidatedForm } from "~/components/form";
import { ListPage } from "~/components/ListPage";
import { FormColumn } from "~/components/layout/FormColumn";
import { InvalidInputError } from "~/lib/errors";
import { listOrganisations } from "~/modules/organisations/admin.server";
import { createUser, endAllSessions, listUsers, setUserDisabled } from "~/modules/users/admin.server";
import { UserCreateSchema } from "~/modules/users/forms";
import { requireRole } from "~/modules/auth/guards.server";
import { asConformErrors } from "~/lib/form-errors";
import { formatDateTime, formatNumber } from "~/lib/format";
import { createLogger } from "~/lib/logger.server";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";
import { readFormData } from "~/lib/form-body.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "operator.users.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, "OPERATOR");
  const db = context.db;
  const [users, organisations] = await Promise.all([listUsers(db), listOrganisations(db)]);
  return { users, organisations: organisations.map((o) => ({ id: o.id, name: o.name, kind: o.kind })) };
}

const MESSAGES = {
  created: "operator.users.created",
  disabled: "operator.users.disabledMessage",
  enabled: "operator.users.enabledMessage",
  sessions: "operator.users.sessionsEnded",
} as const;

export async function action({ request, context }: ActionFunctionArgs) {
  const operator = await requireRole(request, "OPERATOR");
  const formData = await readFormData(request);
  const intent = String(formData.get("intent") ?? "create");
  const db = context.db;
  const log = createLogger("operator");
  if (intent === "create") {
    const submission = parseWithZod(formData, { schema: UserCreateSchema });
    if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
    try {
      const { id } = await createUser(db, submission.value);
      log.info({ operatorId: operator.id, userId: id }, "user created");
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      return data({ result: submission.reply({ fieldErrors: asConformErrors(error.fields ?? {}), hideFields: ["password"] }) }, { status: 400 });
    }
    return redirect("/drift/brugere?done=created");
  }
  const userId = String(formData.get("userId") ?? "");
  if (intent === "disable" || intent === "enable") {
    // An operator cannot lock themselves out of the tools they would need to undo it.
    if (userId === operator.id) throw new Response("Forbidden", { status: 403 });
    if (!(await setUserDisabled(db, userId, intent === "disable"))) throw new Response("Not found", { status: 404 });
    log.info({ operatorId: operator.id, userId, intent }, "user access changed");
    return redirect(`/drift/brugere?done=${intent}d`);
  }
  if (intent === "endSessions") {
    const ended = await endAllSessions(db, userId);
    log.info({ operatorId: operator.id, userId, ended }, "sessions ended");
    return redirect("/drift/brugere?done=sessions");
  }
  throw new Response("Unknown intent", { status: 400 });
}

export default function UsersPage() {
  const { users } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const done = searchParams.get("done") as keyof typeof MESSAGES | null;

  const organisationsOf = (user: (typeof users)[number]) => user.organisations.map((o) => o.name).join(", ");

  return (
    <ListPage title={t("operator.users.title")} lead={t("operator.users.lead")} notice={done && done in MESSAGES ? t(MESSAGES[done]) : null}>
      <DataTable
        rows={users}
        rowKey={(user) => user.id}
        rowProps={(user) => ({ "data-user-id": user.id, "data-disabled": user.disabledAt ? "true" : "false" })}
        caption={t("operator.users.listCaption")}
        variant="compact"
        testId="users"
        empty={t("operator.users.empty")}
        pageSize={50}
        columns={[
          { header: t("operator.users.columns.name"), sort: { key: "name", value: (user) => user.name }, cell: (user) => user.name },
          { header: t("operator.users.columns.email"), sort: { key: "email", value: (user) => user.email }, cell: (user) => user.email },
          { header: t("operator.users.columns.organisation"), sort: { key: "organisation", value: organisationsOf }, cell: (user) => organisationsOf(user) || "–" },
          {
            header: t("operator.users.columns.lastLogin"),
            sort: { key: "login", value: (user) => timeOf(user.lastLoginAt) },
            cell: (user) => (user.lastLoginAt ? formatDateTime(user.lastLoginAt, language, { timeStyle: "short" }) : t("operator.users.never")),
          },
          {
            header: t("operator.users.columns.status"),
            cell: (user) => (user.disabledAt ? <span className="badge badge-small badge-error">{t("operator.users.disabled")}</span> : t("operator.users.active")),
          },
          { header: t("operator.users.columns.sessions"), numeric: true, sort: { key: "sessions", value: (user) => user.sessions }, cell: (user) => formatNumber(user.sessions, language) },
          { header: t("operator.users.columns.actions"), cell: (user) => <UserActions user={user} /> },
        ]}
      />

      <h2>{t("operator.users.createHeading")}</h2>
      <FormColumn>
        <CreateUserForm />
      </FormColumn>
    </ListPage>
  );
}

function UserActions({ user }: { user: { id: string; name: string; disabledAt: string | Date | null; sessions: number } }) {
  const { t } = useTranslation();
  const toggle = user.disabledAt ? "enable" : "disable";
  return (
    <div className="user-actions">
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value={toggle} />
        <input type="hidden" name="userId" value={user.id} />
        <button type="submit" className="button button-secondary button-small" aria-label={t(`operator.users.${toggle}Label`, { name: user.name })}>
          {t(`operator.users.${toggle}`)}
        </button>
      </Form>
      {user.sessions > 0 ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="endSessions" />
          <input type="hidden" name="userId" value={user.id} />
          <button type="submit" className="button button-tertiary button-small" aria-label={t("operator.users.endSessionsLabel", { name: user.name })}>
            {t("operator.users.endSessions")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}

function CreateUserForm() {
  const { organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "user-form",
    lastResult: actionData?.result,
    constraint: getZodConstraint(UserCreateSchema),
    defaultValue: { role: "MEMBER" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: UserCreateSchema }),
  });
  const label = {
    name: t("operator.users.fields.name"),
    email: t("operator.users.fields.email"),
    organisationId: t("operator.users.fields.organisation"),
    role: t("operator.users.fields.role"),
    password: t("operator.users.fields.password"),
  };
  const submitting = navigation.state === "submitting" && navigation.formData?.get("intent") === "create";
  return (
    <ValidatedForm form={form} summary={summaryFields(fields, label)} intent="create">
      <TextField field={fields.name} label={label.name} autoComplete="off" />
      <TextField field={fields.email} label={label.email} type="email" autoComplete="off" />
      <SelectField
        field={fields.organisationId}
        label={label.organisationId}
        placeholder={t("operator.users.fields.chooseOrganisation")}
        options={organisations.map((o) => ({ value: o.id, label: `${o.name} (${t(`roles.${o.kind}`)})` }))}
      />
      <RadioGroupField
        field={fields.role}
        label={label.role}
        options={[
          { value: "MEMBER", label: t("operator.users.roles.MEMBER") },
          { value: "ADMIN", label: t("operator.users.roles.ADMIN") },
        ]}
      />
      <TextField field={fields.password} label={label.password} hint={t("operator.users.fields.passwordHint")} type="password" autoComplete="new-password" />
      <button type="submit" className="button button-primary" disabled={submitting}>
        {submitting ? t("forms.working") : t("operator.users.create")}
      </button>
    </ValidatedForm>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ErrorPage";
