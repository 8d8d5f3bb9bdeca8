export { facebookSource } from './facebook-source';
