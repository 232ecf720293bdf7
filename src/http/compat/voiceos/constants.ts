// Constants of the VoiceOS face. The tag text is copied from COMPAT_FACES.voiceos.tag
// (src/http/compat/index.ts) to avoid an import cycle.
export const VOICEOS_TAG = 'VoiceOS compatible';
export const VOICEOS_PREFIX = '/phone_numbers';

/**
 * What a set telephony auth token reads as. The token is write-only: answers show this mask
 * when one is stored and null when none is. A PATCH that sends the mask back (a client echoing
 * a read) leaves the stored token unchanged.
 */
export const AUTH_TOKEN_MASK = '********';
