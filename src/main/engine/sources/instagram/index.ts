export { instagramAccountUrl, instagramSource } from './instagram-source';
