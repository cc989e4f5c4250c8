import type { z } from 'zod';
import { API_INPUTS, type ApiError, type ApiOutputs, type ApiResult, type Channel } from '../../shared/api/apiContract';
import { AppError, isAppError } from '../../shared/errors/AppError';
import { checkTextCharacters, problemFromZodIssue } from '../../shared/schemas/validationProblems';
import { mapSqliteError } from '../db/sqliteErrors';

export type Handler<C extends Channel> = (
  input: z.output<(typeof API_INPUTS)[C]>,
) => ApiOutputs[C] | Promise<ApiOutputs[C]>;

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

  constructor(private readonly libraryPath: string) {}

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
    try {
      return { ok: true, value: await handler(parsed.data as never) };
    } catch (caught) {
      const error = mapSqliteError(caught, this.libraryPath);
      if (isAppError(error)) return { ok: false, error: toApiError(error) };
      console.error(`[api] ${String(channel)} failed`, caught);
      return { ok: false, error: toApiError(new AppError('unexpected', { detail: (caught as Error)?.message ?? String(caught) })) };
    }
  }
}
