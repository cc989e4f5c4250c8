import { z } from 'zod';
import { LIMITS } from '../schemas/common';

/** A web address to cite, never fetched: http or https with a host, so no script, file or mail link. */
export const urlSchema = z
  .string()
  .max(LIMITS.shortText)
  .refine((s) => /^https?:\/\/[^\s/?#]+([/?#]\S*)?$/i.test(s), { error: 'badUrl' });

export const plainTextSchema = z.string().min(1).max(LIMITS.shortText);

export const tagsSchema = z.array(z.string().regex(/^[\p{Ll}\p{N}][\p{Ll}\p{N}-]*$/u, { error: 'badTag' }).max(LIMITS.tag));
