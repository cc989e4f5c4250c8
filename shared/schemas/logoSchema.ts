import { z } from 'zod';
import { LOGO_TYPES, checkLogo, isLogoProblem } from '../domain/logoImage';

/** A logo in the exchange format and the API: its type and its bytes in base64. */
export const logoSchema = z
  .strictObject({
    type: z.enum(LOGO_TYPES),
    // Its size is checked from its length, before anything is decoded (checkLogo).
    data: z.string().min(1),
  })
  .superRefine((logo, ctx) => {
    const result = checkLogo(logo.type, logo.data);
    if (isLogoProblem(result)) ctx.addIssue({ code: 'custom', path: ['data'], params: { key: result.key, values: result.values } });
  });
export type LogoDoc = z.infer<typeof logoSchema>;
