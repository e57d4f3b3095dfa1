import { Injectable } from '@nestjs/common';
import type { MessageSearchHit, Page } from '@klasteris/contracts';
import type { AuthUser } from '../../common/auth-user';
import { decodeCursor, encodeCursor } from '../../common/pagination';
import { ChannelAccessService } from './channel-access.service';
import { ChannelsRepository } from './channels.repository';
import { searchTerms } from './mentions';
import { MembersRepository } from './members.repository';
import { MessagesRepository } from './messages.repository';
import { MessageViewService } from './message-view.service';

/**
 * Message search without $text (FerretDB has none): each message stores its folded words
 * (`terms`, multikey-indexed); every query word must prefix-match one of them. Only channels the
 * caller is a member of are searched.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly members: MembersRepository,
    private readonly channels: ChannelsRepository,
    private readonly messages: MessagesRepository,
    private readonly access: ChannelAccessService,
    private readonly view: MessageViewService,
  ) {}

  async search(
    me: AuthUser,
    q: { q: string; channelId?: string; authorId?: string; from?: string; to?: string; cursor?: string; limit: number },
  ): Promise<Page<MessageSearchHit>> {
    const terms = searchTerms(q.q).slice(0, 8);
    if (terms.length === 0) return { items: [], nextCursor: null };
    let channelIds = await this.members.channelIdsOf(me.id);
    if (q.channelId) {
      await this.access.forRead(me, q.channelId);
      channelIds = channelIds.filter((c) => c === q.channelId);
    }
    if (channelIds.length === 0) return { items: [], nextCursor: null };
    const after = decodeCursor(q.cursor);
    const rows = await this.messages.search({
      terms,
      channelIds,
      authorId: q.authorId,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      beforeSeqOf: after ? { createdAt: new Date(Number(after.k)), id: after.id } : undefined,
      limit: q.limit,
    });
    const page = rows.slice(0, q.limit);
    const channels = new Map(
      (await this.channels.findByIds([...new Set(page.map((m) => m.channelId.toHexString()))])).map((c) => [c.id, c]),
    );
    const messages = await this.view.many(page);
    const last = page[page.length - 1];
    return {
      items: messages.map((message) => ({
        message,
        channelName: channels.get(message.channelId)?.name ?? '',
        channelType: channels.get(message.channelId)?.type ?? 'public',
      })),
      nextCursor: rows.length > q.limit && last ? encodeCursor({ k: last.createdAt.getTime(), id: last._id.toHexString() }) : null,
    };
  }
}
