// A form body the browser could not have sent (broken multipart, a missing
// boundary) makes request.formData() throw; that is the client's fault, a 400,
// not a 500 from inside an action.
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new Response("Formularen kunne ikke læses.\nThe form could not be read.\n", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
