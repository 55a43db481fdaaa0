// One stage of a vacancy's pipeline: the matches in that status, each a card the consultant moves on.
import { useTranslation } from "react-i18next";
import type { PipelineStatus } from "~/generated/prisma/enums";
import type { VacancyPipeline } from "~/modules/pipeline/service.server";
import { PipelineMatchCard } from "./PipelineMatchCard";

export function PipelineStage({
  status,
  matches,
  busyMatchId,
  error,
}: {
  status: PipelineStatus;
  matches: VacancyPipeline["matches"];
  /** The match whose form is being submitted: its buttons are disabled meanwhile. */
  busyMatchId: string | null;
  /** The last action's error, shown on the card of the match it was about. */
  error: { matchId: string; text: string } | null;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`stage-${status}`} data-stage={status} className="pipeline-stage">
      <h3 id={`stage-${status}`}>
        {t(`consultant.pipelineStatus.${status}`)} <span className="badge">{matches.length}</span>
      </h3>
      <ul className="nobullet-list">
        {matches.map((m) => (
          <PipelineMatchCard key={m.id} match={m} busy={busyMatchId === m.id} error={error && error.matchId === m.id ? error.text : null} />
        ))}
      </ul>
    </section>
  );
}
