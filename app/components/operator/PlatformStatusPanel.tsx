// "Driftsstatus" on the runs page: whether Jobbro is doing its job (the same
// checks as /healthz), the outbox lag and the workers' heartbeats. No ARIA live
// role: the page refreshes while runs are in progress, and a status that is
// re-announced every two seconds would drown the run's own messages.
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data";
import type { PlatformView } from "~/portals/operator/platform-view.server";

const ALERT_CLASS = { ok: "alert-success", degraded: "alert-warning", down: "alert-error" } as const;

export function PlatformStatusPanel({ platform, formatDateTime }: { platform: PlatformView; formatDateTime: (iso: string) => string }) {
  const { t } = useTranslation();
  const seconds = (ms: number) => Math.round(ms / 1000);

  return (
    <section aria-labelledby="platform-status-heading" data-testid="platform-status" data-status={platform.status}>
      <h2 id="platform-status-heading">{t("operations.runs.platform.heading")}</h2>
      <p>{t("operations.runs.platform.lead")}</p>
      <div className={`alert ${ALERT_CLASS[platform.status]}`}>
        <strong className="alert-heading">{t(`operations.runs.platform.status.${platform.status}`)}</strong>
        {platform.reasons.length === 0 ? (
          <p className="alert-text">{t("operations.runs.platform.okText")}</p>
        ) : (
          <ul className="alert-text" aria-label={t("operations.runs.platform.reasonsHeading")}>
            {platform.reasons.map((r) => (
              <li key={`${r.code}:${r.subject ?? ""}`} data-reason={r.code}>
                {t(`operations.runs.platform.reason.${r.code}`, { subject: r.subject ?? "" })}
              </li>
            ))}
          </ul>
        )}
      </div>

      <h3>{t("operations.runs.platform.outboxHeading")}</h3>
      <p data-testid="outbox-lag">
        {platform.outbox === null
          ? t("operations.runs.platform.outboxUnknown")
          : platform.outbox.oldestAgeMs === null
            ? t("operations.runs.platform.outboxNone")
            : t("operations.runs.platform.outboxWaiting", { count: platform.outbox.undispatched, seconds: seconds(platform.outbox.oldestAgeMs) })}
      </p>

      <h3>{t("operations.runs.platform.workersHeading")}</h3>
      {platform.workers === null ? (
        <p>{t("operations.runs.platform.workersUnknown")}</p>
      ) : (
        <DataTable
          rows={platform.workers}
          rowKey={(w) => w.id}
          rowProps={(w) => ({ "data-worker-state": w.alive ? "alive" : "silent" })}
          label={t("operations.runs.platform.workersHeading")}
          variant="compact"
          testId="worker-heartbeats"
          empty={t("operations.runs.platform.workersNone")}
          columns={[
            { header: t("operations.runs.platform.workerColumns.host"), cell: (w) => w.hostname },
            { header: t("operations.runs.platform.workerColumns.pid"), numeric: true, cell: (w) => w.pid },
            { header: t("operations.runs.platform.workerColumns.startedAt"), cell: (w) => formatDateTime(w.startedAt) },
            { header: t("operations.runs.platform.workerColumns.lastSeen"), cell: (w) => t("operations.runs.platform.secondsAgo", { seconds: seconds(w.ageMs) }) },
            { header: t("operations.runs.platform.workerColumns.state"), cell: (w) => t(`operations.runs.platform.workerState.${w.alive ? "alive" : "silent"}`) },
          ]}
        />
      )}
    </section>
  );
}
