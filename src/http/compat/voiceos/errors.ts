// VoiceOS is a FastAPI service: its errors are FastAPI's shapes (see ../shared/fastapi-errors.ts).
import { fastApiErrorHandler } from '../shared/fastapi-errors.ts';

export const sendVoiceosError = fastApiErrorHandler({ renames: { event_types: 'events' }, maps: ['headers'] });
