// Pseudonymous search (issue 6, part 6): after candidates with distinctive
// names, e-mails and phone numbers went through the real outbox → worker sync,
// matching and a full rebuild, no document and no setting of any index holds
// any of them. And the web process's key can search, but neither write nor
// read keys.
import type { Meilisearch } from "meilisearch";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getAdminClient, getSearchClient, indexUid } from "../../../search/client";
import { INDEXES } from "../../../search/indexes/registry";
import { reindexAll } from "../../../search/reindex";
import { within } from "../../setup/async";
import { createCitizen, createJobcentreAndCompany, createSkill, createVacancy, startPrivacyWorld, type PrivacyWorld } from "./helpers";

let world: PrivacyWorld;
const secrets: string[] = [];
let indexedCandidateIds: string[] = [];

beforeAll(async () => {
  world = await startPrivacyWorld("searchpii");
  const db = world.ctx.db;
  const { jobcentre, company } = await createJobcentreAndCompany(db);
  const skill = await createSkill(db);
  const vacancy = await createVacancy(db, company.id, skill.id);
  const made = [];
  for (let i = 0; i < 4; i++) made.push(await createCitizen(db, jobcentre.id, { skillIds: [skill.id] }));
  // Not indexable: no longer consenting, and employed; their documents must be deleted, not kept.
  await db.consent.updateMany({ where: { candidateId: made[2]!.candidate.id }, data: { withdrawnAt: new Date() } });
  await db.candidate.update({ where: { id: made[3]!.candidate.id }, data: { status: "EMPLOYED" } });
  await db.outboxEvent.createMany({ data: made.slice(2).map((m) => ({ topic: "candidate.changed", aggregateId: m.candidate.id })) });
  await db.contactRequest.create({ data: { companyId: company.id, vacancyId: vacancy.id, candidateId: made[0]!.candidate.id, message: `Vi vil gerne tale med ${made[0]!.person.firstName}` } });
  for (const { person } of made) secrets.push(person.firstName, person.lastName, person.email, person.phone, person.phone.replace(/\s/g, ""));
  indexedCandidateIds = made.slice(0, 2).map((m) => m.candidate.id);

  await vi.waitFor(async () => expect(await db.outboxEvent.count({ where: { dispatchedAt: null } })).toBe(0), within());
  await vi.waitFor(async () => expect(await db.match.count({ where: { vacancyId: vacancy.id, current: true } })).toBe(2), within());
  // And the other path into the indexes: a full rebuild.
  await reindexAll({ db });
}, 120_000);
afterAll(async () => world?.close());

async function allDocuments(client: Meilisearch, uid: string): Promise<unknown[]> {
  const documents: unknown[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await client.index(uid).getDocuments({ limit: 1000, offset });
    documents.push(...page.results);
    if (page.results.length < 1000) return documents;
  }
}

describe("the search indexes", () => {
  it("hold no candidate's name, e-mail or phone number in any document or setting", async () => {
    const admin = getAdminClient();
    const prefix = world.ctx.indexPrefix;
    const { results } = await admin.getIndexes({ limit: 1000 });
    const ours = results.map((i) => i.uid).filter((uid) => uid.startsWith(prefix));
    // Every index of this deployment is read, and there are no others to forget.
    expect(ours.sort()).toEqual(INDEXES.map((d) => indexUid(d.name)).sort());

    let documents = 0;
    for (const uid of ours) {
      const docs = await allDocuments(admin, uid);
      documents += docs.length;
      const haystack = `${JSON.stringify(docs)}\n${JSON.stringify(await admin.index(uid).getSettings())}`.toLowerCase();
      for (const secret of secrets) expect(haystack.includes(secret.toLowerCase()), `${secret} found in ${uid}`).toBe(false);
    }
    expect(documents).toBeGreaterThan(0);

    // The candidates index really holds the consenting candidates (so the check above read real documents), and only them.
    const candidateDocs = (await allDocuments(admin, indexUid("candidates"))) as { id: string }[];
    expect(candidateDocs.map((d) => d.id).sort()).toEqual([...indexedCandidateIds].sort());
  });
});

describe("the web process's Meilisearch key", () => {
  it("can search this deployment's indexes and finds nobody by name", async () => {
    const web = await getSearchClient();
    const hits = await web.index(indexUid("candidates")).search("", { limit: 10 });
    expect(hits.hits.length).toBe(indexedCandidateIds.length);
    for (const secret of secrets.slice(0, 4)) {
      expect((await web.index(indexUid("candidates")).search(secret)).hits).toHaveLength(0);
    }
  });

  it("cannot write documents, change settings, delete indexes, read documents or read keys", async () => {
    const web = await getSearchClient();
    const candidates = web.index(indexUid("candidates"));
    const refused = async (what: string, attempt: () => Promise<unknown>) => {
      const outcome = await attempt().then(
        () => "allowed",
        (error: { cause?: { response?: { status?: number } }; response?: { status?: number } }) => error.cause?.response?.status ?? error.response?.status ?? "error",
      );
      expect([403, 401], `${what}: ${String(outcome)}`).toContain(outcome);
    };
    await refused("add documents", () => candidates.addDocuments([{ id: "intruder", pseudonym: "x" }]));
    await refused("delete documents", () => candidates.deleteAllDocuments());
    await refused("update settings", () => candidates.updateSettings({ searchableAttributes: ["*"] }));
    await refused("delete index", () => web.deleteIndex(indexUid("candidates")));
    await refused("create index", () => web.createIndex(`${world.ctx.indexPrefix}intruder`));
    await refused("get documents", () => candidates.getDocuments({ limit: 1 }));
    await refused("list keys", () => web.getKeys());
    await refused("create key", () => web.createKey({ actions: ["*"], indexes: ["*"], expiresAt: null }));
    // Nothing got through.
    expect(await getAdminClient().index(indexUid("candidates")).getDocument("intruder").then(() => true, () => false)).toBe(false);
  });
});
