/** Unzips a .docx with jszip and pulls paragraphs, runs and styles out of its XML for assertions. */
import JSZip from 'jszip';

export interface DocxParts {
  files: string[];
  document: string;
  styles: string;
  settings: string;
  core: string;
  app: string;
  fontTable: string;
  /** Footer parts by their relationship type in sectPr: default (odd pages) and even. */
  footers: { default: string; even: string };
}

export async function loadDocx(buf: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buf);
  const read = async (name: string): Promise<string> => {
    const f = zip.file(name);
    if (!f) throw new Error(`${name} missing from the package`);
    return f.async('string');
  };
  const document = await read('word/document.xml');
  const rels = await read('word/_rels/document.xml.rels');
  const footerFile = (type: string): string => {
    const id = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`).exec(document)?.[1];
    const target = id && new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    if (!target) throw new Error(`no ${type} footer`);
    return `word/${target}`;
  };
  return {
    files: Object.keys(zip.files),
    document,
    styles: await read('word/styles.xml'),
    settings: await read('word/settings.xml'),
    core: await read('docProps/core.xml'),
    app: await read('docProps/app.xml'),
    fontTable: await read('word/fontTable.xml'),
    footers: { default: await read(footerFile('default')), even: await read(footerFile('even')) },
  };
}

export interface XRun {
  rPr: string;
  text: string;
  style: string | null;
}

export interface XParagraph {
  xml: string;
  pPr: string;
  style: string | null;
  runs: XRun[];
  text: string;
}

const unescape = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

export function paragraphs(xml: string): XParagraph[] {
  const out: XParagraph[] = [];
  for (const m of xml.matchAll(/<w:p(?: [^>]*)?>([\s\S]*?)<\/w:p>|<w:p(?: [^>]*)?\/>/g)) {
    const inner = m[1] ?? '';
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(inner)?.[1] ?? '';
    const runs: XRun[] = [];
    for (const r of inner.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)) {
      const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(r[1])?.[1] ?? '';
      const text = [...r[1].matchAll(/<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>/g)]
        .map((t) => (t[0] === '<w:tab/>' ? '\t' : unescape(t[1])))
        .join('');
      runs.push({ rPr, text, style: /<w:rStyle w:val="([^"]+)"/.exec(rPr)?.[1] ?? null });
    }
    out.push({
      xml: m[0],
      pPr,
      style: /<w:pStyle w:val="([^"]+)"/.exec(pPr)?.[1] ?? null,
      runs,
      text: runs.map((r) => r.text).join(''),
    });
  }
  return out;
}

/** The <w:style> element with this id. */
export function style(stylesXml: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(stylesXml);
  if (!m) throw new Error(`style ${id} not found`);
  return m[0];
}

/** Value of attribute `name` on the first `<tag …>` in xml. */
export function attrOf(xml: string, tag: string, name: string): string | null {
  const el = new RegExp(`<${tag}(?=[\\s/>])[^>]*>`).exec(xml)?.[0];
  if (!el) return null;
  return new RegExp(`\\s${name}="([^"]*)"`).exec(el)?.[1] ?? null;
}

/** Every `<w:tbl>` in document order (tables in this document do not nest). */
export function tables(xml: string): string[] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
}

export function sectPr(documentXml: string): string {
  const m = /<w:sectPr(?: [^>]*)?>[\s\S]*?<\/w:sectPr>\s*<\/w:body>/.exec(documentXml);
  if (!m) throw new Error('no body sectPr');
  return m[0];
}
