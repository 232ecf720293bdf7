// Vocode's hosted API is FastAPI: its errors are FastAPI's shapes (see ../shared/fastapi-errors.ts).
// Unknown fields are ignored, as pydantic does; a stale write (412 in the core) is 409, since
// Vocode clients send no If-Match.
import { fastApiErrorHandler } from '../shared/fastapi-errors.ts';

export const sendVocodeError = fastApiErrorHandler({
  maps: ['example_context'],
  ignoreUnknownFields: true,
  staleWrite: { status: 409, detail: 'the phone number changed while it was being updated; send the request again' },
});
