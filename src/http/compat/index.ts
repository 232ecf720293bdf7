// The vendor-compatible faces. Each is a thin translator between one vendor's wire format
// and the core, mounted at that vendor's own paths, with that vendor's error format.
// Faces hold no business rule and no table of their own.
import type { FastifyInstance } from 'fastify';
import type { Config, Face } from '../../config.ts';
import type { Core } from '../../core/index.ts';
import { freyaFace } from './freya/index.ts';
import { signalwireFace } from './signalwire/index.ts';
import { vocodeFace } from './vocode/index.ts';
import { voiceosFace } from './voiceos/index.ts';

export interface FaceOptions {
  core: Core;
  config: Config;
}

export type FacePlugin = (app: FastifyInstance, options: FaceOptions) => Promise<void>;

/** Each face's plugin and the OpenAPI tag its routes carry. */
export const COMPAT_FACES: Record<Exclude<Face, 'v1'>, { plugin: FacePlugin; tag: string; description: string }> = {
  freya: { plugin: freyaFace, tag: 'Freya Voice compatible', description: 'Freya Voice API v2 phone numbers, at /api/v2/phone-numbers (Bearer API key).' },
  voiceos: { plugin: voiceosFace, tag: 'VoiceOS compatible', description: 'VoiceOS phone numbers, at /phone_numbers (Bearer API key).' },
  vocode: { plugin: vocodeFace, tag: 'Vocode compatible', description: 'Vocode hosted API numbers, at /v1/numbers/* (Bearer API key).' },
  signalwire: { plugin: signalwireFace, tag: 'SignalWire compatible', description: 'SignalWire Relay REST phone numbers, at /api/relay/rest/phone_numbers (Basic: project id = workspace id, token = API key).' },
};

export async function registerCompatFaces(app: FastifyInstance, options: FaceOptions): Promise<void> {
  for (const [name, face] of Object.entries(COMPAT_FACES)) {
    if (options.config.faces.has(name as Face)) await app.register(face.plugin, options);
  }
}
