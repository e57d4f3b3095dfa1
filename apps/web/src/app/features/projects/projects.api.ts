import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Activity,
  Board,
  Card,
  CardAttachment,
  CardComment,
  CommentHistory,
  CardWithContext,
  Column,
  CreateCardRequest,
  LinkCardMessageRequest,
  CreateColumnRequest,
  CreateLabelRequest,
  CreateProjectRequest,
  ImportBoardResult,
  ImportFormat,
  Label,
  Message,
  MoveCardRequest,
  MoveColumnRequest,
  MyCardsQuery,
  Page,
  PersonSummary,
  Project,
  ProjectListQuery,
  ProjectMember,
  ProjectRole,
  UpdateCardRequest,
  UpdateColumnRequest,
  UpdateProjectRequest,
} from '@klasteris/contracts';
import type { Observable } from 'rxjs';
import { toParams } from '../../core/http/http-params';

const id = (value: string): string => encodeURIComponent(value);

/** HTTP side of projects and boards (board events arrive through SocketService). */
@Injectable({ providedIn: 'root' })
export class ProjectsApi {
  private readonly http = inject(HttpClient);

  projects(query: ProjectListQuery): Observable<Page<Project>> {
    return this.http.get<Page<Project>>('/api/projects', { params: toParams(query) });
  }
  project(projectId: string): Observable<{ project: Project }> {
    return this.http.get<{ project: Project }>(`/api/projects/${id(projectId)}`);
  }
  createProject(body: CreateProjectRequest): Observable<{ project: Project }> {
    return this.http.post<{ project: Project }>('/api/projects', body);
  }
  updateProject(projectId: string, body: UpdateProjectRequest): Observable<{ project: Project }> {
    return this.http.patch<{ project: Project }>(`/api/projects/${id(projectId)}`, body);
  }
  members(projectId: string): Observable<Page<ProjectMember>> {
    return this.http.get<Page<ProjectMember>>(`/api/projects/${id(projectId)}/members`);
  }
  addMember(projectId: string, userId: string, role: ProjectRole): Observable<{ member: ProjectMember }> {
    return this.http.post<{ member: ProjectMember }>(`/api/projects/${id(projectId)}/members`, { userId, role });
  }
  setRole(projectId: string, userId: string, role: ProjectRole): Observable<{ member: ProjectMember }> {
    return this.http.patch<{ member: ProjectMember }>(`/api/projects/${id(projectId)}/members/${id(userId)}`, { role });
  }
  removeMember(projectId: string, userId: string): Observable<void> {
    return this.http.delete<void>(`/api/projects/${id(projectId)}/members/${id(userId)}`);
  }
  people(q: string): Observable<Page<PersonSummary>> {
    return this.http.get<Page<PersonSummary>>('/api/people', { params: toParams({ q, limit: 10 }) });
  }
  activity(projectId: string, cursor?: string): Observable<Page<Activity>> {
    return this.http.get<Page<Activity>>(`/api/projects/${id(projectId)}/activity`, { params: toParams({ cursor, limit: 30 }) });
  }

  exportBoard(projectId: string, format: 'json' | 'csv'): Observable<Blob> {
    return this.http.get(`/api/projects/${id(projectId)}/export`, { params: toParams({ format }), responseType: 'blob' });
  }
  importBoard(file: File, format: ImportFormat, name?: string): Observable<ImportBoardResult> {
    const body = new FormData();
    body.set('format', format);
    if (name) body.set('name', name);
    body.set('file', file, file.name);
    return this.http.post<ImportBoardResult>('/api/projects/import', body);
  }

  board(projectId: string): Observable<Board> {
    return this.http.get<Board>(`/api/projects/${id(projectId)}/board`);
  }
  archive(projectId: string): Observable<{ columns: Column[]; cards: Card[] }> {
    return this.http.get<{ columns: Column[]; cards: Card[] }>(`/api/projects/${id(projectId)}/archive`);
  }
  createColumn(projectId: string, body: CreateColumnRequest): Observable<{ column: Column }> {
    return this.http.post<{ column: Column }>(`/api/projects/${id(projectId)}/columns`, body);
  }
  updateColumn(columnId: string, body: UpdateColumnRequest): Observable<{ column: Column }> {
    return this.http.patch<{ column: Column }>(`/api/columns/${id(columnId)}`, body);
  }
  moveColumn(columnId: string, body: MoveColumnRequest): Observable<{ column: Column }> {
    return this.http.post<{ column: Column }>(`/api/columns/${id(columnId)}/move`, body);
  }
  archiveColumn(columnId: string, archived: boolean): Observable<{ column: Column }> {
    return this.http.post<{ column: Column }>(`/api/columns/${id(columnId)}/${archived ? 'archive' : 'restore'}`, {});
  }
  createLabel(projectId: string, body: CreateLabelRequest): Observable<{ label: Label }> {
    return this.http.post<{ label: Label }>(`/api/projects/${id(projectId)}/labels`, body);
  }

