/** XML text hygiene for the parts written as strings (styles fragment, font table, core properties). */

// Control characters other than tab/LF/CR, lone surrogates and U+FFFE/U+FFFF are not allowed in XML 1.0.
const XML_INVALID =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Drops characters XML 1.0 cannot carry and normalises line ends to \n. */
export function cleanText(text: string): string {
  return text.replace(XML_INVALID, '').replace(/\r\n?/g, '\n');
}

/** Escapes text for an element's content or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return cleanText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
