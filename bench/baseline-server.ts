// The baseline of the chat fan-out: a bare Socket.IO server that, per message, inserts one document
// with the raw MongoDB driver into the same database server and broadcasts it to the room — the
// least any chat server has to do. Run as a child process by chat-fanout.ts (PORT, MONGODB_URI).
import { createServer } from 'node:http';
import { MongoClient } from 'mongodb';
import { Server } from 'socket.io';

async function main(): Promise<void> {
  const client = await new MongoClient(process.env['MONGODB_URI']!).connect();
  const messages = client.db(process.env['MONGODB_DB'] ?? 'bench_baseline').collection('messages');
  let seq = 0;
  const http = createServer();
  const io = new Server(http, { transports: ['websocket'] });
  io.on('connection', (socket) => {
    const room = String((socket.handshake.auth as { room?: string }).room ?? 'none');
    void socket.join(room);
    socket.emit('ready');
    socket.on('message:send', (p: { clientMsgId: string; body: string }, ack: (r: unknown) => void) => {
      const doc = { room, clientMsgId: String(p.clientMsgId), body: String(p.body), seq: ++seq, createdAt: new Date() };
      messages.insertOne({ ...doc }).then(
        (r) => {
          const message = { ...doc, id: r.insertedId.toHexString() };
          io.to(room).emit('message:new', { message });
          ack({ ok: true, message });
        },
        () => ack({ ok: false, error: { code: 'INTERNAL' } }),
      );
    });
  });
  http.listen(Number(process.env['PORT']), '127.0.0.1', () => process.stdout.write('listening\n'));
  process.once('SIGTERM', () => {
    void io.close();
    void client.close().then(() => process.exit(0));
  });
}

void main();
