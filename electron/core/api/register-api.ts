/**
 * API methods of the printed registers (登记簿): the register of a kind and year under the kind
 * page's filters and search, as PDF bytes (for 导出PDF to download), as HTML (for 打印), or
 * written to a path (CLI).
 */
import { method } from './define';
import { API_INPUTS } from '@rules/api/inputs';
import { renderRegister, exportRegister } from '../register/export';

export const registerApi = {
  'register.pdf': method(API_INPUTS['register.pdf'], async (ctx, i) => {
    const r = await renderRegister(ctx, i, 'pdf');
    return { fileName: r.fileName, records: r.records, dataBase64: Buffer.from(r.bytes).toString('base64') };
  }),
  'register.html': method(API_INPUTS['register.html'], async (ctx, i) => {
    const r = await renderRegister(ctx, i, 'html');
    return { fileName: r.fileName, records: r.records, html: new TextDecoder().decode(r.bytes) };
  }),
  // Writes where its caller names: the CLI's. The page downloads register.pdf's bytes instead.
  'register.export': method(
    API_INPUTS['register.export'],
    async (ctx, i) => {
      const { out, ...input } = i;
      const r = await exportRegister(ctx, input, out);
      return { file: out, fileName: r.fileName, records: r.records };
    },
    { cliOnly: true },
  ),
};
