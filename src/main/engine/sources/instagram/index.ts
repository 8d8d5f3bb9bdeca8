export { instagramSource } from './instagram-source';
