// Names the SignalWire face shares between its modules (kept here to avoid an import cycle
// with ../index.ts, which holds the same tag text).
export const TAG = 'SignalWire compatible';
export const PREFIX = '/api/relay/rest';
export const LIST_PATH = '/phone_numbers';
export const ITEM_PATH = '/phone_numbers/:id';
