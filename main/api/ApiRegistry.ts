import type { z } from 'zod';
import { API_INPUTS, type ApiError, type ApiOutputs, type ApiResult, type Channel } from '../../shared/api/apiContract';
import { AppError, isAppError } from '../../shared/errors/AppError';
import { checkTextCharacters, problemFromZodIssue } from '../../shared/schemas/validationProblems';
import { mapSqliteError } from '../db/sqliteErrors';

export type Handler<C extends Channel> = (
  input: z.output<(typeof API_INPUTS)[C]>,
) => ApiOutputs[C] | Promise<ApiOutputs[C]>;

/** How long a call waits for another program to finish writing before it says the library is busy. */
export const BUSY_WAIT_MS = 5000;
const BUSY_RETRY_MS = 100;

function toApiError(error: AppError): ApiError {
  return { code: error.code, params: error.params, problems: [...error.problems] };
}

/**
 * Channel name → handler. Every input is parsed with its channel's zod schema before a handler
 * sees it: the renderer is untrusted. Results are `{ ok, value } | { ok, error }` with a
 * translatable code, never a stack trace.
 */
export class ApiRegistry {
  private readonly handlers = new Map<Channel, Handler<Channel>>();

  private readonly busyWaitMs: number;

  constructor(
    private readonly libraryPath: string,
    options: { busyWaitMs?: number } = {},
  ) {
    this.busyWaitMs = options.busyWaitMs ?? BUSY_WAIT_MS;
  }

  register<C extends Channel>(channel: C, handler: Handler<C>): void {
    if (this.handlers.has(channel)) throw new Error(`API channel registered twice: ${channel}`);
    this.handlers.set(channel, handler as unknown as Handler<Channel>);
  }

  missing(): Channel[] {
    return (Object.keys(API_INPUTS) as Channel[]).filter((c) => !this.handlers.has(c));
  }

  async invoke(channel: unknown, input: unknown): Promise<ApiResult<unknown>> {
    const handler = typeof channel === 'string' ? this.handlers.get(channel as Channel) : undefined;
    if (!handler) return { ok: false, error: toApiError(new AppError('api.unknownChannel', { channel: String(channel) })) };
    const texts = checkTextCharacters(input);
    if (texts.problems.length > 0) {
      return { ok: false, error: toApiError(new AppError('api.invalidInput', { channel: String(channel) }, texts.problems)) };
    }
    const parsed = API_INPUTS[channel as Channel].safeParse(texts.value);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => problemFromZodIssue(issue, texts.value));
      return { ok: false, error: toApiError(new AppError('api.invalidInput', { channel: String(channel) }, problems)) };
    }
    const deadline = Date.now() + this.busyWaitMs;
    for (;;) {
      try {
        return { ok: true, value: await handler(parsed.data as never) };
      } catch (caught) {
        const error = mapSqliteError(caught, this.libraryPath);
        // A busy library refused the write before it began (BEGIN IMMEDIATE), so trying again is
        // safe; the wait is a timer, so the other requests are answered meanwhile.
        if (isAppError(error) && error.code === 'db.busy' && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
          continue;
        }
        return this.failure(channel, caught, error);
      }
    }
  }

  private failure(channel: unknown, caught: unknown, error: unknown): ApiResult<unknown> {
    if (isAppError(error)) return { ok: false, error: toApiError(error) };
    console.error(`[api] ${String(channel)} failed`, caught);
    return { ok: false, error: toApiError(new AppError('unexpected', { detail: (caught as Error)?.message ?? String(caught) })) };
  }
}
