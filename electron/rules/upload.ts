/**
 * The one ceiling on a file the renderer sends as bytes (attachments, and the Excel workbooks
 * and other uploads to come): declared here once, read by the page before it reads a file, by
 * the core's schema (electron/core/api/upload.ts) and by the transports' body limits (the
 * harness). Files larger than this come from a native picker as a path instead.
 */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** The ceiling as the clerk reads it. */
export const MAX_UPLOAD_LABEL = '50 MB';

/** Largest workbook the app reads (a year's 台账 is far below this). */
export const MAX_WORKBOOK_BYTES = 30 * 1024 * 1024;

/** Base64 length of `bytes` bytes (padded). */
export const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;

/** A request body that can carry one upload at the ceiling: its base64 plus room for the other fields. */
export const MAX_UPLOAD_BODY_BYTES = base64Length(MAX_UPLOAD_BYTES) + 1024 * 1024;
