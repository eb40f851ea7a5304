/**
 * The fully resolved report document: what the HTML and DOCX renderers draw.
 * Assembly (ledger → figures → outline) produces it; renderers are pure functions of it,
 * so both outputs carry the same words in the same order.
 */

/** Typeface roles of GB/T 9704: body 仿宋, level-1 黑体, level-2 楷体, title 小标宋. */
export type FontRole = 'fang' | 'kai' | 'hei' | 'song' | 'xbs';

export interface Run {
  text: string;
  /** Defaults to the block's font. A run-in level-2 heading is a 'kai' run at the start of a body paragraph. */
  font?: FontRole;
  /** Set when the text came from a ledger figure, so previews can link back to its records. */
  figureId?: string;
}

export type Block =
  /** Stand-alone heading: level 1 “一、” 黑体, level 2 “（一）” 楷体, levels 3–4 仿宋. No first-line indent rules differ: all are indented two characters. */
  | { type: 'heading'; level: 1 | 2 | 3 | 4; runs: Run[]; anchor?: string }
  /** Body paragraph, first line indented two characters. */
  | { type: 'paragraph'; runs: Run[]; anchor?: string };

export type HeaderMode = 'red' | 'blank' | 'none';
type SignatureLayout = 'sealed' | 'unsealed';

export interface ReportDocument {
  /** 版头 */
  header: {
    mode: HeaderMode;
    /** 发文机关标志 lines, lead organ first, e.g. ['中共云阳县双土镇委员会', '云阳县双土镇人民政府']. */
    organs: string[];
    /** Appended right of the organ names (“文件”); empty for none. */
    suffix: string;
    /** 发文字号, e.g. 双土委文〔2024〕2号. */
    docNumber: string;
    /** 签发人 names; non-empty marks an 上行文 header (字号 left, 签发人 right). */
    signers: string[];
  };
  /** Title lines as the clerk broke them (or the automatic trapezoid). */
  title: string[];
  /** 主送机关 without the trailing colon, e.g. 县委、县政府 (title.ts recipientsText); renderers add 「：」. */
  recipients: string;
  body: Block[];
  /** 特此报告 (own paragraph, indented); empty string for none. */
  closing: string;
  signature: {
    /** 署名 organs in issuing order. */
    organs: string[];
    /** 成文日期 already written out, e.g. 2024年1月15日. */
    date: string;
    layout: SignatureLayout;
  };
  /** 附注 including its parentheses, e.g. （此件公开发布）; null for none. */
  note: string | null;
  /** 版记, optional. */
  imprint: null | {
    /** 抄送 organs without 「抄送：」 and the closing full stop (title.ts ccText); renderers add both. */
    cc: string | null;
    issuer: string;
    issueDate: string;
  };
  /** Document properties for exports. */
  meta: { title: string; author: string; year: number };
}
