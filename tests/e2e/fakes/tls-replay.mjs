// Handing a sniffed socket to Node's TLS server (servers.mjs reads the first bytes to pick HTTP or HTTPS).
import { Duplex } from 'node:stream';

/**
 * The TLS server reads a net.Socket through its native handle, so bytes put back with unshift() never reach it.
 * Hand it a JS stream that replays the sniffed first chunk and then relays the socket.
 * @param {import('node:net').Socket} socket @param {Buffer} first
 */
export function replay(socket, first) {
  const stream = new Duplex({
    read: () => socket.resume(),
    write: (chunk, encoding, callback) => socket.write(chunk, encoding, callback),
    final: (callback) => socket.end(callback),
    destroy: (err, callback) => {
      socket.destroy(err ?? undefined);
      callback(err);
    },
  });
  stream.push(first);
  socket.on('data', (/** @type {Buffer} */ chunk) => stream.push(chunk) || socket.pause());
  socket.on('end', () => stream.push(null));
  socket.on('error', (/** @type {Error} */ err) => stream.destroy(err));
  socket.on('close', () => stream.destroy());
  return stream;
}
