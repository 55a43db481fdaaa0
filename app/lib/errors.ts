// Typed domain errors. Services throw them; the HTTP edge (respond.server.ts)
// turns them into JSON responses, so domain code never imports @remix-run/*.
// Kept framework-free so that the web portals can map the same errors to forms.

export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** Input that is well-formed but wrong: an unknown id, a date order, a missing choice. */
export class InvalidInputError extends DomainError {
  constructor(fields: FieldErrors, message = describeFields(fields)) {
    super("invalid_input", 400, message, fields);
  }
}

/** Also used for "exists but belongs to another organisation": we never reveal existence. */
export class NotFoundError extends DomainError {
  constructor(what: string) {
    super("not_found", 404, `${what} not found`);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, fields?: FieldErrors) {
    super("conflict", 409, message, fields);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = "A valid bearer token is required") {
    super("unauthorized", 401, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super("forbidden", 403, message);
  }
}

export function describeFields(fields: FieldErrors): string {
  const entries = Object.entries(fields);
  if (entries.length === 0) return "Invalid input";
  return `Invalid input: ${entries.map(([path, msg]) => (path ? `${path}: ${msg}` : msg)).join("; ")}`;
}
