import { eq } from 'drizzle-orm';
import { comments, type Db } from '@konvent/db';
import { mentionedIds } from '../comments/mentions';
import { notifyNewMentions } from './notifier';

export interface CommentEditorProps {
  comment: typeof comments.$inferSelect;
  thread: { id: string };
  section: { id: string; workspaceId: string };
  actorId: string;
  /** Body with checked mentions (routes/threads/mentions.ts). */
  body: string;
  plainText: string;
  mentioned: string[];
}

/** Changes a comment's text; people newly mentioned by the edit are notified, nobody twice. */
export function commentEditor(db: Db, props: CommentEditorProps) {
  return db.transaction((tx) => {
    tx.update(comments)
      .set({ body: props.body, plainText: props.plainText, editedAt: new Date() })
      .where(eq(comments.id, props.comment.id))
      .run();
    const notifications = notifyNewMentions(tx, {
      workspaceId: props.section.workspaceId,
      sectionId: props.section.id,
      threadId: props.thread.id,
      commentId: props.comment.id,
      actorId: props.actorId,
      plainText: props.plainText,
      mentioned: props.mentioned,
      previouslyMentioned: mentionedIds(props.comment.body),
    });
    return { notifications };
  });
}
