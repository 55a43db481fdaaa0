// The operator's taxonomy page: the button queues a job (ids only in its payload);
// the worker's processor imports the configured data directory, reports
// progress, and the page shows the job's state and the new TaxonomyImport row.
import path from "node:path";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOBS } from "~/lib/queues/registry";
import * as taxonomy from "~/routes/drift.taksonomi";
import { createLogger } from "~/lib/logger.server";
import { closeQueues } from "~/lib/queue.server";
import { createRedis } from "~/lib/redis.server";
import { createTaxonomyProcessor } from "../../../workers/jobs/taxonomy-import";
import { createTestContext, type TestContext } from "../../setup/test-db";
import { deleteQueueKeys, useUniqueQueuePrefix } from "../operations-helpers";
import { formRequest, getRequest, loggedInUser, routeContext, settle, type LoggedIn } from "../institution/helpers";

let ctx: TestContext;
let prefix: string;
let operator: LoggedIn;

beforeAll(async () => {
  ctx = await createTestContext("optaxo");
  prefix = useUniqueQueuePrefix();
  operator = await loggedInUser(ctx.db, "OPERATOR", "Drift");
});
afterAll(async () => {
  await closeQueues();
  if (prefix) await deleteQueueKeys(prefix);
  await ctx?.cleanup();
});

describe("taxonomy import from the operator's page", () => {
  it("queues an import job, and the processor imports and records it", async () => {
    const response = (await settle(() => taxonomy.action({ request: formRequest("/drift/taksonomi", {}, operator.cookie), params: {}, context: routeContext }))) as Response;
    expect(response.status).toBe(302);
    const jobId = new URL(response.headers.get("Location")!, "http://x").searchParams.get("job")!;
    expect(jobId).toMatch(/^\d+$/);

    const waiting = await taxonomy.loader({ request: getRequest(`/drift/taksonomi?job=${jobId}`, operator.cookie), params: {}, context: routeContext });
    expect(waiting.job).toMatchObject({ id: jobId, state: "waiting" });

    const redis = createRedis("worker");
    const queue = new Queue(JOBS.taxonomyImport.queue, { connection: redis, prefix });
    try {
      const job = (await queue.getJob(jobId))!;
      expect(job.data).toEqual({ startedById: operator.userId });
      const before = await ctx.db.taxonomyImport.count();
      const process = createTaxonomyProcessor({ db: ctx.db, log: createLogger("test"), dataDir: path.resolve("tests/fixtures/taxonomy/shared"), reindex: false });
      const result = await process(job);
      expect(await ctx.db.taxonomyImport.count()).toBe(before + 1);
      expect(result.importId).toBeTruthy();
      expect((await queue.getJob(jobId))!.progress).toMatchObject({ phase: "done", percent: 100 });
    } finally {
      await queue.close();
      redis.disconnect();
    }
    const page = await taxonomy.loader({ request: getRequest("/drift/taksonomi", operator.cookie), params: {}, context: routeContext });
    expect(page.imports[0]).toMatchObject({ format: expect.any(String), finishedAt: expect.any(Date) });
    expect(page.imports[0]!.skills).toBeGreaterThan(0);
  });
});
