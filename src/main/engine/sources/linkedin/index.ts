export { linkedInSource } from './linkedin-source';
export { createLinkedInUiHandlers } from './linkedin-ui-handlers';
export { buildPrototypeCompatFiles, compatOrgIds } from './prototype-compat';
