/**
 * The one error type of Parallax. A code is `<kind>:<subject>`, e.g. `forbidden:assessment`.
 * The kind decides the HTTP status and the Socket.io ack; the message is safe to show a user.
 * Internal details (SQL, stack traces) are logged by the caller, never put in here.
 */
export const ERROR_KINDS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  /** Well-formed, but not possible for this record as it is (e.g. a point estimate outside the judgement's band). */
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorKind = keyof typeof ERROR_KINDS;
export type ErrorCode = `${ErrorKind}:${string}`;

/** Field-level messages, keyed by a dotted path into the request body ("" for the body itself). */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  readonly retryAfterSeconds?: number;
  /** The record as it is now, sent with a 409 so the client can show what changed (optimistic concurrency). */
  readonly current?: unknown;

  constructor(
    code: ErrorCode,
    message?: string,
    extra?: { fields?: FieldErrors; retryAfterSeconds?: number; current?: unknown },
  ) {
    super(message ?? defaultMessage(code));
    this.name = "AppError";
    this.code = code;
    this.fields = extra?.fields;
    this.retryAfterSeconds = extra?.retryAfterSeconds;
    this.current = extra?.current;
  }

  get kind(): ErrorKind {
    return this.code.split(":")[0] as ErrorKind;
  }

  get status(): number {
    return ERROR_KINDS[this.kind] ?? 500;
  }

  /** The JSON body sent to clients (HTTP) and in Socket.io error acks. */
  toJSON(): { error: { code: ErrorCode; message: string; fields?: FieldErrors; current?: unknown } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields ? { fields: this.fields } : {}),
        ...(this.current !== undefined ? { current: this.current } : {}),
      },
    };
  }
}

function defaultMessage(code: ErrorCode): string {
  const [kind, subject = "resource"] = code.split(":");
  const noun = subject.replaceAll("_", " ");
  switch (kind as ErrorKind) {
    case "bad_request":
      return "The request is not valid.";
    case "unauthorized":
      return "Sign in or send a valid API token.";
    case "forbidden":
      return `Your role does not allow this action on this ${noun}.`;
    case "not_found":
      return `The ${noun} was not found.`;
    case "method_not_allowed":
      return `This method is not allowed on this ${noun}.`;
    case "conflict":
      return `The ${noun} changed or already exists.`;
    case "gone":
      return `The ${noun} is no longer available.`;
    case "payload_too_large":
      return "The request body is too large.";
    case "unprocessable":
      return `The ${noun} cannot be processed as it is.`;
    case "rate_limited":
      return "Too many attempts. Try again later.";
    case "unavailable":
      return "The service is temporarily unavailable.";
    default:
      return "Something went wrong on our side.";
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
