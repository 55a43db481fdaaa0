// Import a course catalogue from CSV. Every row is validated first; a file with
// any bad row is refused with each row's line and reason and nothing is saved.
// A valid file is saved in one transaction. The upload is capped in size.
import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data";
import { CATALOGUE_COLUMNS, MAX_CATALOGUE_BYTES, MAX_CATALOGUE_ROWS, REQUIRED_COLUMNS } from "~/modules/courses/catalogue-format";
import type { FileError, RowError } from "~/modules/courses/catalogue-import";
import { importCatalogue, type CatalogueImportResult } from "~/modules/courses/catalogue-import.server";
import { requireRole } from "~/modules/auth/guards.server";
import { formatNumber } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "institution.import.title");

/** Room for the multipart envelope around a file of the maximum size. */
const ENVELOPE_BYTES = 64 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "INSTITUTION");
  return null;
}

type ActionResult = CatalogueImportResult;

const refused = (fileError: FileError, status = 400) => data<ActionResult>({ status: "fileError", fileError }, { status });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "INSTITUTION");
  // Refuse an oversized upload before reading it, when the size is declared.
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > MAX_CATALOGUE_BYTES + ENVELOPE_BYTES) return refused({ reason: "tooLarge" }, 413);
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_CATALOGUE_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return refused({ reason: "tooLarge" }, 413);
    // Not a multipart body, or a broken one: there is no file to read.
    return refused({ reason: "missing" });
  }
  const file = formData.get("catalogue");
  if (!(file instanceof File) || file.size === 0) return refused({ reason: "missing" });
  const result = await importCatalogue(context.db, { organisationId: user.organisation.id, userId: user.id }, await file.text());
  return data<ActionResult>(result, { status: result.status === "saved" ? 200 : 400 });
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

export default function ImportPage() {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const importing = navigation.state === "submitting" && navigation.formAction === "/uddannelse/import";
  const size = megabytes(MAX_CATALOGUE_BYTES);
  const fileError = result?.status === "fileError" ? result.fileError : null;
  const fileErrorText = fileError
    ? t(`institution.import.fileErrors.${fileError.reason}`, { size, max: MAX_CATALOGUE_ROWS, detail: fileError.detail ?? "", columns: fileError.detail ?? "" })
    : null;

  return (
    <>
      <h1>{t("institution.import.title")}</h1>
      <p className="font-lead">{t("institution.import.lead")}</p>

      {result?.status === "saved" && !importing ? (
        <div className="alert alert-success" role="status" data-testid="import-summary">
          <strong className="alert-heading">{t("institution.import.successHeading")}</strong>
          <p className="alert-text">
            {t("institution.import.successText", { created: result.created, updated: result.updated, offerings: result.offerings, rows: result.rows })}
          </p>
        </div>
      ) : null}
      {result?.status === "rowErrors" && !importing ? <RowErrors errors={result.errors} /> : null}

      <Form method="post" action="/uddannelse/import" encType="multipart/form-data" noValidate>
        <div className={`form-group${fileErrorText ? " form-error" : ""}`}>
          <label className="form-label" htmlFor="catalogue">
            {t("institution.import.fileLabel")}
          </label>
          <span className="form-hint" id="catalogue-hint">
            {t("institution.import.fileHint", { size })}
          </span>
          {fileErrorText ? (
            <span className="form-error-message" id="catalogue-error" role="alert">
              {fileErrorText}
            </span>
          ) : null}
          <input
            className="form-file-input"
            type="file"
            id="catalogue"
            name="catalogue"
            accept=".csv,text/csv"
            required
            aria-describedby={fileErrorText ? "catalogue-hint catalogue-error" : "catalogue-hint"}
            aria-invalid={fileErrorText ? true : undefined}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={importing}>
          {importing ? t("institution.import.importing") : t("institution.import.submit")}
        </button>
        {importing ? (
          <p className="form-hint" role="status" aria-live="polite">
            <progress aria-label={t("institution.import.importing")} /> {t("institution.import.importingStatus")}
          </p>
        ) : null}
      </Form>

      <h2>{t("institution.import.formatHeading")}</h2>
      <p>{t("institution.import.formatLead")}</p>
      <p>
        {/* A resource route: a full download, not a client navigation. */}
        <a href="/uddannelse/import/eksempel.csv" download="kursuskatalog-eksempel.csv" className="function-link">
          {t("institution.import.sample")}
        </a>
      </p>
      <DataTable
        rows={CATALOGUE_COLUMNS}
        rowKey={(column) => column}
        caption={t("institution.import.columnsCaption")}
        variant="compact"
        columns={[
          { header: t("institution.import.formatColumns.name"), rowHeader: true, cell: (column) => <code>{column}</code> },
          { header: t("institution.import.formatColumns.required"), cell: (column) => (REQUIRED_COLUMNS.includes(column) ? t("institution.import.yes") : t("institution.import.no")) },
          { header: t("institution.import.formatColumns.meaning"), cell: (column) => t(`institution.import.columnHelp.${column}`) },
        ]}
      />
    </>
  );
}

function RowErrors({ errors }: { errors: RowError[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const lines = new Set(errors.map((e) => e.line)).size;
  return (
    <div className="alert alert-error" role="alert" data-testid="import-errors">
      <strong className="alert-heading">{t("institution.import.errorsHeading")}</strong>
      <p className="alert-text">{t("institution.import.errorsLead", { count: lines, formatted: formatNumber(lines, language) })}</p>
      <DataTable
        rows={errors.map((error, index) => ({ ...error, key: `${error.line}-${error.column}-${index}` }))}
        rowKey={(error) => error.key}
        rowProps={(error) => ({ "data-line": error.line })}
        caption={t("institution.import.errorsCaption")}
        captionHidden
        variant="compact"
        columns={[
          { header: t("institution.import.errorColumns.line"), cell: (error) => error.line },
          { header: t("institution.import.errorColumns.column"), cell: (error) => (error.column ? <code>{error.column}</code> : "–") },
          { header: t("institution.import.errorColumns.reason"), cell: (error) => t(`institution.import.reasons.${error.reason}`, { value: error.value ?? "", line: error.value ?? "" }) },
        ]}
      />
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ErrorPage";
