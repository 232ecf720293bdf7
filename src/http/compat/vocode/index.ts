import type { FacePlugin } from '../index.ts';

// Skeleton: the vocode face's routes are being written.
export const vocodeFace: FacePlugin = async () => {};
