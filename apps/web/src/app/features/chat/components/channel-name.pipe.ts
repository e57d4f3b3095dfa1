import { Injectable, Pipe, type PipeTransform, inject } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import type { Channel, MyChannel } from '@klasteris/contracts';
import { AuthStore } from '../../../core/auth/auth.store';
import { ChatPeopleStore } from '../chat-people.store';

/** Display names of channels: `#name` for channels, the other people's names for DMs. */
@Injectable({ providedIn: 'root' })
export class ChannelNames {
  private readonly people = inject(ChatPeopleStore);
  private readonly auth = inject(AuthStore);
  private readonly transloco = inject(TranslocoService);

  name(c: Channel | MyChannel): string {
    if (c.type !== 'direct') return c.name;
    const me = this.auth.user()?.id;
    const others = (c.directUserIds ?? []).filter((u) => u !== me);
    if (others.length === 0) return this.auth.user()?.displayName ?? c.name;
    const known = others.map((u) => this.people.people()[u]?.displayName);
    return known.every((n) => !!n) ? known.join(', ') : c.name;
  }

  /** Screen-reader text for a sidebar entry's badges: its mention and unread counts. */
  counts(c: MyChannel): string {
    const parts: string[] = [];
    if (c.mentions > 0) parts.push(this.transloco.translate('chat.sidebar.mentions', { count: c.mentions }));
    if (c.unread > 0) parts.push(this.transloco.translate('chat.sidebar.unread', { count: c.unread }));
    return parts.length ? `, ${parts.join(', ')}` : '';
  }
}

@Pipe({ name: 'channelName', pure: false })
export class ChannelNamePipe implements PipeTransform {
  private readonly names = inject(ChannelNames);

  transform(c: Channel | MyChannel | null | undefined): string {
    return c ? this.names.name(c) : '';
  }
}
