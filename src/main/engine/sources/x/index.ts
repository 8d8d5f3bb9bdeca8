export { xSource } from './x-source';
