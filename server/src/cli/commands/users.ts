/** `user:create` and `token:create`: accounts and personal access tokens. */
import { eq } from 'drizzle-orm';
import * as z from 'zod/mini';
import { users, type Db } from '@konvent/db';
import { createMemberSchema, createTokenSchema, limits } from '@konvent/shared';
import { hashPassword } from '../../auth/passwords';
import { createApiToken } from '../../auth/sessions';
import { recordAudit } from '../../commands/auditRecorder';
import { CliFailure, UsageError, checkOption, stringValue, type Command } from '../framework';

const emailSchema = createMemberSchema.shape.email;

/** Finds an account by e-mail address (stored lowercased) or fails with a hint. */
export function findUserByEmail(db: Pick<Db, 'select'>, email: string) {
  const user = db.select().from(users).where(eq(users.email, email)).get();
  if (!user) throw new CliFailure(`No user with the e-mail address ${email}. Create one with: konvent user:create`);
  return user;
}

export const userCreate: Command = {
  name: 'user:create',
  summary: 'Create an account that can log in (for example the first administrator).',
  options: {
    email: { type: 'string', placeholder: '<address>', description: 'E-mail address, used to log in.', required: true },
    name: { type: 'string', placeholder: '<name>', description: 'Full name as others see it.', required: true },
    organisation: { type: 'string', placeholder: '<text>', description: 'Organisation, e.g. "Stadt Lindenfeld".' },
    password: {
      type: 'string',
      placeholder: '<password>',
      description: `Password (at least ${limits.passwordMin} characters); default: $KONVENT_PASSWORD.`,
    },
    admin: { type: 'boolean', description: 'Make the account an instance administrator (may create workspaces).' },
  },
  notes: [
    'Prefer KONVENT_PASSWORD over --password: arguments are visible in the process list and in shell history.',
    'Example: KONVENT_PASSWORD=… pnpm konvent user:create --email it@stadt.example --name "Kim Berger" --admin',
  ],
  async run({ values, env }) {
    const email = checkOption(emailSchema, values.email, 'email');
    const name = checkOption(createMemberSchema.shape.name, values.name, 'name');
    const organisation = checkOption(createMemberSchema.shape.organisation, stringValue(values, 'organisation'), 'organisation');
    const fromFlag = stringValue(values, 'password');
    const rawPassword = fromFlag ?? env.vars.KONVENT_PASSWORD;
    if (rawPassword === undefined || rawPassword === '') {
      throw new UsageError('A password is required: set KONVENT_PASSWORD or pass --password.');
    }
    const password = checkOption(
      z.string().check(z.minLength(limits.passwordMin, `at least ${limits.passwordMin} characters`), z.maxLength(limits.passwordMax)),
      rawPassword,
      fromFlag === undefined ? 'password (from KONVENT_PASSWORD)' : 'password',
    );
    const isAdmin = values.admin === true;
    const db = env.db();
    // Hash before the transaction: better-sqlite3 transactions must not await.
    const passwordHash = await hashPassword(password);
    const user = db.transaction((tx) => {
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
        throw new CliFailure(`A user with the e-mail address ${email} exists already.`);
      }
      const created = tx
        .insert(users)
        .values({ email, name, organisation: organisation || null, passwordHash, isAdmin })
        .returning()
        .get();
      recordAudit(tx, {
        actorId: null,
        action: 'user.created',
        entityType: 'user',
        entityId: created.id,
        data: { name, isAdmin, via: 'cli' },
      });
      return created;
    });
    env.out(`Created user ${user.email} (${user.name})${isAdmin ? ' as administrator' : ''}, id ${user.id}.`);
  },
};

export const tokenCreate: Command = {
  name: 'token:create',
  summary: 'Create a personal access token for an account and print it (for scripts and benchmarks).',
  options: {
    email: { type: 'string', placeholder: '<address>', description: 'E-mail address of the account.', required: true },
    name: { type: 'string', placeholder: '<name>', description: 'What the token is for, e.g. "Nightly export".', required: true },
  },
  notes: [
    'Only the token goes to standard output, so it can be captured: TOKEN=$(pnpm -s konvent token:create …) ' +
      '(-s keeps pnpm\'s own script banner off standard output).',
    'The token is shown once; only a hash is stored. Use it as "Authorization: Bearer <token>" or ?token= on /collab.',
    'Tokens are hashed with the instance secret in the data directory (secret.key): run this with the same KONVENT_DATA_DIR as the server.',
  ],
  run({ values, env }) {
    const email = checkOption(emailSchema, values.email, 'email');
    const name = checkOption(createTokenSchema.shape.name, values.name, 'name');
    const db = env.db();
    const key = env.config().secret;
    const token = db.transaction((tx) => {
      const user = findUserByEmail(tx, email);
      // createApiToken only inserts; the transaction object does that like the Db it is typed for.
      const created = createApiToken(tx as unknown as Db, key, user.id, name);
      recordAudit(tx, {
        actorId: null,
        action: 'token.created',
        entityType: 'token',
        entityId: created.row.id,
        data: { userId: user.id, name, prefix: created.row.prefix, via: 'cli' },
      });
      return created.token;
    });
    env.err(`Personal access token "${name}" for ${email} (shown only once):`);
    env.out(token);
  },
};
