import type { FacePlugin } from '../index.ts';

// Skeleton: the voiceos face's routes are being written.
export const voiceosFace: FacePlugin = async () => {};
