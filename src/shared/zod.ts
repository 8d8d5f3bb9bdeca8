/**
 * The zod the app uses, as named re-exports: `import * as z from '…/shared/zod'` reads like
 * zod's own `z`, but a bundle keeps only these parts. `import { z } from 'zod'` is a namespace
 * of all of zod (every locale, JSON Schema conversion): 750 KB that every CLI command loaded
 * and compiled before doing anything (~45 ms of each start; this is ~15 ms).
 */
export {
  array,
  boolean,
  enum,
  iso,
  literal,
  never,
  null,
  number,
  object,
  record,
  strictObject,
  string,
  undefined,
  union,
  unknown,
  url,
  ZodArray,
  ZodDefault,
  ZodError,
  ZodNullable,
  ZodObject,
  ZodOptional,
  ZodPrefault,
  ZodType,
} from 'zod';
export type { core, infer, RefinementCtx } from 'zod';
