import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ChannelNotifyLevel,
  Attachment,
  Channel,
  ChannelBrowseQuery,
  ChannelMember,
  CreateChannelRequest,
  Message,
  MessageEdit,
  MessageListQuery,
  MessagePage,
  MessageSearchHit,
  MessageSearchQuery,
  MyChannel,
  Page,
  PersonSummary,
  PresenceStatus,
  ReportMessageResponse,
  UpdateChannelRequest,
} from '@klasteris/contracts';
import type { Observable } from 'rxjs';
import { toParams } from '../../core/http/http-params';

const id = (value: string): string => encodeURIComponent(value);

export type BrowseChannel = Channel & { isMember: boolean };

/** HTTP side of chat (socket events go through SocketService). */
@Injectable({ providedIn: 'root' })
export class ChatApi {
  private readonly http = inject(HttpClient);

  myChannels(): Observable<Page<MyChannel>> {
    return this.http.get<Page<MyChannel>>('/api/channels');
  }

  browse(query: ChannelBrowseQuery): Observable<Page<BrowseChannel>> {
    return this.http.get<Page<BrowseChannel>>('/api/channels/browse', { params: toParams(query) });
  }

  create(body: CreateChannelRequest): Observable<{ channel: MyChannel }> {
    return this.http.post<{ channel: MyChannel }>('/api/channels', body);
  }

  direct(userIds: string[]): Observable<{ channel: MyChannel }> {
    return this.http.post<{ channel: MyChannel }>('/api/channels/direct', { userIds });
  }

  channel(channelId: string): Observable<{ channel: MyChannel }> {
    return this.http.get<{ channel: MyChannel }>(`/api/channels/${id(channelId)}`);
  }

  update(channelId: string, body: UpdateChannelRequest): Observable<{ channel: MyChannel }> {
    return this.http.patch<{ channel: MyChannel }>(`/api/channels/${id(channelId)}`, body);
  }

  archive(channelId: string, archived: boolean): Observable<{ channel: MyChannel }> {
    return this.http.post<{ channel: MyChannel }>(`/api/channels/${id(channelId)}/${archived ? 'archive' : 'unarchive'}`, {});
  }

  /** my notification level in a channel (all / mentions / muted) */
  setNotify(channelId: string, notify: ChannelNotifyLevel): Observable<{ channel: MyChannel }> {
    return this.http.patch<{ channel: MyChannel }>(`/api/channels/${id(channelId)}/membership`, { notify });
  }

  join(channelId: string): Observable<{ channel: MyChannel }> {
    return this.http.post<{ channel: MyChannel }>(`/api/channels/${id(channelId)}/join`, {});
  }

  leave(channelId: string): Observable<void> {
    return this.http.post<void>(`/api/channels/${id(channelId)}/leave`, {});
  }

  members(channelId: string, query: { q?: string; limit?: number; cursor?: string } = {}): Observable<Page<ChannelMember>> {
    return this.http.get<Page<ChannelMember>>(`/api/channels/${id(channelId)}/members`, { params: toParams(query) });
  }

  addMember(channelId: string, userId: string): Observable<unknown> {
    return this.http.post(`/api/channels/${id(channelId)}/members`, { userId });
  }

  removeMember(channelId: string, userId: string): Observable<void> {
    return this.http.delete<void>(`/api/channels/${id(channelId)}/members/${id(userId)}`);
  }

  messages(channelId: string, query: MessageListQuery): Observable<MessagePage> {
    return this.http.get<MessagePage>(`/api/channels/${id(channelId)}/messages`, { params: toParams(query) });
  }

  message(messageId: string): Observable<{ message: Message }> {
    return this.http.get<{ message: Message }>(`/api/messages/${id(messageId)}`);
  }

  files(channelId: string): Observable<{ items: Attachment[] }> {
    return this.http.get<{ items: Attachment[] }>(`/api/channels/${id(channelId)}/files`);
  }

  edits(messageId: string): Observable<{ items: MessageEdit[] }> {
    return this.http.get<{ items: MessageEdit[] }>(`/api/messages/${id(messageId)}/edits`);
  }

  pin(messageId: string, pinned: boolean): Observable<{ message: Message } | null> {
    const url = `/api/messages/${id(messageId)}/pin`;
    return pinned ? this.http.post<{ message: Message }>(url, {}) : this.http.delete<{ message: Message } | null>(url);
  }

  /** Reports a message in a working-group channel to the group's coordinators (same reporter twice: the same report). */
  report(messageId: string, reason: string): Observable<ReportMessageResponse> {
    return this.http.post<ReportMessageResponse>(`/api/messages/${id(messageId)}/report`, { reason });
  }

  pins(channelId: string): Observable<{ items: Message[] }> {
    return this.http.get<{ items: Message[] }>(`/api/channels/${id(channelId)}/pins`);
  }

  search(query: MessageSearchQuery): Observable<Page<MessageSearchHit>> {
    return this.http.get<Page<MessageSearchHit>>('/api/search/messages', { params: toParams(query) });
  }

  upload(channelId: string, file: File): Observable<{ attachment: Attachment }> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<{ attachment: Attachment }>(`/api/channels/${id(channelId)}/attachments`, form);
  }

  /** An attachment's bytes (the URL needs the bearer token, so <img src> cannot load it directly). */
  download(url: string): Observable<Blob> {
    return this.http.get(url, { responseType: 'blob' });
  }

  presence(userIds: string[]): Observable<{ items: { userId: string; status: PresenceStatus }[] }> {
    return this.http.get<{ items: { userId: string; status: PresenceStatus }[] }>('/api/presence', {
      params: toParams({ userIds: userIds.join(',') }),
    });
  }

  people(q: string, limit = 10): Observable<Page<PersonSummary>> {
    return this.http.get<Page<PersonSummary>>('/api/people', { params: toParams({ q, limit }) });
  }

  /** Names of up to 100 people by id (authors who left a channel, disabled accounts). */
  lookupPeople(ids: readonly string[]): Observable<{ items: PersonSummary[] }> {
    return this.http.get<{ items: PersonSummary[] }>('/api/people/lookup', { params: toParams({ ids: ids.join(',') }) });
  }
}
