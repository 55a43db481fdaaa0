// All indexes, and which outbox topic touches which index.
import type { SearchTopic } from "~/lib/outbox/topics";
import { offeringIdsOfCourses } from "~/modules/courses/search-documents.repository.server";
import type { DbReader as Db } from "./definition";
import { candidatesIndex } from "./candidates";
import type { IndexDefinition } from "./definition";
import { occupationsIndex } from "./occupations";
import { offeringsIndex } from "./offerings";
import { skillsIndex } from "./skills";
import { vacanciesIndex } from "./vacancies";

export const INDEXES = [skillsIndex, occupationsIndex, vacanciesIndex, candidatesIndex, offeringsIndex] as const satisfies readonly IndexDefinition[];

export type IndexName = (typeof INDEXES)[number]["name"];

export function indexDefinition(name: string): IndexDefinition {
  const found = INDEXES.find((d) => d.name === name);
  if (!found) throw new Error(`Unknown search index "${name}"; known: ${INDEXES.map((d) => d.name).join(", ")}`);
  return found as IndexDefinition;
}

/** What a topic means for search: which index, and which of its documents. */
export interface TopicTarget {
  index: IndexDefinition;
  resolveIds(db: Db, aggregateIds: readonly string[]): Promise<string[]>;
  /**
   * A Meilisearch filter for documents already indexed under these aggregates.
   * Needed where the rows may be gone from PostgreSQL (a deleted course takes
   * its offerings with it), so sync can still find and delete their documents.
   */
  indexedFilter?(aggregateIds: readonly string[]): string;
}

const same = async (_db: Db, ids: readonly string[]) => [...ids];

export const TOPIC_TARGETS: Record<SearchTopic, TopicTarget> = {
  "skill.changed": { index: skillsIndex, resolveIds: same },
  "occupation.changed": { index: occupationsIndex, resolveIds: same },
  "vacancy.changed": { index: vacanciesIndex, resolveIds: same },
  "candidate.changed": { index: candidatesIndex, resolveIds: same },
  "offering.changed": { index: offeringsIndex, resolveIds: same },
  // A course's title or skills live in every one of its offerings' documents.
  "course.changed": {
    index: offeringsIndex,
    resolveIds: offeringIdsOfCourses,
    indexedFilter: (courseIds) => `courseId IN [${courseIds.map((id) => JSON.stringify(id)).join(", ")}]`,
  },
};

export function topicsFor(index: IndexDefinition): SearchTopic[] {
  return (Object.keys(TOPIC_TARGETS) as SearchTopic[]).filter((t) => TOPIC_TARGETS[t].index.name === index.name);
}
