// Constants of the Freya Voice face. The tag text is copied from COMPAT_FACES.freya.tag
// (../index.ts), not imported, to avoid an import cycle.
export const FREYA_TAG = 'Freya Voice compatible';
export const FREYA_API_PREFIX = '/api/v2';
export const FREYA_BASE = `${FREYA_API_PREFIX}/phone-numbers`;
