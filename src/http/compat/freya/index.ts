import type { FacePlugin } from '../index.ts';

// Skeleton: the Freya Voice face's routes are being written.
export const freyaFace: FacePlugin = async () => {};
