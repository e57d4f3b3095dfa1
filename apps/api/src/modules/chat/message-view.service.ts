import { Injectable } from '@nestjs/common';
import type { Message } from '@klasteris/contracts';
import { AttachmentsRepository } from './attachments.repository';
import { ListedMessage, toMessage } from './chat.records';

/** Turns stored messages into the public shape, loading their attachments in one query. */
@Injectable()
export class MessageViewService {
  constructor(private readonly attachments: AttachmentsRepository) {}

  async many(docs: ListedMessage[]): Promise<Message[]> {
    const ids = docs.flatMap((d) => d.attachmentIds ?? []);
    const byId = await this.attachments.byIds(ids);
    return docs.map((d) =>
      toMessage(
        d,
        (d.attachmentIds ?? []).flatMap((a) => byId.get(a.toHexString()) ?? []),
      ),
    );
  }

  async one(doc: ListedMessage): Promise<Message> {
    return (await this.many([doc]))[0];
  }
}
