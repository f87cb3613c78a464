/** `workspace:create` and `member:add`. */
import { and, eq } from 'drizzle-orm';
import { memberships, workspaces, type Db } from '@konvent/db';
import { can, createMemberSchema, createWorkspaceSchema, roleSchema, roles } from '@konvent/shared';
import { recordAudit } from '../../commands/auditRecorder';
import { dropWorkspaceDuties } from '../../commands/memberRoleChanger';
import { isLastModerator, moderatorCount } from '../../policies/member';
import { CliFailure, checkOption, stringValue, type Command } from '../framework';
import { findUserByEmail } from './users';

const emailOption = { type: 'string', placeholder: '<address>', required: true } as const;
/** Same rule as the API's member form: trimmed, lowercased, a valid address. */
const emailSchema = createMemberSchema.shape.email;

/** A workspace by id, or by its exact name when that is unambiguous. */
function findWorkspace(db: Pick<Db, 'select'>, ref: string) {
  const byId = db.select().from(workspaces).where(eq(workspaces.id, ref)).get();
  if (byId) return byId;
  const byName = db.select().from(workspaces).where(eq(workspaces.name, ref)).all();
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) {
    throw new CliFailure(`Several workspaces are named "${ref}"; give the id instead: ${byName.map((w) => w.id).join(', ')}.`);
  }
  throw new CliFailure(`No workspace with the id or name "${ref}".`);
}

export const workspaceCreate: Command = {
  name: 'workspace:create',
  summary: 'Create a working group (Arbeitskreis), optionally with its first moderator.',
  options: {
    name: { type: 'string', placeholder: '<name>', description: 'Name of the working group.', required: true },
    description: { type: 'string', placeholder: '<text>', description: 'A sentence or two on what the group works on.' },
    moderator: { ...emailOption, required: false, description: 'E-mail address of an existing account that becomes moderator.' },
  },
  notes: ['Prints the new workspace id, which member:add accepts as well as the name.'],
  run({ values, env }) {
    const input = {
      name: checkOption(createWorkspaceSchema.shape.name, values.name, 'name'),
      description: checkOption(createWorkspaceSchema.shape.description, stringValue(values, 'description'), 'description'),
    };
    const given = stringValue(values, 'moderator');
    const moderatorEmail = given === undefined ? undefined : checkOption(emailSchema, given, 'moderator');
    const db = env.db();
    const workspace = db.transaction((tx) => {
      const moderator = moderatorEmail ? findUserByEmail(tx, moderatorEmail) : null;
      const created = tx
        .insert(workspaces)
        .values({ name: input.name, description: input.description ?? '' })
        .returning()
        .get();
      recordAudit(tx, {
        workspaceId: created.id,
        actorId: null,
        action: 'workspace.created',
        entityType: 'workspace',
        entityId: created.id,
        data: { name: created.name, via: 'cli' },
      });
      if (moderator) {
        tx.insert(memberships).values({ workspaceId: created.id, userId: moderator.id, role: 'moderator' }).run();
        recordAudit(tx, {
          workspaceId: created.id,
          actorId: null,
          action: 'member.added',
          entityType: 'member',
          entityId: moderator.id,
          data: { role: 'moderator', name: moderator.name, via: 'cli' },
        });
      }
      return created;
    });
    env.out(`Created workspace "${workspace.name}", id ${workspace.id}${moderatorEmail ? `, moderator ${moderatorEmail}` : ''}.`);
  },
};

export const memberAdd: Command = {
  name: 'member:add',
  summary: 'Add an existing account to a working group, or change the role it has there.',
  options: {
    workspace: { type: 'string', placeholder: '<id|name>', description: 'Id or exact name of the working group.', required: true },
    email: { ...emailOption, description: 'E-mail address of the account.' },
    role: { type: 'string', placeholder: '<role>', description: `One of ${roles.join(', ')}.`, required: true },
  },
  notes: [
    'The last moderator of a working group cannot be demoted. Observers leave their subgroups and assignments.',
    'A running server notices the change within about two seconds and switches open co-editing connections of the person to their new role.',
  ],
  run({ values, env }) {
    const role = checkOption(roleSchema, values.role, 'role');
    const email = checkOption(emailSchema, values.email, 'email');
    const db = env.db();
    const outcome = db.transaction((tx) => {
      const workspace = findWorkspace(tx, String(values.workspace));
      const user = findUserByEmail(tx, email);
      const existing = tx
        .select()
        .from(memberships)
        .where(and(eq(memberships.workspaceId, workspace.id), eq(memberships.userId, user.id)))
        .get();
      if (!existing) {
        tx.insert(memberships).values({ workspaceId: workspace.id, userId: user.id, role }).run();
        recordAudit(tx, {
          workspaceId: workspace.id,
          actorId: null,
          action: 'member.added',
          entityType: 'member',
          entityId: user.id,
          data: { role, name: user.name, via: 'cli' },
        });
        return `Added ${email} to "${workspace.name}" as ${role}.`;
      }
      if (existing.role === role) return `${email} is already ${role} in "${workspace.name}"; nothing changed.`;
      if (!can(role, 'members.manage') && isLastModerator(existing.role, moderatorCount(tx, workspace.id))) {
        throw new CliFailure(`${email} is the last moderator of "${workspace.name}"; make someone else moderator first.`);
      }
      tx.update(memberships).set({ role }).where(eq(memberships.id, existing.id)).run();
      if (!can(role, 'subgroup.join')) dropWorkspaceDuties(tx, workspace.id, user.id);
      recordAudit(tx, {
        workspaceId: workspace.id,
        actorId: null,
        action: 'member.role_changed',
        entityType: 'member',
        entityId: user.id,
        data: { from: existing.role, to: role, via: 'cli' },
      });
      return `Changed the role of ${email} in "${workspace.name}" from ${existing.role} to ${role}.`;
    });
    env.out(outcome);
  },
};
