/** Limits on attachments, declared once for the form (checked before reading a file) and the core (enforced). */

/** Largest file one upload may carry (decoded). */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;
/** The same, as the clerk reads it in messages. */
export const MAX_ATTACHMENT_LABEL = '50 MB';
