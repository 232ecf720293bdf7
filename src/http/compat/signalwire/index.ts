import type { FacePlugin } from '../index.ts';

// Skeleton: the signalwire face's routes are being written.
export const signalwireFace: FacePlugin = async () => {};
