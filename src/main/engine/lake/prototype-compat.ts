// The old prototype's file format moved to its network's folder; the S3 writer reaches it here.
export { buildPrototypeCompatFiles, compatOrgIds } from '../sources/registry';
