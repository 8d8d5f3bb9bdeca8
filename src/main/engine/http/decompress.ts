import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate } from 'node:zlib';

const DECODERS: Record<string, (buffer: Buffer) => Promise<Buffer>> = {
  gzip: promisify(gunzip),
  'x-gzip': promisify(gunzip),
  deflate: promisify(inflate),
  br: promisify(brotliDecompress),
};

/** A body sent with `content-encoding`; loaded only when a server compresses its answer. */
export async function decompressed(raw: Buffer, encoding: string): Promise<Buffer> {
  const decode = DECODERS[encoding];
  if (!decode) throw Object.assign(new Error(`unsupported content-encoding ${encoding}`), { code: 'ERR_CONTENT_ENCODING' });
  return decode(raw);
}