  card(cardId: string): Observable<{ card: Card }> {
    return this.http.get<{ card: Card }>(`/api/cards/${id(cardId)}`);
  }
  createCard(body: CreateCardRequest): Observable<{ card: Card }> {
    return this.http.post<{ card: Card }>('/api/cards', body);
  }
  /** Links an existing card to a chat message (project owners). */
  linkCardToMessage(cardId: string, body: LinkCardMessageRequest): Observable<{ card: Card }> {
    return this.http.post<{ card: Card }>(`/api/cards/${id(cardId)}/source-message`, body);
  }
  updateCard(cardId: string, body: UpdateCardRequest): Observable<{ card: Card }> {
    return this.http.patch<{ card: Card }>(`/api/cards/${id(cardId)}`, body);
  }
  moveCard(cardId: string, body: MoveCardRequest): Observable<{ card: Card }> {
    return this.http.post<{ card: Card }>(`/api/cards/${id(cardId)}/move`, body);
  }
  deleteCard(cardId: string, version: number): Observable<void> {
    return this.http.delete<void>(`/api/cards/${id(cardId)}`, { params: toParams({ version }) });
  }
  addChecklistItem(cardId: string, text: string): Observable<{ card: Card }> {
    return this.http.post<{ card: Card }>(`/api/cards/${id(cardId)}/checklist`, { text });
  }
  updateChecklistItem(cardId: string, itemId: string, body: { text?: string; done?: boolean }): Observable<{ card: Card }> {
    return this.http.patch<{ card: Card }>(`/api/cards/${id(cardId)}/checklist/${id(itemId)}`, body);
  }
  removeChecklistItem(cardId: string, itemId: string): Observable<{ card: Card }> {
    return this.http.delete<{ card: Card }>(`/api/cards/${id(cardId)}/checklist/${id(itemId)}`);
  }
  uploadAttachment(cardId: string, file: File): Observable<{ card: Card; attachment: CardAttachment }> {
    const body = new FormData();
    body.set('file', file, file.name);
    return this.http.post<{ card: Card; attachment: CardAttachment }>(`/api/cards/${id(cardId)}/attachments`, body);
  }
  removeAttachment(cardId: string, attachmentId: string): Observable<{ card: Card }> {
    return this.http.delete<{ card: Card }>(`/api/cards/${id(cardId)}/attachments/${id(attachmentId)}`);
  }
  /** A file's bytes (the URL needs the bearer token, so <img src> and plain links cannot load it). */
  attachmentBlob(url: string): Observable<Blob> {
    return this.http.get(url, { responseType: 'blob' });
  }
  comments(cardId: string, cursor?: string): Observable<Page<CardComment>> {
    return this.http.get<Page<CardComment>>(`/api/cards/${id(cardId)}/comments`, { params: toParams({ cursor, limit: 100 }) });
  }
  editComment(cardId: string, commentId: string, body: string): Observable<{ comment: CardComment }> {
    return this.http.patch<{ comment: CardComment }>(`/api/cards/${id(cardId)}/comments/${id(commentId)}`, { body });
  }

  deleteComment(cardId: string, commentId: string): Observable<{ comment: CardComment }> {
    return this.http.delete<{ comment: CardComment }>(`/api/cards/${id(cardId)}/comments/${id(commentId)}`);
  }

  commentHistory(cardId: string, commentId: string): Observable<CommentHistory> {
    return this.http.get<CommentHistory>(`/api/cards/${id(cardId)}/comments/${id(commentId)}/history`);
  }

  addComment(cardId: string, body: string): Observable<{ comment: CardComment }> {
    return this.http.post<{ comment: CardComment }>(`/api/cards/${id(cardId)}/comments`, { body });
  }
  cardActivity(cardId: string): Observable<Page<Activity>> {
    return this.http.get<Page<Activity>>(`/api/cards/${id(cardId)}/activity`, { params: toParams({ limit: 50 }) });
  }
  /** The chat message a card was made from (404 when I may not read it). */
  message(messageId: string): Observable<{ message: Message }> {
    return this.http.get<{ message: Message }>(`/api/messages/${id(messageId)}`);
  }
  myCards(query: MyCardsQuery): Observable<Page<CardWithContext>> {
    return this.http.get<Page<CardWithContext>>('/api/cards/mine', { params: toParams(query) });
  }
}
