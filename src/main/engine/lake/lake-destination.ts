import type { LakeWriteResult } from './local-lake';

/** A place the lake is delivered to after the local lake (S3); each reports its own failure. */
export interface LakeDestination {
  name: string;
  deliver(written: LakeWriteResult): Promise<void>;
}
