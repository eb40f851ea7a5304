/**
 * API methods of the printed registers (登记簿): the register of a kind and year under the kind
 * page's filters and search, as PDF bytes (for 导出PDF to download), as HTML (for 打印), or
 * written to a path (CLI).
 */
import { z } from 'zod';
import { method } from './define';
import { renderRegister, exportRegister } from '../register/export';
import { MAX_REGISTER_COLUMNS } from '@rules/kinds/register';
import { yearSchema } from '@rules/limits';

const registerInput = z.object({
  kind: z.string().min(1).max(50),
  year: yearSchema,
  filters: z.record(z.string().max(50), z.union([z.string().max(200), z.number(), z.boolean()])).optional(),
  search: z.string().max(100).optional(),
  columns: z
    .array(z.string().min(1).max(50))
    .max(MAX_REGISTER_COLUMNS * 2)
    .optional(),
});

export const registerApi = {
  'register.pdf': method(registerInput, async (ctx, i) => {
    const r = await renderRegister(ctx, i, 'pdf');
    return { fileName: r.fileName, records: r.records, dataBase64: Buffer.from(r.bytes).toString('base64') };
  }),
  'register.html': method(registerInput, async (ctx, i) => {
    const r = await renderRegister(ctx, i, 'html');
    return { fileName: r.fileName, records: r.records, html: new TextDecoder().decode(r.bytes) };
  }),
  // Writes where its caller names: the CLI's. The page downloads register.pdf's bytes instead.
  'register.export': method(
    registerInput.extend({ out: z.string().min(1).max(4096) }),
    async (ctx, i) => {
      const { out, ...input } = i;
      const r = await exportRegister(ctx, input, out);
      return { file: out, fileName: r.fileName, records: r.records };
    },
    { cliOnly: true },
  ),
};
