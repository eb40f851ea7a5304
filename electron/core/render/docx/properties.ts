/**
 * docProps/core.xml written here rather than by docx, which stamps the current time and "Un-named":
 * title and creator (the organ) come from the document, dates from the 成文日期 (else 1 January of the
 * year after the reporting year), and there is no lastModifiedBy — no one's personal name or clock.
 */
import type { ReportDocument } from '@rules/report/document';
import { escapeXml } from './xml';

/** The document's fixed timestamp (W3CDTF, UTC midnight). */
function documentDate(doc: ReportDocument): string {
  const m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(doc.signature.date);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) return `${y}-${pad(mo)}-${pad(d)}T00:00:00Z`;
  }
  return `${doc.meta.year + 1}-01-01T00:00:00Z`;
}

export function corePropertiesXml(doc: ReportDocument): string {
  const date = documentDate(doc);
  const title = doc.meta.title.trim() || doc.title.join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title>` +
    `<dc:creator>${escapeXml(doc.meta.author)}</dc:creator>` +
    '<dc:language>zh-CN</dc:language>' +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}
