/** One command of the contract: the zod schemas of its input and of its output. */
import type { z } from 'zod';

export const command = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
