// GET  /api/v1/courses   the institution's courses with their offerings
// POST /api/v1/courses   create a course with the skills it teaches
import { apiAction, apiLoader, created, ok, parseBody } from "~/portals/api/respond.server";
import { CourseCreateSchema } from "~/modules/courses/schema";
import { createCourse, listCourses } from "~/modules/courses/service.server";

export const loader = apiLoader(["INSTITUTION"], async ({ principal, db }) => ok(await listCourses(db, principal)));

export const action = apiAction(["INSTITUTION"], {
  POST: async ({ request, principal, db }) => created(await createCourse(db, principal, await parseBody(request, CourseCreateSchema))),
});
