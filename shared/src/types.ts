/**
 * JSON shapes that leave the server (presenter output) and that the client reads.
 * The server's presenters return exactly these; the client never re-derives a permission.
 */
import type { Role } from './capabilities';
import type { SectionStatus } from './constants';

export interface UserJSON {
  id: string;
  email: string;
  name: string;
  organisation: string | null;
  isAdmin: boolean;
}

export interface MembershipJSON {
  workspaceId: string;
  workspaceName: string;
  role: Role;
}

export interface WorkspaceAbilities {
  read: boolean;
  manage: boolean;
  manageMembers: boolean;
  manageTopics: boolean;
  manageOutline: boolean;
  export: boolean;
}

export interface WorkspaceJSON {
  id: string;
  name: string;
  description: string;
  isDemo: boolean;
  role: Role;
  abilities: WorkspaceAbilities;
}

export interface SectionAbilities {
  read: boolean;
  /** Exactly whether a co-editing connection of this caller would be writable. */
  edit: boolean;
  comment: boolean;
  /** May make at least one status transition. */
  setStatus: boolean;
  /** May set final and reopen. */
  finalize: boolean;
  /** May rename, move, nest, assign. */
  update: boolean;
  delete: boolean;
}

export interface SectionJSON {
  id: string;
  workspaceId: string;
  title: string;
  topicId: string | null;
  parentId: string | null;
  position: number;
  status: SectionStatus;
  assigneeId: string | null;
  dueDate: string | null;
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
  wordCount: number;
  lastEditedById: string | null;
  lastEditedAt: string | null;
  abilities: SectionAbilities;
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export interface ListResponse<T> {
  data: T[];
}
